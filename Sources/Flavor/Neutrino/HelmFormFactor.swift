@preconcurrency import CGSL
import Foundation

/// The Helm nuclear form factor (R.H. Helm, Phys. Rev. 104 (1956) 1466) with the parameters of
/// J.D. Lewin and P.F. Smith, Astropart. Phys. 6 (1996) 87, sec. 4:
///   F(q) = 3 j_1(q r_n)/(q r_n) exp(-(q s)^2/2),   r_n^2 = c^2 + (7/3) pi^2 a^2 - 5 s^2,
///   c = 1.23 A^(1/3) - 0.60 fm,  a = 0.52 fm,  s = 0.9 fm,
/// with j_1 the spherical Bessel function (GSL's gsl_sf_bessel_j1). F(0) = 1. darkz uses it for the
/// coherent photon flux of the trident targets and for the CEvNS weak charge distribution
/// (docs/neutrino.md); the same F is used for protons and neutrons.
public struct HelmFormFactor: Sendable {
    /// hbar c in GeV fm (PDG), to convert q in GeV to fm^-1.
    public static let hbarC = 0.1973269804
    public let massNumber: Double
    /// r_n and s in fm.
    public let radius: Double
    public let skin: Double

    public init(massNumber a: Double, aParameter: Double = 0.52, skin s: Double = 0.9) {
        massNumber = a
        let c = 1.23 * pow(a, 1.0 / 3) - 0.60
        radius = (c * c + 7.0 / 3 * Double.pi * Double.pi * aParameter * aParameter - 5 * s * s).squareRoot()
        skin = s
    }

    /// F at momentum transfer |q| (GeV).
    public func callAsFunction(momentum q: Double) -> Double {
        _ = gslReturnsErrorCodes
        let qfm = abs(q) / Self.hbarC
        let x = qfm * radius
        let core: Double
        if x < 1e-3 {
            core = 1 - x * x / 10  // 3 j_1(x)/x = 1 - x^2/10 + O(x^4)
        } else {
            core = 3 * gsl_sf_bessel_j1(x) / x
        }
        return core * exp(-(qfm * skin) * (qfm * skin) / 2)
    }

    /// F at Q^2 = -q^2 (GeV^2).
    public func callAsFunction(q2: Double) -> Double { self(momentum: max(q2, 0).squareRoot()) }
}
