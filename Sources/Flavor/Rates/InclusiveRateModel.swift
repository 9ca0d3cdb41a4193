@preconcurrency import CGSL
import Foundation
import Numerics

/// dB/dq^2 of the inclusive B -> X_s l+ l-, normalised to the measured semileptonic rate as in
/// Huber, Hurth, Lunghi (arXiv:1503.04849) and flavio:
///   dB/dq^2 = BR(B -> X_c e nu)_exp / C * |V_tb V_ts^*|^2 / |V_cb|^2 * alpha^2 / (4 pi^2 m_b^2)
///             * Phi_ll(sh) / Phi_u,   sh = q^2 / m_b^2 (m_b the pole mass),
/// where, with m = m_l / m_b and the effective coefficients
///   C7t = C7eff (1 + alpha_s/pi sigma7) + delta C7,   C9t = C9 (1 + alpha_s/pi sigma9) + Y + delta C9,
///   C10t = C10 (1 + alpha_s/pi sigma9)   (C9, C10 including the new-physics shifts),
///   Phi_ll = (1 - sh)^2 sqrt(1 - 4 m^2/sh) { 4 |C7t|^2 (1 + 2/sh)(1 + 2 m^2/sh)(1 + alpha_s/pi tau77)
///            + 12 Re(C7t C9t^*)(1 + 2 m^2/sh)(1 + alpha_s/pi tau79)
///            + (|C9t|^2 + |C10t|^2)(1 + 2 sh + 2 m^2 (1 - sh)/sh)(1 + alpha_s/pi tau99)
///            + 6 m^2 (|C9t|^2 - |C10t|^2) } + (the same for C7') + Phi_1/mb^2,
/// the O(alpha_s) bremsstrahlung functions sigma, tau as collected in arXiv:1503.04849 (and
/// references there), the 1/m_b^2 corrections Phi_1/mb^2 of Ali, Hiller, Handoko,
/// Morozumi (hep-ph/9609449) in the form of arXiv:1503.04849 (lambda_1, lambda_2 times quadratic
/// forms in C7eff, C9, C10), and Phi_u = 1 + alpha_s/(4 pi)(50/3 - 8 pi^2/3)
/// + (alpha/alpha_s) 12/23 (1 - alpha_s(mu)/alpha_s(M_Z)) + lambda_1/(2 m_b^2) - 9 lambda_2/(2 m_b^2).
///
/// The approximation (docs/semileptonic-rates.md): this is the NNLO QCD rate of
/// arXiv:1503.04849 without its log-enhanced QED corrections (the ones that make ee differ from
/// mu mu beyond phase space) and without the O(alpha_s lambda_u/lambda_t) Seidel terms. In the
/// 1/m_b^2 terms |C10|^2 comes with the weight of |C9|^2 (flavio 2.7.1 omits C10 there), and the
/// terms, derived for massless leptons, are multiplied by beta_l = sqrt(1 - 4 m_l^2/q^2) so that the
/// rate vanishes at the dilepton threshold (without it their 1/sh pieces dominate there and turn the
/// rate negative; at q^2 >= 1 GeV^2 the factor changes the rate by less than 1e-4). The expansion is
/// meant for 1 < q^2 < 6 GeV^2; below 1 GeV^2 the rate is the formula continued, for checks only.
/// Measured effect of the omissions on the table-1 NP/SM ratios: below 1%.
public struct InclusiveRateModel: Sendable {
    public let loops: QuarkLoopModel
    public let bottomPoleMass: Double
    /// alpha_s at the scale of `loops`.
    public let alphaS: Double
    /// C7' in the SM, (m_s/m_b) C7.
    public let c7Prime: Double
    /// The HQET parameters lambda_1, lambda_2 (GeV^2).
    public let lambda1: Double
    public let lambda2: Double
    /// BR_SL/C |lambda_t/V_cb|^2 alpha^2/(4 pi^2 m_b^2) / Phi_u, in GeV^-2.
    public let normalization: Double

