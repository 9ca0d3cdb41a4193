import Foundation
import Numerics

/// The O(alpha_s) matrix elements of the chromomagnetic operator O8 in b -> s l l, the functions
/// F_8^(7) and F_8^(9) of Asatrian, Bieri, Greub, Hovhannisyan (hep-ph/0312063, eqs. 39-40),
/// expanded to O(sh^3), sh = q^2 / m_b^2, L_mu = ln(mu / m_b).
public enum GluonDipoleMatrixElements {
    /// F_8^(7)(sh).
    public static func f87(sh: Double, logScale lMu: Double) -> Complex<Double> {
        let pi2 = Double.pi * Double.pi
        var re = -32.0 / 9 * lMu + 8.0 / 27 * pi2 - 44.0 / 9
            + (4.0 / 3 * pi2 - 40.0 / 3) * sh + (32.0 / 9 * pi2 - 316.0 / 9) * sh * sh
            + (200.0 / 27 * pi2 - 658.0 / 9) * sh * sh * sh
        if sh > 0 { re -= 8.0 / 9 * log(sh) * (sh + sh * sh + sh * sh * sh) }
        return Complex(re, -8.0 / 9 * Double.pi)
    }

    /// F_8^(9)(sh), real.
    public static func f89(sh: Double) -> Complex<Double> {
        let pi2 = Double.pi * Double.pi
        let re = 104.0 / 9 - 32.0 / 27 * pi2 + (1184.0 / 27 - 40.0 / 9 * pi2) * sh
            + (14212.0 / 135 - 32.0 / 3 * pi2) * sh * sh + (193444.0 / 945 - 560.0 / 27 * pi2) * sh * sh * sh
            + 16.0 / 9 * log(sh) * (1 + sh + sh * sh + sh * sh * sh)
        return Complex(re, 0)
    }
}
