import Foundation

extension RadiativeLeptonicDecay {
    /// The width terms of `widthTerms` integrated in the paper's order, as a check: outside E_mu over
    /// eq. 4.29 (cut to the muon kinetic-energy window), inside E_nu over eq. 4.30, both with GSL's
    /// adaptive QAGP. The inner variable is s = ln(Q^2 - m_mu^2), which spreads the propagator peak at the
    /// top of the E_nu range; the outer integral has the collinear muon energy as a breakpoint (its peak has
    /// a width of order M/m_mu there) and an integrable sqrt(E_mu - m_mu) at its lower end. About a
    /// hundred times slower than `widthTerms`.
    public func referenceWidthTerms(mass M: Double, muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies,
                                    relativeTolerance: Double = 1e-10) -> ChiralQuadraticForm {
        precondition(M > 0, "the radiative width needs a positive Z_D mass")
        guard let full = muonEnergyRange(mass: M) else { return .zero }
        let mP = mesonMass, m = muonMass
        let low = max(full.lowerBound, m + window.lowerBound), high = min(full.upperBound, m + window.upperBound)
        guard high > low else { return .zero }

        func inner(_ eMu: Double, _ component: KeyPath<ChiralQuadraticForm, Double>) -> Double {
            guard let nu = neutrinoEnergyRange(muonEnergy: eMu, mass: M), nu.upperBound > nu.lowerBound else { return 0 }
            let top = mP * mP - m * m
            let sLow = log(top - 2 * mP * nu.upperBound), sHigh = log(top - 2 * mP * nu.lowerBound)
            return AdaptiveQuadrature.integrate({ s in
                let virtuality = exp(s)
                let terms = squaredAmplitudeTerms(muonEnergy: eMu, q2: m * m + virtuality, virtuality: virtuality, mass: M)
                return terms[keyPath: component] * virtuality / (2 * mP)   // dE_nu = dQ^2/(2 m_P)
            }, points: [sLow, sHigh], relativeTolerance: relativeTolerance / 10).value
        }
        let integrate = { (component: KeyPath<ChiralQuadraticForm, Double>) in
            AdaptiveQuadrature.integrate({ inner($0, component) },
                                         points: [low, collinearMuonEnergy(mass: M), high],
                                         relativeTolerance: relativeTolerance).value
        }
        let scale = 1 / (64 * Double.pi * Double.pi * Double.pi * mP)
        return scale * ChiralQuadraticForm(left: integrate(\.left), right: integrate(\.right),
                                           interference: integrate(\.interference))
    }
}
