import Numerics

/// The one-loop matrix elements of the four-quark operators O1..O6 that add to C9 (Altmannshofer,
/// Ball, Bharucha, Buras, Straub, Wick, arXiv:0811.1214, eq. 10, and Beneke, Feldmann, Seidel,
/// hep-ph/0412400, eq. 43, for the u-quark loop that comes with V_ub V_us^*):
///   C9eff = C9 + Y(q^2) + (lambda_u / lambda_t) Y_u(q^2),
///   Y   = h(q^2, m_c) F_c - 1/2 h(q^2, m_b) F_b - 1/2 h(q^2, 0) F_u + F_4,
///   Y_u = (4/3 C1 + C2) [h(q^2, m_c) - h(q^2, 0)],
///   F_c = 4/3 C1 + C2 + 6 C3 + 60 C5,    F_b = 7 C3 + 4/3 C4 + 76 C5 + 64/3 C6,
///   F_u = C3 + 4/3 C4 + 16 C5 + 64/3 C6, F_4 = 4/3 C3 + 64/9 C5 + 64/27 C6,
/// lambda_q = V_qb V_qs^*, h the `FermionLoopFunction`, m_c and m_b pole masses.
public struct FourQuarkMatrixElements: Sendable {
    public let coefficients: StandardModelWilsonCoefficients
    public let charmMass: Double
    public let bottomMass: Double

    public init(coefficients: StandardModelWilsonCoefficients, charmMass: Double, bottomMass: Double) {
        self.coefficients = coefficients
        self.charmMass = charmMass
        self.bottomMass = bottomMass
    }

    /// Y(q^2) and Y_u(q^2).
    public func values(q2: Double) -> (y: Complex<Double>, yU: Complex<Double>) {
        let c = coefficients, mu = c.scale
        let fC = 4.0 / 3 * c.c1 + c.c2 + 6 * c.c3 + 60 * c.c5
        let fB = 7 * c.c3 + 4.0 / 3 * c.c4 + 76 * c.c5 + 64.0 / 3 * c.c6
        let fU = c.c3 + 4.0 / 3 * c.c4 + 16 * c.c5 + 64.0 / 3 * c.c6
        let f4 = 4.0 / 3 * c.c3 + 64.0 / 9 * c.c5 + 64.0 / 27 * c.c6
        let hC = FermionLoopFunction.h(q2: q2, mass: charmMass, scale: mu)
        let hB = FermionLoopFunction.h(q2: q2, mass: bottomMass, scale: mu)
        let h0 = FermionLoopFunction.h(q2: q2, mass: 0, scale: mu)
        let y = hC * fC - hB * (0.5 * fB) - h0 * (0.5 * fU) + Complex(f4, 0)
        let yU = (hC - h0) * (4.0 / 3 * c.c1 + c.c2)
        return (y, yU)
    }
}
