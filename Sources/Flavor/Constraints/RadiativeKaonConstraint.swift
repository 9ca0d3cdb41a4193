/// K+ -> mu+ nu Z_D (`RadiativeLeptonicDecay`, eqs. 4.26-4.30): with Z_D -> invisible against NA62's
/// K+ -> mu+ nu nu nu-bar limit (eq. 4.31), and with Z_D -> e+ e- for M_ZD > 145 MeV within the
/// K+ -> mu+ nu e+ e- measurement (eq. 4.32).
public struct RadiativeKaonConstraint: Constraint {
    public enum Observable: String, Sendable, CaseIterable {
        case invisible = "k-mu-invisible", electrons = "k-mu-nu-ee"
    }

    /// The m_ee cut of the K+ -> mu+ nu e+ e- measurement (GeV).
    static let electronPairThreshold = 0.145

    public let observable: Observable
    let decay: RadiativeLeptonicDecay

    public var name: String { observable.rawValue }

    public var summary: String {
        switch observable {
        case .invisible: return "B(K+ -> mu+ nu Z_D) B(Z_D -> invisible) against NA62 (eqs. 4.26-4.31)"
        case .electrons: return "B(K+ -> mu+ nu Z_D) B(Z_D -> e e) for M_ZD > 145 MeV within the K+ -> mu+ nu e+ e- measurement (eq. 4.32)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [RadiativeKaonConstraint] {
        let decay = try RadiativeLeptonicDecay(.kaon, inputs: model.inputs)
        return Observable.allCases.map { RadiativeKaonConstraint(observable: $0, decay: decay) }
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        switch observable {
        case .invisible:
            return ConstraintPrediction(decay.rates(point).invisibleBranchingFraction)
        case .electrons:
            guard point.parameters.mZD > Self.electronPairThreshold else { return nil }
            return ConstraintPrediction(decay.rates(point).electronBranchingFraction)
        }
    }
}
