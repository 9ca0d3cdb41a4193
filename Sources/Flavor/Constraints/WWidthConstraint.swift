import Foundation

/// The new W width Gamma(W -> l nu Z_D), summed over l = e, mu, tau, in GeV, within the measured
/// uncertainty of Gamma_W (eqs. 4.40, 4.42, 5.4).
public struct WWidthConstraint: Constraint {
    let inputs: FlavorInputs

    public var name: String { "w-width" }
    public var summary: String { "Gamma(W -> l nu Z_D) summed over l = e, mu, tau, in GeV, against the W width (eqs. 4.40, 4.42, 5.4)" }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [WWidthConstraint] {
        [WWidthConstraint(inputs: model.inputs)]
    }

    /// Eq. 4.40 summed over the leptons: Gamma = sum_l (v_l - a_l)^2 G_F M_W^5 / (512 sqrt 2 pi^3 M_ZD^2),
    /// the Z_D coupling to the left-handed lepton of the W vertex with v - a (docs/physics.md §1). The tau has the couplings of a muon without g_mu (case A).
    /// The total, whatever the Z_D decays to (not eq. 4.41's W -> l + invisible; docs/validation.md).
    public func width(at point: DarkBosonPoint) -> Double {
        var tauLike = point.parameters
        tauLike.modelCase = .A
        tauLike.gMu = 0
        let tau = DarkBosonCouplings(tauLike, inputs: inputs).muon
        let c = point.couplings
        func leftHanded(_ l: ChiralCoupling) -> Double { pow(l.vector - l.axial, 2) }
        let sum = leftHanded(c.electron) + leftHanded(c.muon) + leftHanded(tau)
        let m = point.parameters.mZD
        return sum * inputs.fermiConstant * pow(inputs.massW, 5) / (512 * 2.0.squareRoot() * pow(Double.pi, 3) * m * m)
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(width(at: point))
    }
}
