/// Neutral-meson mixing with the Z_D monopole (`MesonMixing`): B_s mixing as
/// Delta_mix = Delta M_Bs^NP / Delta M_Bs^SM (eqs. 4.1-4.6) and Delta M_K^NP in GeV (eqs. 4.23-4.25).
public struct MesonMixingConstraint: Constraint {
    public enum Observable: String, Sendable, CaseIterable {
        case bsMixing = "bs-mixing", deltaMK = "delta-mk"
    }

    public let observable: Observable
    let mixing: MesonMixing

    public var name: String { observable.rawValue }

    public var summary: String {
        switch observable {
        case .bsMixing: return "B_s mixing, Delta_mix = Delta M^NP/Delta M^SM (eqs. 4.1-4.6)"
        case .deltaMK: return "Kaon mixing, Delta M_K^NP in GeV (eqs. 4.23-4.25)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [MesonMixingConstraint] {
        let mixing = try MesonMixing(inputs: model.inputs)
        return Observable.allCases.map { MesonMixingConstraint(observable: $0, mixing: mixing) }
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        let p = point.parameters
        switch observable {
        case .bsMixing: return ConstraintPrediction(mixing.deltaMix(mZD: p.mZD, epsilonZ: p.epsilonZ))
        case .deltaMK: return ConstraintPrediction(mixing.deltaMK(mZD: p.mZD, epsilonZ: p.epsilonZ))
        }
    }
}
