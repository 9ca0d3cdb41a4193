import Numerics
import Foundation

/// The CKM matrix in the standard parametrisation (PDG, "CKM quark-mixing matrix" review, eq. 12.3):
/// three angles theta_12, theta_13, theta_23 given by their sines and the phase delta.
public struct CKMMatrix: Sendable, Equatable {
    /// Row-major 3x3 elements V[i][j], i in (u, c, t), j in (d, s, b).
    public let elements: [[Complex<Double>]]

    public init(s12: Double, s13: Double, s23: Double, delta: Double) {
        let c12 = (1 - s12 * s12).squareRoot(), c13 = (1 - s13 * s13).squareRoot(), c23 = (1 - s23 * s23).squareRoot()
        let phase = Complex<Double>(cos(delta), sin(delta))           // e^{+i delta}
        let conjugatePhase = Complex<Double>(cos(delta), -sin(delta)) // e^{-i delta}
        let r = { (x: Double) in Complex<Double>(x, 0) }
        elements = [
            [r(c12 * c13), r(s12 * c13), conjugatePhase * s13],
            [r(-s12 * c23) - phase * (c12 * s23 * s13), r(c12 * c23) - phase * (s12 * s23 * s13), r(s23 * c13)],
            [r(s12 * s23) - phase * (c12 * c23 * s13), r(-c12 * s23) - phase * (s12 * c23 * s13), r(c23 * c13)],
        ]
    }

    /// V_ij with i an up-type index (0 = u, 1 = c, 2 = t) and j a down-type index (0 = d, 1 = s, 2 = b).
    public subscript(up: Int, down: Int) -> Complex<Double> { elements[up][down] }

    /// lambda_j = V_{j i}^* V_{j k} for the transition k -> i of down-type quarks (e.g. b -> s:
    /// from = 2, to = 1), the combination that multiplies the loop of up-type quark j (paper app. B).
    public func lambda(up j: Int, from: Int, to: Int) -> Complex<Double> {
        elements[j][to].conjugate * elements[j][from]
    }
}

