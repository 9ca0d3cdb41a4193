import Foundation
import Numerics

/// The one-loop fermion-loop function h(q^2, m_q, mu) of the four-quark matrix elements in
/// b -> s l l (Beneke, Feldmann, Seidel, hep-ph/0106067, eq. 11):
///   h = -4/9 [ln(m_q^2/mu^2) - 2/3 - z] - 4/9 (2 + z) sqrt|z - 1| A(z),   z = 4 m_q^2 / q^2,
///   A = arctan(1 / sqrt(z - 1))                      for z > 1 (below the q qbar threshold),
///   A = ln((1 + sqrt(1 - z)) / sqrt z) - i pi / 2    for z < 1 (above it),
/// with the limits h(q^2, 0, mu) = 8/27 - 4/9 ln(q^2/mu^2) + 4 i pi / 9 and
/// h(0, m_q, mu) = -4/9 (1 + ln(m_q^2/mu^2)).
public enum FermionLoopFunction {
    public static func h(q2: Double, mass m: Double, scale mu: Double) -> Complex<Double> {
        if m == 0 {
            return Complex(8.0 / 27 - 4.0 / 9 * log(q2 / (mu * mu)), 4 * Double.pi / 9)
        }
        let logMass = log(m * m / (mu * mu))
        if q2 == 0 {
            return Complex(-4.0 / 9 * (1 + logMass), 0)
        }
        let z = 4 * m * m / q2
        let common = -4.0 / 9 * logMass + 8.0 / 27 + 4 * z / 9
        if z > 1 {
            let root = (z - 1).squareRoot()
            return Complex(common - 4.0 / 9 * (2 + z) * root * atan(1 / root), 0)
        }
        let root = (1 - z).squareRoot()
        let a = Complex<Double>(log((1 + root) / z.squareRoot()), -Double.pi / 2)
        return Complex(common, 0) - a * (4.0 / 9 * (2 + z) * root)
    }
}
