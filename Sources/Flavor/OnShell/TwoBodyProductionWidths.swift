import Numerics

/// Widths of the two-body decays H1 -> H2 Z_D (paper sec. 4.3, eqs. 4.10-4.13) and of the quark
/// decay b -> s Z_D, for the effective vertex
///
///     L ⊃ -F (s-bar gamma^mu P_L b) Z_D,mu = -(F/2) [s-bar gamma^mu b - s-bar gamma^mu gamma_5 b] Z_D,mu,
///
/// F = F(M^2) the monopole of `PenguinCoefficients.monopole` at q^2 = M^2 (E_L = F, E_R = 0, so the
/// paper's g_V = E_L + E_R and g_A = E_L - E_R are both F). The overall sign and phase of F drop out
/// of every width. Units: GeV. docs/physics.md §4 has the derivations.
///
/// Every width is zero at and above the kinematic limit M >= m_1 - m_2 and for M <= 0.
public enum TwoBodyProductionWidths {
    /// Gamma(B -> P Z_D), eq. 4.10 with g_V = F:
    ///
    ///     Gamma = |F|^2 lambda^{3/2} |f_+(M^2)|^2 / (64 pi m_B^3 M^2),   lambda = lambda(m_B^2, m_P^2, M^2).
    ///
    /// Only the vector current contributes (parity), with coefficient F/2 and
    /// <P(k)|s-bar gamma^mu b|B(p)> = f_+ (p + k)^mu + (q^mu terms, zero against eps*(q)). The
    /// polarisation sum -g_{mu nu} + q_mu q_nu/M^2 of (p + k)^mu (p + k)^nu is lambda/M^2, all of it
    /// longitudinal: the 1/M^2 is the longitudinal Z_D coupling to the non-conserved b -> s current.
    @inlinable
    public static func pseudoscalar(vertex: Complex<Double>, mass M: Double, initialMass mB: Double,
                                    finalMass mP: Double, fPlus: Double) -> Double {
        guard M > 0, M < mB - mP else { return 0 }
        let lambda = Kinematics.kallen(mB * mB, mP * mP, M * M)
        return vertex.lengthSquared * lambda * lambda.squareRoot() * fPlus * fPlus
            / (64 * Double.pi * mB * mB * mB * M * M)
    }

    /// Gamma(B -> V Z_D), eq. 4.11: sqrt(lambda)/(16 pi m_B^3) (|H_0|^2 + |H_+|^2 + |H_-|^2) with the
    /// amplitudes of `BToVectorZDAmplitudes`.
    @inlinable
    public static func vector(vertex: Complex<Double>, mass M: Double, initialMass mB: Double, finalMass mV: Double,
                              v: Double, a1: Double, a12: Double) -> Double {
        guard M > 0, M < mB - mV else { return 0 }
        let h = BToVectorZDAmplitudes(mass: M, initialMass: mB, finalMass: mV, v: v, a1: a1, a12: a12)
        return vertex.lengthSquared * h.phaseSpace * h.sumOfSquares
    }

    /// Gamma(b -> s Z_D) at tree level for a quark of mass m_b decaying into one of mass m_s:
    ///
    ///     Gamma = |F|^2 sqrt(lambda) / (32 pi m_b^3 M^2) [(m_b^2 - m_s^2)^2 + M^2 (m_b^2 + m_s^2) - 2 M^4],
    ///
    /// lambda = lambda(m_b^2, m_s^2, M^2). From (1/2) sum |M|^2 with the spin sum
    /// 2 [p_s^mu p_b^nu + p_s^nu p_b^mu - g^{mu nu} p_s.p_b] (the m_b, m_s terms drop: P_L ... P_L) and the
    /// polarisation sum -g + q q/M^2. For m_s = 0:
    ///
    ///     Gamma = |F|^2 m_b^3 / (32 pi M^2) (1 - x)^2 (1 + 2 x),   x = M^2/m_b^2,
    ///
    /// which with F = g/sqrt 2 and M = M_W is Gamma(t -> b W) = G_F m_t^3/(8 sqrt 2 pi) (1 - x)^2 (1 + 2x).
    @inlinable
    public static func quark(vertex: Complex<Double>, mass M: Double, initialQuarkMass mb: Double,
                             finalQuarkMass ms: Double) -> Double {
        guard M > 0, M < mb - ms else { return 0 }
        let mb2 = mb * mb, ms2 = ms * ms, M2 = M * M
        let lambda = Kinematics.kallen(mb2, ms2, M2)
        let bracket = (mb2 - ms2) * (mb2 - ms2) + M2 * (mb2 + ms2) - 2 * M2 * M2
        return vertex.lengthSquared * lambda.squareRoot() * bracket / (32 * Double.pi * mb2 * mb * M2)
    }
}

