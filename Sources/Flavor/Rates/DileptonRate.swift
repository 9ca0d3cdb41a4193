import Numerics

/// The differential width of B -> M l+ l- from the helicity amplitudes, with the full lepton-mass
/// dependence (Gratrex, Hopfer, Zwicky, arXiv:1506.03970: the angle-integrated G^(0,0,0) of
/// B -> V, or G^(0) of B -> P, for m_l1 = m_l2 = m_l and no scalar or tensor operators):
///   d Gamma/d q^2 = N^2 sqrt(lambda) beta q^2 / (512 pi^3 m_B^3)
///                   * [4/3 (3 - beta^2) sum_h |H_h^V|^2 + 8/3 beta^2 sum_h |H_h^A|^2 + 4 |H_P|^2],
/// beta = sqrt(1 - 4 m_l^2/q^2), lambda = lambda(m_B^2, m_M^2, q^2),
/// N = (4 G_F/sqrt 2)(alpha/4 pi)|V_tb V_ts^*|.
public enum DileptonRate {
    /// The bracket [...] for the product of two amplitude sets: sum over h of Re(a_h conj(b_h)),
    /// the weights as above (a = b gives the rate).
    public static func bracket(_ a: HelicityAmplitudes, _ b: HelicityAmplitudes, beta: Double) -> Double {
        func re(_ x: Complex<Double>, _ y: Complex<Double>) -> Double { x.real * y.real + x.imaginary * y.imaginary }
        let vector = re(a.vectorZero, b.vectorZero) + re(a.vectorPlus, b.vectorPlus) + re(a.vectorMinus, b.vectorMinus)
        let axial = re(a.axialZero, b.axialZero) + re(a.axialPlus, b.axialPlus) + re(a.axialMinus, b.axialMinus)
        return 4.0 / 3 * (3 - beta * beta) * vector + 8.0 / 3 * beta * beta * axial + 4 * re(a.timelike, b.timelike)
    }

    /// The phase-space factor sqrt(lambda) beta q^2 / (512 pi^3 m_B^3), in GeV^-1 times the N^2 that
    /// the caller multiplies.
    public static func phaseSpace(q2: Double, initialMass mB: Double, finalMass mM: Double, beta: Double) -> Double {
        Kinematics.kallen(mB * mB, mM * mM, q2).squareRoot() * beta * q2
            / (512 * Double.pi * Double.pi * Double.pi * mB * mB * mB)
    }
}
