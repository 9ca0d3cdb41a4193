import DataFiles
import Numerics

/// B(B_s -> mu mu) = B_SM |C10 + delta C10P(M_Bs^2)|^2 / |C10|^2 (eqs. 4.7-4.9 with the full Z_D
/// propagator), with the SM error scaled by the same ratio as its theory error. <0|A^mu|B_s> = i f p^mu
/// selects the timelike amplitude, so the coefficient is delta C10P, not delta C10 (docs/physics.md §2):
/// delta C10P(M_Bs^2) = -F_0 a_mu (1 - M_Bs^2/M^2)/(N D), about delta C10 at q^2 = 0.
public struct BsToMuMuConstraint: Constraint {
    let mBs, c10SM, branchingFractionSM, branchingFractionSMError: Double

    public var name: String { "bs-mumu" }
    public var summary: String { "B(B_s -> mu mu), SM x |C10 + delta C10P(M_Bs^2)|^2/|C10|^2 (eqs. 4.7-4.9, full Z_D propagator)" }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [BsToMuMuConstraint] {
        let inputs = model.inputs
        let c10SM = try StandardModelWilsonCoefficients(
            contentsOf: DataDirectory.path(of: StandardModelWilsonCoefficients.fileName), scale: inputs.value("mu_bsll")).c10
        return [BsToMuMuConstraint(mBs: try inputs.value("m_Bs"), c10SM: c10SM,
                                   branchingFractionSM: try inputs.value("BR_Bs_mumu_SM"),
                                   branchingFractionSMError: try inputs.value("BR_Bs_mumu_SM_error"))]
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        let dC10 = point.wilsonCoefficients(q2: mBs * mBs, lepton: .muon).c10Timelike
        let ratio = (Complex(c10SM, 0) + dC10).lengthSquared / (c10SM * c10SM)
        return ConstraintPrediction(branchingFractionSM * ratio, theoryError: branchingFractionSMError * ratio)
    }
}
