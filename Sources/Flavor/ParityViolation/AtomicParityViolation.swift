import DataFiles
import Foundation

/// The proton and 133Cs weak charges with a Z_D, paper sec. 4.7 (eqs. 4.33-4.38), and their
/// Gaussian likelihood. Built once; value type; weak charges and pulls allocate nothing.
///
/// Weak charges (eqs. 4.34-4.35, in the PDG form the paper copies from its ref. [56]):
///
///     Q_W^p  = -2 rho_d g_AV^ep(kappa_d s^2) (1 - alpha/2 pi),
///     Q_W^Cs = -2 rho_d [Z (g_AV^ep(kappa_d s^2) + 0.00005) + N (g_AV^en + 0.00006)] (1 - alpha/2 pi),
///     g_AV^ep(kappa_d s^2) = g_AV^ep,SM + 2 s^2 (kappa_d - 1),
///
/// with g_AV^ep,SM = 2 C1u + C1d and g_AV^en = C1u + 2 C1d the radiatively corrected SM couplings
/// (data/apv_weak_charges.csv), s^2 = sin^2 theta_W(0) (MSbar, Thomson limit; flavor_inputs
/// `sin2_theta_W_0`) and alpha = alpha(0). The tree-level couplings -1/2 + 2 s^2 and 1/2 that the
/// paper names would give Q_W^p = 0.045 and Q_W^Cs = -75.4 (docs/parity-violation.md); kappa_d acts
/// through their s^2 dependence, which is exact at tree level. Eq. 4.35 as printed groups the
/// correction inside the argument, g_AV^ep(kappa_d sin^2 theta_W + 0.00005); the PDG formula, used
/// here, adds it to the coupling.
///
/// f (eqs. 4.37-4.38): M^2/(Q^2 + M^2) with Qweak's <Q^2> = 0.0248 GeV^2 for the proton; the
/// tabulated `CesiumFormFactor` for cesium.
///
/// Model cases: the weak charges depend on M_ZD, eps and eps_Z only. g_mu (cases B, C) couples to
/// muons. Case C's g_D^e is a vector coupling (eq. 3.2): it cancels the electron's vector coupling
/// but not its axial one, a_e = (g/4 c_W) eps_Z, and APV measures the electron's axial coupling times
/// the nucleus's vector charge. So darkz constrains case C exactly as case A, where the paper says
/// "Case C is also unconstrained by APV" (that holds only if g_D^e also cancels the axial coupling).
public struct AtomicParityViolation: Sendable {
    public let weakChargeInputs: WeakChargeInputs
    public let cesiumFormFactor: CesiumFormFactor
    /// sin^2 theta_W(0), MSbar.
    public let sin2ThetaW: Double
    public let alphaEM: Double
    public let massZ: Double

    public init(inputs: FlavorInputs, weakChargeInputs: WeakChargeInputs, cesiumFormFactor: CesiumFormFactor) throws {
        self.weakChargeInputs = weakChargeInputs
        self.cesiumFormFactor = cesiumFormFactor
        sin2ThetaW = try inputs.value("sin2_theta_W_0")
        alphaEM = inputs.alphaEM0
        massZ = inputs.massZ
    }

    /// Reads apv_weak_charges.csv and apv_cesium_form_factor.dat from `dataDirectory`.
    public init(inputs: FlavorInputs, dataDirectory: String) throws {
        try self.init(inputs: inputs,
                      weakChargeInputs: WeakChargeInputs(contentsOf: dataDirectory + "/" + WeakChargeInputs.fileName),
                      cesiumFormFactor: CesiumFormFactor(contentsOf: dataDirectory + "/" + CesiumFormFactor.fileName))
    }

    /// With data/flavor_inputs.csv and the files beside it.
    public static func standard() throws -> AtomicParityViolation {
        let inputsPath = try DataDirectory.path(of: "flavor_inputs.csv")
        return try AtomicParityViolation(inputs: FlavorInputs(contentsOf: inputsPath),
                                         dataDirectory: (inputsPath as NSString).deletingLastPathComponent)
    }

    /// f of eqs. 4.37-4.38 for `target` at Z_D mass `mZD` (GeV).
    public func propagatorSuppression(_ target: WeakChargeTarget, mZD: Double) -> Double {
        switch target {
        case .proton: return DarkZWeakMixing.propagatorSuppression(q2: weakChargeInputs.qweakQ2, mZD: mZD)
        case .cesium133: return cesiumFormFactor(mZD)
        }
    }

    /// rho_d and kappa_d (eqs. 4.37-4.38) at a parameter point for `target`.
    public func mixing(_ target: WeakChargeTarget, _ p: DarkBosonParameters) -> DarkZWeakMixing {
        DarkZWeakMixing(mZD: p.mZD, epsilon: p.epsilon, epsilonZ: p.epsilonZ,
                        suppression: propagatorSuppression(target, mZD: p.mZD), massZ: massZ, sin2ThetaW: sin2ThetaW)
    }

    /// Eq. 4.34 (proton) or 4.35 (133Cs) for given rho_d, kappa_d.
    public func weakCharge(_ target: WeakChargeTarget, mixing m: DarkZWeakMixing) -> Double {
        let w = weakChargeInputs
        let qed = 1 - alphaEM / (2 * Double.pi)
        let gAVep = w.electronProtonCoupling + 2 * sin2ThetaW * (m.kappa - 1)
        switch target {
        case .proton:
            return -2 * m.rho * gAVep * qed
        case .cesium133:
            let protons = w.cesiumProtons * (gAVep + w.protonCorrection)
            let neutrons = w.cesiumNeutrons * (w.electronNeutronCoupling + w.neutronCorrection)
            return -2 * m.rho * (protons + neutrons) * qed
        }
    }

    /// The weak charge of `target` at a parameter point.
    public func weakCharge(_ target: WeakChargeTarget, _ p: DarkBosonParameters) -> Double {
        weakCharge(target, mixing: mixing(target, p))
    }

    /// The Standard-Model weak charge (rho_d = kappa_d = 1).
    public func standardModelWeakCharge(_ target: WeakChargeTarget) -> Double {
        weakCharge(target, mixing: .standardModel)
    }
}