/// The helicity amplitudes of B -> V Z_D per unit vertex F (H_h = F h_h), eq. 4.13, from
/// <V(k, eta)|s-bar gamma^mu b|B(p)> = 2i V/(m_B + m_V) eps^{mu nu rho sigma} eta*_nu p_rho k_sigma and
/// <V|s-bar gamma^mu gamma_5 b|B> = (m_B + m_V) A1 eta*^mu - A2 (eta*.q)/(m_B + m_V) (p + k)^mu + (q^mu terms)
/// (Bharucha, Straub, Zwicky, arXiv:1503.05534), each current with coefficient F/2:
///
///     h_0  = (1/2) [(m_B^2 - m_V^2 - M^2)(m_B + m_V) A1 - lambda A2/(m_B + m_V)] / (2 m_V M)
///          = (1/2) 8 m_B m_V A12 / M,
///     h_+- = (1/2) [(m_B + m_V) A1 -+ sqrt(lambda) V/(m_B + m_V)],
///
/// the standard B -> V V' amplitudes (e.g. Korner, Schuler, Z. Phys. C 46 (1990) 93); A12 is used
/// for h_0 because A2 = [...]/lambda is 0/0-prone at the endpoint.
///
/// Against the paper: with x = (m_B^2 - m_V^2 - M^2)/(2 m_V M), m_V M sqrt(x^2 - 1) = sqrt(lambda)/2
/// and x^2 - 1 = lambda/(4 m_V^2 M^2), so eq. 4.13 reads H_0 = -g_A h_0 (the opposite overall sign,
/// irrelevant for the width) and H_+- = g_A (m_B + m_V) A1/2 + g_V sqrt(lambda) V/(2 (m_B + m_V)).
/// Eq. 4.13 prints one sign for both H_+ and H_-; the V term must change sign between them (it is
/// the parity-odd, transverse part), otherwise |H_+|^2 + |H_-|^2 would carry a spurious A1 V
/// interference. darkz uses -+ as above, so the width has no A1 V cross term.
public struct BToVectorZDAmplitudes: Sendable, Equatable {
    public let longitudinal, plus, minus: Double
    /// sqrt(lambda)/(16 pi m_B^3), eq. 4.11.
    public let phaseSpace: Double

    @inlinable
    public init(mass M: Double, initialMass mB: Double, finalMass mV: Double, v: Double, a1: Double, a12: Double) {
        let lambda = max(Kinematics.kallen(mB * mB, mV * mV, M * M), 0)
        let sqrtLambda = lambda.squareRoot(), sum = mB + mV
        longitudinal = 4 * mB * mV * a12 / M
        let even = sum * a1 / 2, odd = sqrtLambda * v / (2 * sum)
        plus = even - odd
        minus = even + odd
        phaseSpace = sqrtLambda / (16 * Double.pi * mB * mB * mB)
    }

    /// |h_0|^2 + |h_+|^2 + |h_-|^2.
    @inlinable public var sumOfSquares: Double { longitudinal * longitudinal + plus * plus + minus * minus }

    /// The CP-even part, |h_0|^2 + |h_par|^2 with h_par = (h_+ + h_-)/sqrt 2 (the A0/A12 and A1 terms).
    @inlinable public var cpEven: Double {
        let parallel = (plus + minus) / 2.0.squareRoot()
        return longitudinal * longitudinal + parallel * parallel
    }

    /// The CP-odd part, |h_perp|^2 with h_perp = (h_+ - h_-)/sqrt 2 (the V term).
    @inlinable public var cpOdd: Double {
        let perpendicular = (plus - minus) / 2.0.squareRoot()
        return perpendicular * perpendicular
    }
}