    public init(loops: QuarkLoopModel, bottomPoleMass: Double, alphaS: Double, alphaSAtMZ: Double, alphaEM: Double,
                c7Prime: Double, lambda1: Double, lambda2: Double, semileptonicBranchingFraction: Double,
                semileptonicRatioC: Double, ckmFactor: Double) {
        self.loops = loops
        self.bottomPoleMass = bottomPoleMass
        self.alphaS = alphaS
        self.c7Prime = c7Prime
        self.lambda1 = lambda1
        self.lambda2 = lambda2
        let mb2 = bottomPoleMass * bottomPoleMass, pi = Double.pi
        let phiU = 1 + alphaS / (4 * pi) * (50.0 / 3 - 8 * pi * pi / 3)
            + alphaEM / alphaS * 12.0 / 23 * (1 - alphaS / alphaSAtMZ)
            + lambda1 / (2 * mb2) - 9 * lambda2 / (2 * mb2)
        normalization = semileptonicBranchingFraction / semileptonicRatioC * ckmFactor
            * alphaEM * alphaEM / (4 * pi * pi * mb2) / phiU
    }

    /// The rate's coefficients at q^2 for a lepton of mass `leptonMass` (zero outside
    /// 4 m_l^2 < q^2 < m_b^2). There is no CP average: the rate is that of the b decay.
    public func coefficients(q2: Double, leptonMass ml: Double) -> RateCoefficients {
        guard let rate = rate(q2: q2, leptonMass: ml) else { return RateCoefficients(q2: q2, form: .zero) }
        return RateCoefficients(q2: q2, rate: rate)
    }

    /// dB/dq^2 evaluated directly (no quadratic form; for checks); a nil `deltaC10Timelike` moves C10P
    /// with C10.
    public func dBdq2Direct(q2: Double, leptonMass ml: Double, deltaC9: Complex<Double>, deltaC10: Complex<Double>,
                            deltaC10Timelike: Complex<Double>? = nil) -> Double {
        rate(q2: q2, leptonMass: ml)?(ShiftQuadraticForm.variables(deltaC9, deltaC10),
                                      TimelikeQuadraticForm.variables(deltaC10Timelike ?? deltaC10)) ?? 0
    }

    /// dB/dq^2 at q^2 as a function of the real shift variables of (dC9, dC10) and dC10P; nil outside
    /// the physical region. The weight of |C10t|^2 (C10t the tilde coefficient above) splits as
    /// beta^2 (1 + 2 sh), the J = 1 part, plus 6 m^2/sh, the timelike part (docs/physics.md §2); the
    /// latter takes C10P, with the same O(alpha_s) factor as C10.
    func rate(q2: Double, leptonMass ml: Double) -> ((SIMD4<Double>, SIMD2<Double>) -> Double)? {
        let mb = bottomPoleMass
        guard q2 > 4 * ml * ml, q2 < mb * mb else { return nil }
        let sh = q2 / (mb * mb), m2 = (ml / mb) * (ml / mb)
        let c = loops.coefficients
        let k = loops.corrections(q2: q2, cpConjugate: false)
        let a = alphaS / Double.pi
        let brems7 = 1 + a * Bremsstrahlung.sigma7(sh, scale: c.scale, bottomMass: mb)
        let brems9 = 1 + a * Bremsstrahlung.sigma9(sh)
        let c7 = Complex(c.c7eff * brems7, 0) + k.c7TwoLoop
        let c7Prime = Complex(self.c7Prime * brems7, 0)
        let velocity = (1 - 4 * m2 / sh).squareRoot()
        let w77 = 4 * (1 + 2 / sh) * (1 + 2 * m2 / sh) * (1 + a * Bremsstrahlung.tau77(sh))
        let w79 = 12 * (1 + 2 * m2 / sh) * (1 + a * Bremsstrahlung.tau79(sh))
        let w99 = (1 + 2 * sh + 2 * m2 * (1 - sh) / sh) * (1 + a * Bremsstrahlung.tau99(sh))
        let front = (1 - sh) * (1 - sh) * velocity
        let power = PowerCorrections(sh: sh, lambda1: lambda1, lambda2: lambda2, bottomMass: mb)
        let normalization = self.normalization
        let wTimelike = 6 * m2 / sh
        return { s, t in
            let c9 = Complex(c.c9 + s[0], s[1]), c10 = Complex(c.c10 + s[2], s[3])
            let c9t = c9 * brems9 + k.c9OneLoop + k.c9TwoLoop, c10t = c10 * brems9
            let c10Timelike = Complex(c.c10 + t[0], t[1]) * brems9
            let n7 = c7.lengthSquared, n9 = c9t.lengthSquared, n10 = c10t.lengthSquared
            let i79 = c7.real * c9t.real + c7.imaginary * c9t.imaginary
            var phi = front * (w77 * n7 + w79 * i79 + w99 * (n9 + n10) + 6 * m2 * (n9 - n10)
                               + wTimelike * (c10Timelike.lengthSquared - n10))
            phi += front * w77 * c7Prime.lengthSquared
            phi += velocity * power.value(c7: Complex(c.c7eff, 0), c9: c9, c10: c10)
            return normalization * phi
        }
    }
}

