import Foundation

/// Dalitz boundaries of P+(k) -> mu+(p) nu(q) Z_D(p_D) in the meson rest frame, E_mu, E_nu the muon
/// and neutrino energies, Q^2 = (k - q)^2 = (p + p_D)^2 = m_P^2 - 2 m_P E_nu.
extension RadiativeLeptonicDecay {
    /// Eq. 4.29: m_mu <= E_mu <= (m_P^2 + m_mu^2 - M^2)/(2 m_P). Nil when M >= m_P - m_mu.
    public func muonEnergyRange(mass M: Double) -> ClosedRange<Double>? {
        guard M >= 0, M < massThreshold else { return nil }
        let mP = mesonMass, m = muonMass
        return m...((mP * mP + m * m - M * M) / (2 * mP))
    }

    /// Eq. 4.30: the neutrino energies at fixed E_mu,
    /// E_nu = (m_P^2 + m_mu^2 - M^2 - 2 m_P E_mu) / (2 (m_P - E_mu ± |p_mu|)).
    public func neutrinoEnergyRange(muonEnergy e: Double, mass M: Double) -> ClosedRange<Double>? {
        guard let range = muonEnergyRange(mass: M), range.contains(e) else { return nil }
        let mP = mesonMass, m = muonMass
        let a = max(0, mP * mP + m * m - M * M - 2 * mP * e)
        let p = max(0, (e - m) * (e + m)).squareRoot()
        return (a / (2 * (mP - e + p)))...(a / (2 * (mP - e - p)))
    }

    /// The muon energies at fixed E_nu (the same boundary solved the other way): the mu+ Z_D system of
    /// mass sqrt(Q^2) recoils against the neutrino, E_mu = [(m_P - E_nu) E* ± E_nu p*]/sqrt(Q^2) with
    /// E*, p* the muon energy and momentum in the mu Z_D rest frame.
    public func muonEnergyRange(neutrinoEnergy e: Double, mass M: Double) -> ClosedRange<Double>? {
        let mP = mesonMass, m = muonMass
        let q2 = mP * mP - 2 * mP * e
        guard M >= 0, M < massThreshold, e >= 0, q2 >= (m + M) * (m + M) else { return nil }
        return muonEnergyRange(q2: q2, aboveThreshold: q2 - (m + M) * (m + M), mass: M)
    }

    /// The same at Q^2, with Q^2 - (m_mu + M)^2 passed separately (it is small near threshold).
    func muonEnergyRange(q2: Double, aboveThreshold: Double, mass M: Double) -> ClosedRange<Double> {
        let mP = mesonMass, m = muonMass
        let rootQ2 = q2.squareRoot()
        let eNu = (mP * mP - q2) / (2 * mP)
        let eStar = (q2 + m * m - M * M) / (2 * rootQ2)
        let pStar = (max(0, aboveThreshold) * (q2 - (m - M) * (m - M))).squareRoot() / (2 * rootQ2)
        let centre = (mP - eNu) * eStar / rootQ2, half = eNu * pStar / rootQ2
        return (centre - half)...(centre + half)
    }

    /// The muon energy at which mu+ and Z_D can be collinear with equal velocities, the point where
    /// Q^2 reaches its minimum (m_mu + M)^2 and the propagator 1/(Q^2 - m_mu^2)^2 of eq. 4.27 peaks:
    /// E_mu = m_mu (m_P^2 + (m_mu + M)^2) / (2 m_P (m_mu + M)).
    public func collinearMuonEnergy(mass M: Double) -> Double {
        let mP = mesonMass, m = muonMass, s = m + M
        return m * (mP * mP + s * s) / (2 * mP * s)
    }
}
