/// Two-body kinematics of B -> M l+ l-.
public enum Kinematics {
    /// The Kallen function lambda(a, b, c) = a^2 + b^2 + c^2 - 2(ab + bc + ca); for B -> M l l,
    /// lambda(m_B^2, m_M^2, q^2) = 4 m_B^2 |p_M|^2.
    @inlinable
    public static func kallen(_ a: Double, _ b: Double, _ c: Double) -> Double {
        a * a + b * b + c * c - 2 * (a * b + b * c + c * a)
    }

    /// The lepton velocity in the dilepton rest frame, beta_l = sqrt(1 - 4 m_l^2 / q^2) (0 at and
    /// below the threshold).
    @inlinable
    public static func leptonVelocity(q2: Double, leptonMass m: Double) -> Double {
        let x = 1 - 4 * m * m / q2
        return x > 0 ? x.squareRoot() : 0
    }
}