/// The universal (sigma) and non-universal (tau) O(alpha_s) bremsstrahlung functions of
/// B -> X_s l l as collected in arXiv:1503.04849 (and references there), sh = q^2/m_b^2.
public enum Bremsstrahlung {
    static func dilog(_ x: Double) -> Double { gsl_sf_dilog(x) }

    public static func sigma(_ s: Double) -> Double {
        -4.0 / 3 * dilog(s) - 2.0 / 3 * log(s) * log(1 - s) - 2.0 / 9 * Double.pi * Double.pi
            - log(1 - s) - 2.0 / 9 * (1 - s) * log(1 - s)
    }
    public static func sigma9(_ s: Double) -> Double { sigma(s) + 1.5 }
    public static func sigma7(_ s: Double, scale mu: Double, bottomMass mb: Double) -> Double {
        sigma(s) + 1.0 / 6 - 8.0 / 3 * log(mu / mb)
    }
    public static func tau77(_ s: Double) -> Double {
        -2 / (9 * (2 + s)) * (2 * (1 - s) * (1 - s) * log(1 - s) + 6 * s * (2 - 2 * s - s * s) / ((1 - s) * (1 - s)) * log(s)
                               + (11 - 7 * s - 10 * s * s) / (1 - s))
    }
    public static func tau99(_ s: Double) -> Double {
        -4 / (9 * (1 + 2 * s)) * (2 * (1 - s) * (1 - s) * log(1 - s) + 3 * s * (1 + s) * (1 - 2 * s) / ((1 - s) * (1 - s)) * log(s)
                                  + 3 * (1 - 3 * s * s) / (1 - s))
    }
    public static func tau79(_ s: Double) -> Double {
        -4 * (1 - s) * (1 - s) / (9 * s) * log(1 - s) - 4 * s * (3 - 2 * s) / (9 * (1 - s) * (1 - s)) * log(s)
            - 2 * (5 - 3 * s) / (9 * (1 - s))
    }
}

/// The 1/m_b^2 corrections to Phi_ll of B -> X_s l l (transverse plus longitudinal parts), the
/// chi_1, chi_2 functions of arXiv:1503.04849 (from Ali, Hiller, Handoko, Morozumi, hep-ph/9609449):
///   Phi = lambda_1/m_b^2 [chi1_77 |C7|^2 + chi1_79 Re(C7 C9^*) + chi1_99 (|C9|^2 + |C10|^2)] + (lambda_2, chi2).
struct PowerCorrections {
    let w77, w79, w99: Double

    init(sh s: Double, lambda1: Double, lambda2: Double, bottomMass mb: Double) {
        let l1 = lambda1 / (mb * mb), l2 = lambda2 / (mb * mb)
        let chi1_77 = 4 / (3 * s) * (1 - s) * (5 * s + 3) + 2.0 / 3 * (s - 1) * (3 * s + 13)
        let chi1_79 = 6 * (1 - s) * (1 - s)
        let chi1_99 = -s / 3 * (1 - s) * (3 * s + 5) + 1.0 / 6 * (1 - s) * (13 * s + 3)
        let chi2_77 = 4 / s * (3 * s * s + 2 * s - 9) + 2 * (15 * s * s - 6 * s - 13)
        let chi2_79 = 4 * (9 * s * s - 6 * s - 7) + 2 * (3 * s * s - 6 * s - 1)
        let chi2_99 = s * (15 * s * s - 14 * s - 5) + 0.5 * (-17 * s * s + 10 * s + 3)
        w77 = l1 * chi1_77 + l2 * chi2_77
        w79 = l1 * chi1_79 + l2 * chi2_79
        w99 = l1 * chi1_99 + l2 * chi2_99
    }

    func value(c7: Complex<Double>, c9: Complex<Double>, c10: Complex<Double>) -> Double {
        w77 * c7.lengthSquared + w79 * (c7.real * c9.real + c7.imaginary * c9.imaginary)
            + w99 * (c9.lengthSquared + c10.lengthSquared)
    }
}
