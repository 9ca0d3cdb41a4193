/// The muon's anomalous magnetic moment: a_mu^NP of the Z_D loop (`MuonAnomalousMoment`) against
/// Delta a_mu (eqs. 6.1-6.3).
public struct MuonMagneticMomentConstraint: Constraint {
    let inputs: FlavorInputs

    public var name: String { "g-2" }
    public var summary: String { "muon g-2, a_mu^NP against Delta a_mu (eqs. 6.1-6.3)" }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [MuonMagneticMomentConstraint] {
        [MuonMagneticMomentConstraint(inputs: model.inputs)]
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(MuonAnomalousMoment.value(point.parameters, inputs: inputs))
    }
}
