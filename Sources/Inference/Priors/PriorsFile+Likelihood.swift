import Flavor

extension PriorsFile {
    /// The shipped priors file of a case name (caseA, caseA-invisible, caseB, caseC).
    public static func shipped(_ name: String) throws -> PriorsFile {
        try PriorsFile(contentsOf: DataDirectory.priorsPath(of: name + ".toml"))
    }

    /// The data file of this priors file as a path (a bare file name lives in data/).
    public func dataFilePath() throws -> String {
        dataFile.contains("/") ? dataFile : try DataDirectory.path(of: dataFile)
    }

    /// The likelihood this file asks for: its table rows, error convention and constraints
    /// (`constraintOverride` replaces the file's list, e.g. from --constraints).
    public func likelihood(predictor: BinnedPredictor, constraintOverride: [String]? = nil) throws -> PosteriorLikelihood {
        let names = constraintOverride ?? constraints
        var set: ConstraintSet?
        if !names.isEmpty {
            let all = try ConstraintSet.standard(model: predictor.model, onShell: predictor.onShell)
            _ = try all.select(names.joined(separator: ","))
            set = all
        }
        return try PosteriorLikelihood(predictor: predictor, leptons: leptons, constraints: set, constraintNames: names,
                                   convention: errors)
    }
}
