import Foundation

/// The new W width Gamma(W -> l nu Z_D), summed over l = e, mu, tau, in GeV, within the measured
/// uncertainty of Gamma_W (eqs. 4.40, 4.42, 5.4).
public struct WWidthConstraint: Constraint {
    public enum Formula: String, Sendable, CaseIterable {
        /// darkz: eq. 4.40 with the charge the W vertex does not conserve (docs/physics.md §7).
        case mismatch = "w-width"
        /// The paper's eq. 4.40 with the full left-handed coupling (v_l - a_l)^2.
        case paper = "w-width-paper"
    }

    public let formula: Formula
    let inputs: FlavorInputs
    /// G_F M_W^5.
    let numerator: Double

    init(formula: Formula, inputs: FlavorInputs) {
        self.formula = formula
        self.inputs = inputs
        numerator = inputs.fermiConstant * pow(inputs.massW, 5)
    }

    public var name: String { formula.rawValue }
    public var summary: String {
        switch formula {
        case .mismatch:
            return "Gamma(W -> l nu Z_D) summed over l = e, mu, tau, in GeV, from the charge the W vertex does not conserve (eq. 4.40 with Delta_l; physics.md §7)"
        case .paper:
            return "Gamma(W -> l nu Z_D) summed over l = e, mu, tau, in GeV, the paper's eq. 4.40 with (v_l - a_l)^2 (eqs. 4.40, 4.42, 5.4)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [WWidthConstraint] {
        Formula.allCases.map { WWidthConstraint(formula: $0, inputs: model.inputs) }
    }

    /// G_F M_W^5 / (512 sqrt 2 pi^3 M^2): eq. 4.40 per unit coupling squared (the Goldstone-equivalence width
    /// of a longitudinal Z_D with charge mismatch 1, docs/physics.md §7).
    func widthPerCouplingSquared(mass m: Double) -> Double {
        numerator / (Self.denominator * m * m)
    }

    /// 512 sqrt 2 pi^3 of `widthPerCouplingSquared` (G_F M_W^5 is `numerator`).
    static let denominator = 512 * 2.0.squareRoot() * pow(Double.pi, 3)

    /// darkz (default): sum_l Delta_l^2 G_F M_W^5 / (512 sqrt 2 pi^3 M_ZD^2), Delta_l the charge mismatch at the
    /// W vertex (`LeptonChargeMismatch`): zero for the mixing couplings, the direct couplings otherwise. Left out
    /// (docs/physics.md §7): the lepton-mass terms of the axial coupling and the transverse emission, both bounded
    /// there far below the 0.042 GeV error in the priors. The total, whatever the Z_D decays to.
    public func width(at point: DarkBosonPoint) -> Double {
        let mismatch = LeptonChargeMismatch(point.parameters, couplings: point.couplings, inputs: inputs)
        return mismatch.sumOfSquares * widthPerCouplingSquared(mass: point.parameters.mZD)
    }

    /// The paper's eq. 4.40 summed over the leptons: sum_l (v_l - a_l)^2 G_F M_W^5 / (512 sqrt 2 pi^3 M_ZD^2), the
    /// Z_D coupling to the left-handed lepton of the W vertex (docs/physics.md §1). The tau has the couplings of a
    /// muon without g_mu (case A). The total, whatever the Z_D decays to (not eq. 4.41's W -> l + invisible).
    public func paperWidth(at point: DarkBosonPoint) -> Double {
        var tauLike = point.parameters
        tauLike.modelCase = .A
        tauLike.gMu = 0
        let tau = DarkBosonCouplings(tauLike, inputs: inputs).muon
        let c = point.couplings
        let sum = c.electron.left * c.electron.left + c.muon.left * c.muon.left + tau.left * tau.left
        return sum * widthPerCouplingSquared(mass: point.parameters.mZD)
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        switch formula {
        case .mismatch: return ConstraintPrediction(width(at: point))
        case .paper: return ConstraintPrediction(paperWidth(at: point))
        }
    }
}
