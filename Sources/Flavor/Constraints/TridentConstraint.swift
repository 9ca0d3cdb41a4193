/// Neutrino trident production nu_mu N -> nu_mu N mu+ mu-: sigma/sigma_SM with the Z_D exchanged,
/// through its nu_L and muon couplings, at CCFR and CHARM-II (eq. 4.39, docs/neutrino.md §1, the
/// tables data/trident_ccfr.csv and data/trident_charm2.csv). Does not apply outside a table's masses.
public struct TridentConstraint: Constraint {
    public enum Experiment: String, Sendable, CaseIterable {
        case ccfr = "trident-ccfr", charm2 = "trident-charm2"

        var tableFile: String {
            switch self {
            case .ccfr: return "trident_ccfr.csv"
            case .charm2: return "trident_charm2.csv"
            }
        }
    }

    public let experiment: Experiment
    let trident: NeutrinoTrident

    public var name: String { experiment.rawValue }

    public var summary: String {
        switch experiment {
        case .ccfr: return "neutrino trident sigma/sigma_SM at CCFR, Z_D exchange with its nu_L and muon couplings (eq. 4.39, docs/neutrino.md)"
        case .charm2: return "neutrino trident sigma/sigma_SM at CHARM-II (eq. 4.39, docs/neutrino.md)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [TridentConstraint] {
        try Experiment.allCases.map {
            TridentConstraint(experiment: $0, trident: try NeutrinoTrident(file: $0.tableFile, inputs: model.inputs))
        }
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        trident.ratio(point).map { ConstraintPrediction($0) }
    }
}
