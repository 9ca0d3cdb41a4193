/// K+ -> mu+ nu Z_D (`RadiativeLeptonicDecay`, eqs. 4.26-4.30): with Z_D -> invisible against NA62's
/// K+ -> mu+ nu nu nu-bar limit (eq. 4.31), and with Z_D -> e+ e- for M_ZD > 145 MeV within the
/// K+ -> mu+ nu e+ e- measurement (eq. 4.32). The defaults radiate from the non-conserved part of the
/// muon coupling (docs/physics.md §7); the `-paper` rows keep the paper's muon leg with the whole coupling.
/// `prediction` integrates the width at each point; the likelihood's `fastPrediction` takes it from the
/// `RadiativeWidthTable` built once (the same quadratic form in the couplings, tabulated in M_ZD).
public struct RadiativeKaonConstraint: Constraint {
    public enum Observable: String, Sendable, CaseIterable {
        case invisible = "k-mu-invisible", electrons = "k-mu-nu-ee"
    }

    /// The m_ee cut of the K+ -> mu+ nu e+ e- measurement (GeV).
    static let electronPairThreshold = 0.145

    public let observable: Observable
    public let emission: RadiativeEmission
    let decay: RadiativeLeptonicDecay
    let table: RadiativeWidthTable

    public var name: String {
        emission == .nonConserved ? observable.rawValue : observable.rawValue + "-paper"
    }

    public var summary: String {
        let coupling = emission == .nonConserved
            ? "non-conserved muon coupling (physics.md §7)" : "the paper's muon leg with the whole muon coupling"
        switch observable {
        case .invisible: return "B(K+ -> mu+ nu Z_D) B(Z_D -> invisible) against NA62, \(coupling) (eqs. 4.26-4.31)"
        case .electrons: return "B(K+ -> mu+ nu Z_D) B(Z_D -> e e) for M_ZD > 145 MeV within the K+ -> mu+ nu e+ e- measurement, \(coupling) (eq. 4.32)"
        }
    }

    /// The defaults first, then the paper's alternatives (the row order of data/constraints.csv).
    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [RadiativeKaonConstraint] {
        let decay = try RadiativeLeptonicDecay(.kaon, inputs: model.inputs)
        let table = RadiativeWidthTable(decay)
        return [RadiativeEmission.nonConserved, .paperMuonLeg].flatMap { emission in
            Observable.allCases.map { RadiativeKaonConstraint(observable: $0, emission: emission, decay: decay, table: table) }
        }
    }

    func prediction(_ rates: (DarkBosonPoint, RadiativeEmission) -> RadiativeDarkBosonRates, at point: DarkBosonPoint) -> ConstraintPrediction? {
        switch observable {
        case .invisible:
            return ConstraintPrediction(rates(point, emission).invisibleBranchingFraction)
        case .electrons:
            guard point.parameters.mZD > Self.electronPairThreshold else { return nil }
            return ConstraintPrediction(rates(point, emission).electronBranchingFraction)
        }
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        prediction({ decay.rates($0, emission: $1) }, at: point)
    }

    public func fastPrediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        prediction({ table.rates($0, emission: $1) }, at: point)
    }

    /// The table's segment boundaries, the kaon threshold and the m_ee cut.
    public var specialMasses: [Double] { table.table.segmentMasses + [Self.electronPairThreshold] }
}
