/// The Z_D's effect on low-energy neutral currents as a rescaling of the Fermi constant and of the
/// weak mixing angle, eq. 4.36: G_F -> rho_d G_F, sin^2 theta_W(Q^2) -> kappa_d sin^2 theta_W(Q^2), with
/// (eqs. 4.37-4.38, from Davoudiasl, Lee, Marciano)
///
///     rho_d   = 1 + delta'^2 f,
///     kappa_d = 1 - eps delta' (m_Z / M) cot theta_W f,
///     delta'  = (m_Z / M) eps_Z + (M / m_Z) eps tan theta_W,
///
/// f the suppression of the Z_D propagator at the experiment's momentum transfer (1 for a contact
/// interaction). Derivation in darkz's couplings (docs/parity-violation.md): Z_D exchange between the
/// electron's axial coupling, eps_Z times the Z's, and the nucleus's vector coupling, eps_Z times the
/// Z's plus e eps Z_nucleus, relative to Z exchange at Q^2 << m_Z^2. The eps_Z^2 part rescales the
/// whole weak charge (rho_d); the eps eps_Z part adds to the proton's charge like a shift of
/// sin^2 theta_W (kappa_d), with the sign printed here for darkz's +e eps, +(g/c_W) eps_Z of
/// eqs. 2.2 and 2.5. The (M/m_Z) eps tan theta_W part of delta' is the O(M^2/m_Z^2) Z-like coupling
/// that kinetic mixing through hypercharge induces; eqs. 2.2 and 2.5 drop it. It is kept here as
/// printed: it shifts kappa_d by -eps^2 f whatever eps_Z, at most 2.1% of either measurement's
/// error for |eps| <= 0.01 (a test bounds it).
public struct DarkZWeakMixing: Sendable, Equatable {
    public var rho: Double
    public var kappa: Double

    public static let standardModel = DarkZWeakMixing(rho: 1, kappa: 1)

    public init(rho: Double, kappa: Double) {
        self.rho = rho
        self.kappa = kappa
    }

    /// Eqs. 4.37-4.38 for Z_D mass `mZD`, mixings `epsilon`, `epsilonZ`, propagator suppression
    /// `suppression` (f), Z mass and the weak mixing angle `sin2ThetaW` (darkz: the low-energy value).
    public init(mZD: Double, epsilon: Double, epsilonZ: Double, suppression f: Double,
                massZ: Double, sin2ThetaW: Double) {
        let tanTheta = (sin2ThetaW / (1 - sin2ThetaW)).squareRoot()
        let deltaPrime = massZ / mZD * epsilonZ + mZD / massZ * epsilon * tanTheta
        rho = 1 + deltaPrime * deltaPrime * f
        kappa = 1 - epsilon * deltaPrime * (massZ / mZD) / tanTheta * f
    }

    /// f = M^2 / (Q^2 + M^2) for a momentum transfer Q^2 (GeV^2): the proton's (paper after eq. 4.38).
    public static func propagatorSuppression(q2: Double, mZD: Double) -> Double {
        mZD * mZD / (q2 + mZD * mZD)
    }
}
