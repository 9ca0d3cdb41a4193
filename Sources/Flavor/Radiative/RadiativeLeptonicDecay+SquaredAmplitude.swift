/// The spin-summed squared amplitude of P+(k) -> mu+(p) nu(q) Z_D(p_D), eq. 4.27 as re-derived in
/// docs/physics.md §6. With Q = p + p_D = k - q and the invariants
///   z = 2 q.Q = m_P^2 - Q^2 = 2 m_P E_nu,       y = 2 p.p_D = Q^2 - m_mu^2 - M^2,
///   x_p = 2 q.p = m_P^2 + M^2 - m_mu^2 - 2 m_P E_D,   x_D = 2 q.p_D = m_P^2 + m_mu^2 - M^2 - 2 m_P E_mu,
///   u_p = 2 p.Q = Q^2 + m_mu^2 - M^2,           u_D = 2 p_D.Q = Q^2 - m_mu^2 + M^2,
/// (E_D = m_P - E_mu - E_nu) it reads
///   sum |M|^2 = G_F^2 f_P^2 |V|^2 / ((Q^2 - m_mu^2)^2 M^2) [ g_L^2 2 Q^4 (M^2 x_p + y x_D)
///             + g_R^2 2 m_mu^2 (M^2 (z u_p - Q^2 x_p) + y (z u_D - Q^2 x_D)) - g_L g_R 12 m_mu^2 M^2 Q^2 z ],
/// g_L = v - a, g_R = v + a (`ChiralCoupling.left`, `.right`). The terms with y (not M^2) in the numerator come
/// from the q_mu q_nu / M^2 part of the Z_D polarisation sum: the longitudinal Z_D, enhanced as 1/M^2.
///
/// Against the printed eq. 4.27 (docs/physics.md §6): the g_L^2 and g_L g_R parts are twice the printed
/// ones; the printed g_R^2 part has 2 E_D E_nu M^2 (m_K^2 - Q^2) where twice the correct expression has
/// -M^2 (m_K^2 - Q^2)(m_K^2 + m_mu^2 - M^2 - 2 m_K E_mu) = -M^2 (m_K^2 - Q^2) 2 q.p_D.
extension RadiativeLeptonicDecay {
    /// sum |M|^2 (dimensionless) at muon energy E_mu, neutrino energy E_nu (meson rest frame, GeV) and
    /// Z_D mass M, split into its g_L^2, g_R^2 and g_L g_R coefficients. The point must lie inside the
    /// Dalitz region (`neutrinoEnergyRange`); outside it the formula is continued as a polynomial.
    public func squaredAmplitudeTerms(muonEnergy: Double, neutrinoEnergy: Double, mass M: Double) -> ChiralQuadraticForm {
        let mP = mesonMass, m = muonMass
        let q2 = mP * mP - 2 * mP * neutrinoEnergy
        return squaredAmplitudeTerms(muonEnergy: muonEnergy, q2: q2, virtuality: q2 - m * m, mass: M)
    }

    /// sum |M|^2 at one coupling.
    public func squaredAmplitude(muonEnergy: Double, neutrinoEnergy: Double, mass M: Double,
                                 coupling: ChiralCoupling) -> Double {
        squaredAmplitudeTerms(muonEnergy: muonEnergy, neutrinoEnergy: neutrinoEnergy, mass: M).value(coupling)
    }

    /// The same with Q^2 and the muon virtuality Q^2 - m_mu^2 given (the latter accurate near the collinear
    /// threshold, where it is of order 2 m_mu M).
    func squaredAmplitudeTerms(muonEnergy eMu: Double, q2: Double, virtuality: Double, mass M: Double) -> ChiralQuadraticForm {
        let mP = mesonMass, mP2 = mP * mP, m2 = muonMass * muonMass, M2 = M * M
        let eNuTimes2mP = mP2 - q2                  // z = 2 q.Q
        let eD = mP - eMu - eNuTimes2mP / (2 * mP)
        let z = eNuTimes2mP
        let y = virtuality - M2                     // 2 p.p_D
        let xP = mP2 + M2 - m2 - 2 * mP * eD        // 2 q.p
        let xD = mP2 + m2 - M2 - 2 * mP * eMu       // 2 q.p_D
        let uP = q2 + m2 - M2                       // 2 p.Q
        let uD = q2 - m2 + M2                       // 2 p_D.Q
        let common = normalization / (virtuality * virtuality * M2)
        return ChiralQuadraticForm(
            left: common * 2 * q2 * q2 * (M2 * xP + y * xD),
            right: common * 2 * m2 * (M2 * (z * uP - q2 * xP) + y * (z * uD - q2 * xD)),
            interference: -common * 12 * m2 * M2 * q2 * z)
    }
}
