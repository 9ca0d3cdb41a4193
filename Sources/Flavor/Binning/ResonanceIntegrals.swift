import CGSL
import Foundation
import Numerics

/// Closed-form integrals over a q^2 bin [a, b] of the Breit-Wigner structures of a Z_D pole at
/// q^2 = m2 with gamma = M Gamma, used to subtract the pole before numerical quadrature
/// (docs/physics.md §4). With x = q^2 - m2:
///   pole        ∫ dx / (x + i gamma)          = ln((b' + i gamma)/(a' + i gamma)),
///   lorentzian  ∫ dx / (x^2 + gamma^2)        = [atan(b'/gamma) - atan(a'/gamma)] / gamma,
///   dispersive  ∫ x dx / (x^2 + gamma^2)      = (1/2) ln((b'^2 + gamma^2)/(a'^2 + gamma^2)),
/// with a' = a - m2, b' = b - m2.
public enum ResonanceIntegrals {
    public static func pole(from a: Double, to b: Double, m2: Double, gamma: Double) -> Complex<Double> {
        let lo = a - m2, hi = b - m2
        return Complex(dispersive(from: a, to: b, m2: m2, gamma: gamma), atan2(gamma, hi) - atan2(gamma, lo))
    }

    public static func lorentzian(from a: Double, to b: Double, m2: Double, gamma: Double) -> Double {
        precondition(gamma > 0, "the Lorentzian integral needs a positive width")
        return (atan((b - m2) / gamma) - atan((a - m2) / gamma)) / gamma
    }

    public static func dispersive(from a: Double, to b: Double, m2: Double, gamma: Double) -> Double {
        let lo = a - m2, hi = b - m2
        return 0.5 * log((hi * hi + gamma * gamma) / (lo * lo + gamma * gamma))
    }

    /// The Gaussian smearing of eq. 2.14: the fraction of a peak at |q| = M, smeared with resolution
    /// r in |q|, that falls in the bin sqrt(q2Min) < |q| < sqrt(q2Max):
    /// G = Phi((q_max - M)/r) - Phi((q_min - M)/r), Phi the standard normal CDF (GSL).
    /// Far from the bin both values are exactly 1 (z >= 8.5: 1 - Phi < 2^-54) or exactly 0
    /// (z <= -38.5: Phi below the smallest subnormal), so G is exactly 0 there and is returned
    /// without calling GSL: the same number, at no cost (most bins at most masses).
    public static func gaussianSmearing(q2Min: Double, q2Max: Double, mass: Double, resolution r: Double) -> Double {
        gaussianSmearing(qMin: q2Min.squareRoot(), qMax: q2Max.squareRoot(), mass: mass, resolution: r)
    }

    /// The same from the bin's edges in |q| (GeV), for callers that keep the square roots.
    public static func gaussianSmearing(qMin: Double, qMax: Double, mass: Double, resolution r: Double) -> Double {
        let zMax = (qMax - mass) / r, zMin = (qMin - mass) / r
        if zMin >= 8.5 || zMax <= -38.5 { return 0 }
        return gsl_cdf_ugaussian_P(zMax) - gsl_cdf_ugaussian_P(zMin)
    }
}
