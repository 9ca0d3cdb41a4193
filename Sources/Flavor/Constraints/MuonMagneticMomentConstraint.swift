/// The muon's anomalous magnetic moment: a_mu^NP of the Z_D loop (`MuonAnomalousMoment`) against
/// Delta a_mu = a_mu^exp - a_mu^SM, a two-sided Gaussian. The default is the 2025 value (final FNAL
/// result, arXiv:2506.03069, against the 2025 White Paper, arXiv:2505.21476); the paper's eq. 6.1
/// (2021 experiment against the 2020 White Paper) is kept as an alternative. The numbers are the rows
/// of data/constraints.csv.
public struct MuonMagneticMomentConstraint: Constraint {
    public enum Measurement: String, Sendable, CaseIterable {
        /// FNAL final + BNL against the 2025 White Paper.
        case current = "g-2"
        /// The paper's eq. 6.1: FNAL 2021 + BNL against the 2020 White Paper.
        case paper2021 = "g-2-2021"
    }

    public let measurement: Measurement
    let inputs: FlavorInputs
    let table: MuonAnomalousMomentTable

    public var name: String { measurement.rawValue }
    public var summary: String {
        switch measurement {
        case .current:
            return "muon g-2, a_mu^NP against Delta a_mu of the final FNAL result and the 2025 White Paper (eqs. 6.2-6.3)"
        case .paper2021:
            return "muon g-2, a_mu^NP against the paper's Delta a_mu of 2021 (eqs. 6.1-6.3)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [MuonMagneticMomentConstraint] {
        let table = MuonAnomalousMomentTable(muonMass: model.inputs.massMuon)
        return Measurement.allCases.map { MuonMagneticMomentConstraint(measurement: $0, inputs: model.inputs, table: table) }
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(MuonAnomalousMoment.value(point.parameters, inputs: inputs))
    }

    public func fastPrediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(table.value(point))
    }

    public var specialMasses: [Double] { table.table.segmentMasses }
}
