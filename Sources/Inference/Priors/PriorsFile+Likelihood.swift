import DataFiles
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
            if let constraintOverride { _ = try all.select(constraintOverride.joined(separator: ",")) } else { _ = try constraintNames(in: all) }
            set = all
        }
        return try PosteriorLikelihood(predictor: predictor, leptons: leptons, constraints: set, constraintNames: names,
                                   convention: errors)
    }

    /// The file's `data.constraints` checked against `set`: an unknown name, or an alternative listed
    /// with its default, is an error naming this file and the key.
    public func constraintNames(in set: ConstraintSet) throws -> [String] {
        do {
            return try set.select(constraints.joined(separator: ","), source: source)
        } catch let error as DataFileError {
            throw PriorsError(file: source, key: "data.constraints", message: error.message)
        }
    }
}
