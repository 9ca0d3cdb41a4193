import Foundation
import Numerics

/// Z_D contributions to neutral-meson mass differences through the monopole (E^{0,Z})_L,
/// paper eqs. 4.3 (B_s) and 4.24 (K):
///   Delta M^NP = (1/3) f^2 B M_P ((E^{0,Z})_L)^2 (1 - 5 m_q^2 / (8 M_ZD^2)) / (M_P^2 - M_ZD^2),
/// with m_q = m_b for B_s and m_s for K. The square of the complex coefficient is taken and its real
/// part reported (the mass difference is 2|M_12|; for these CKM phases the difference is below 1%,
/// and the paper prints a signed number, so the sign of Re is kept).
public struct MesonMixing: Sendable {
    public let penguinBToS: PenguinCoefficients
    public let penguinSToD: PenguinCoefficients
    let inputs: FlavorInputs
    let mBs, fBsSqrtB, mK, fK, bK, etaB, eta1: Double

    public init(inputs: FlavorInputs) throws {
        self.inputs = inputs
        penguinBToS = PenguinCoefficients(transition: .bToS, inputs: inputs)
        penguinSToD = PenguinCoefficients(transition: .sToD, inputs: inputs)
        mBs = try inputs.value("m_Bs")
        fBsSqrtB = try inputs.value("f_Bs_sqrt_B_Bs")
        mK = try inputs.value("m_K0")
        fK = try inputs.value("f_K")
        bK = try inputs.value("B_K_hat")
        etaB = try inputs.value("eta_B")
        eta1 = try inputs.value("eta_1")
        deltaMBsStandardModel = Self.standardModelBsMassDifference(inputs: inputs, mBs: mBs, fBsSqrtB: fBsSqrtB, etaB: etaB)
    }

    /// The Inami-Lim box function S_0(x) = (4x - 11x^2 + x^3)/(4(1-x)^2) - 3x^3 ln x/(2(1-x)^3)
    /// (Inami, Lim, Prog. Theor. Phys. 65 (1981) 297; Buchalla-Buras-Lautenbacher eq. XII.4). Eq. 4.2
    /// of the paper prints the last term as 3x ln x/(2(1-x)^2), which gives S_0(x_t) < 0; the standard
    /// form gives S_0(x_t) = 2.32 (docs/validation.md).
    public static func inamiLimS0(_ x: Double) -> Double {
        (4 * x - 11 * x * x + x * x * x) / (4 * (1 - x) * (1 - x)) - 3 * x * x * x * log(x) / (2 * pow(1 - x, 3))
    }

    /// Delta M_Bs^SM in GeV, eq. 4.1: G_F^2 M_Bs/(6 pi^2) M_W^2 |V_tb V_ts^*|^2 eta_B f^2 B S_0(m_t^2/M_W^2)
    /// (`standardModelBsMassDifference`, found once).
    public let deltaMBsStandardModel: Double

    static func standardModelBsMassDifference(inputs: FlavorInputs, mBs: Double, fBsSqrtB: Double, etaB: Double) -> Double {
        let lambdaT = inputs.ckm.lambda(up: 2, from: 2, to: 1).lengthSquared
        let gF = inputs.fermiConstant, mW = inputs.massW
        return gF * gF * mBs / (6 * Double.pi * Double.pi) * mW * mW * lambdaT * etaB * fBsSqrtB * fBsSqrtB
            * Self.inamiLimS0(pow(inputs.massTop / mW, 2))
    }

    /// Delta_mix = Delta M_Bs^NP / Delta M_Bs^SM, eq. 4.6 (f_Bs^2 B_Bs cancels).
    public func deltaMix(mZD: Double, epsilonZ: Double) -> Double {
        deltaMBs(mZD: mZD, epsilonZ: epsilonZ) / deltaMBsStandardModel
    }

    static func deltaM(decayConstantSquaredTimesBag f2B: Double, mesonMass mP: Double, quarkMass mq: Double,
                       monopole e0: Complex<Double>, mZD: Double) -> Double {
        let square = e0 * e0
        return f2B * mP * square.real * (1 - 5 * mq * mq / (8 * mZD * mZD)) / (3 * (mP * mP - mZD * mZD))
    }

    /// Delta M_Bs^NP in GeV, eq. 4.3.
    public func deltaMBs(mZD: Double, epsilonZ: Double) -> Double {
        Self.deltaM(decayConstantSquaredTimesBag: fBsSqrtB * fBsSqrtB, mesonMass: mBs, quarkMass: inputs.massBottom,
                    monopole: penguinBToS.e0ZLeft * epsilonZ, mZD: mZD)
    }

    /// Delta M_K^NP in GeV, eq. 4.24.
    public func deltaMK(mZD: Double, epsilonZ: Double) -> Double {
        Self.deltaM(decayConstantSquaredTimesBag: fK * fK * bK, mesonMass: mK, quarkMass: inputs.massStrange,
                    monopole: penguinSToD.e0ZLeft * epsilonZ, mZD: mZD)
    }
}
