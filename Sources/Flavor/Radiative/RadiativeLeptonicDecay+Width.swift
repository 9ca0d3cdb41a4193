import Foundation

/// Gamma(P+ -> mu+ nu Z_D), eq. 4.28: Gamma = 1/(64 pi^3 m_P) ∫ dE_mu dE_nu sum |M|^2 over the Dalitz
/// region of eqs. 4.29-4.30, optionally restricted to a range of muon kinetic energy T_mu = E_mu - m_mu
/// (PIENU quotes T_mu > 1.2 MeV and T_mu < 1.2 MeV separately, paper sec. 4.6).
///
/// Order of integration (docs/physics.md §6): outside Q^2 = m_P^2 - 2 m_P E_nu, inside E_mu.
/// - At fixed E_nu (fixed Q^2) the squared amplitude is linear in E_mu (E_D = m_P - E_mu - E_nu enters
///   linearly and nothing else depends on E_mu), so the inner integral is exactly the length of the
///   E_mu interval times the value at its midpoint.
/// - The outer integrand carries the muon propagator 1/(Q^2 - m_mu^2)^2, which for a light Z_D peaks at
///   the collinear threshold Q^2 = (m_mu + M)^2 (Q^2 - m_mu^2 = M (2 m_mu + M), small), and a factor
///   sqrt(Q^2 - (m_mu + M)^2) from the length of the E_mu interval. The substitution
///   Q^2 - m_mu^2 = M (2 m_mu + M) cosh^2 v removes the square root (dQ^2 ∝ sinh v cosh v) and makes the
///   propagator scale logarithmic in v. GSL's QAGP integrates over v, with breakpoints where a
///   muon-energy cut meets the Dalitz boundary.
/// `referenceWidthTerms` integrates in the paper's order with nested adaptive quadrature, as a check.
extension RadiativeLeptonicDecay {
    /// Every muon kinetic energy: no cut.
    public static let allMuonKineticEnergies: ClosedRange<Double> = 0...Double.infinity

    /// The width (GeV) split into its g_L^2, g_R^2 and g_L g_R coefficients, for Z_D mass M > 0 (GeV) and
    /// muon kinetic energies in `muonKineticEnergy` (GeV). Zero when M >= m_P - m_mu.
    public func widthTerms(mass M: Double, muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies,
                           relativeTolerance: Double = 1e-10) -> ChiralQuadraticForm {
        precondition(M > 0, "the radiative width needs a positive Z_D mass (it grows as 1/M^2)")
        guard M < massThreshold else { return .zero }
        let mP = mesonMass, m = muonMass
        let c = M * (2 * m + M)                       // (m_mu + M)^2 - m_mu^2
        let vOf = { (virtuality: Double) in acosh(max(1, virtuality / c).squareRoot()) }
        let vMax = vOf(mP * mP - m * m)
        let eLow = m + window.lowerBound, eHigh = m + window.upperBound

        var points = [0.0, vMax]
        if let range = muonEnergyRange(mass: M) {
            for cut in [eLow, eHigh] where cut > range.lowerBound && cut < range.upperBound {
                guard let nu = neutrinoEnergyRange(muonEnergy: cut, mass: M) else { continue }
                for eNu in [nu.lowerBound, nu.upperBound] { points.insert(vOf(mP * mP - m * m - 2 * mP * eNu), at: 1) }
            }
        }

        // The integrand of dGamma/dv without 1/(64 pi^3 m_P): (E_mu interval) x sum|M|^2(midpoint) x dE_nu/dv.
        func slice(_ v: Double) -> ChiralQuadraticForm {
            let ch = cosh(v), sh = sinh(v)
            let virtuality = c * ch * ch
            let q2 = m * m + virtuality
            let range = muonEnergyRange(q2: q2, aboveThreshold: c * sh * sh, mass: M)
            let low = max(range.lowerBound, eLow), high = min(range.upperBound, eHigh)
            guard high > low else { return .zero }
            let terms = squaredAmplitudeTerms(muonEnergy: (low + high) / 2, q2: q2, virtuality: virtuality, mass: M)
            return ((high - low) * c * ch * sh / mP) * terms   // dE_nu = dQ^2/(2 m_P), dQ^2 = 2 c ch sh dv
        }
        let integrate = { (component: KeyPath<ChiralQuadraticForm, Double>) in
            AdaptiveQuadrature.integrate({ slice($0)[keyPath: component] }, points: points,
                                         relativeTolerance: relativeTolerance).value
        }
        let scale = 1 / (64 * Double.pi * Double.pi * Double.pi * mP)
        return scale * ChiralQuadraticForm(left: integrate(\.left), right: integrate(\.right),
                                           interference: integrate(\.interference))
    }

    /// Gamma(P+ -> mu+ nu Z_D) in GeV at one muon coupling.
    public func width(mass M: Double, coupling: ChiralCoupling,
                      muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies) -> Double {
        widthTerms(mass: M, muonKineticEnergy: window).value(coupling)
    }

    /// B(P+ -> mu+ nu Z_D) = Gamma tau_P / hbar.
    public func branchingFraction(mass M: Double, coupling: ChiralCoupling,
                                  muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies) -> Double {
        width(mass: M, coupling: coupling, muonKineticEnergy: window) / totalWidth
    }

    /// Gamma(P+ -> mu+ nu Z_D) / Gamma_tree(P+ -> mu+ nu), PIENU's R^{pi mu nu X} before B(Z_D -> invisible).
    public func ratioToTwoBody(mass M: Double, coupling: ChiralCoupling,
                               muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies) -> Double {
        width(mass: M, coupling: coupling, muonKineticEnergy: window) / twoBodyWidth
    }
}
