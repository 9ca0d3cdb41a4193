import CGSL

extension DrawMatrix {
    /// Multi-chain effective sample size of these chains as they are (no splitting, no ranks):
    /// ArviZ 0.23.4's `_ess`, i.e. Vehtari et al. (2021) eq. 10–11 (after Stan and BDA3 §11.5).
    ///
    /// Autocovariances per chain by FFT; ρ̂_t = 1 - (W - mean_c acov_c(t)) / var⁺ with
    /// W = mean_c acov_c(0)·n/(n-1) and var⁺ = W·(n-1)/n + var(chain means); the sum is truncated
    /// by Geyer's initial positive sequence and made monotone by Geyer's initial monotone sequence;
    /// τ̂ = -1 + 2·Σρ̂ is floored at 1/log10(N) with N = chains·draws. Returns N/τ̂, or 1/τ̂ when
    /// `relative`; N when all values are equal (to 1e-15); NaN on NaN input.
    func geyerEffectiveSampleSize(relative: Bool) -> Double {
        if containsNaN { return .nan }
        if let lo = values.min(), let hi = values.max(), hi - lo < 1e-15 { return Double(values.count) }
        let n = nDraws
        precondition(n >= 2, "effective sample size needs at least two draws per chain")

        // mean over chains of acov_c(t) = lag products / n
        var meanAcov = [Double](repeating: 0, count: n)
        for c in 0..<nChains {
            let s = centredLagProducts(chain(c))
            for t in 0..<n { meanAcov[t] += s[t] / Double(n) }
        }
        for t in 0..<n { meanAcov[t] /= Double(nChains) }

        let nd = Double(n)
        let meanVar = meanAcov[0] * nd / (nd - 1.0)
        var varPlus = meanVar * (nd - 1.0) / nd
        if nChains > 1 { varPlus += chainMeans.gslSampleVariance }
        func rhoHat(_ t: Int) -> Double { 1.0 - (meanVar - meanAcov[t]) / varPlus }

        var rho = [Double](repeating: 0, count: n)
        var rhoEven = 1.0
        rho[0] = rhoEven
        var rhoOdd = rhoHat(1)
        rho[1] = rhoOdd

        // Geyer's initial positive sequence: stop at the first pair whose sum is negative.
        var t = 1
        while t < n - 3 && rhoEven + rhoOdd > 0 {
            rhoEven = rhoHat(t + 1)
            rhoOdd = rhoHat(t + 2)
            if rhoEven + rhoOdd >= 0 {
                rho[t + 1] = rhoEven
                rho[t + 2] = rhoOdd
            }
            t += 2
        }
        let maxT = t - 2
        if rhoEven > 0 { rho[maxT + 1] = rhoEven }  // improves the estimate (ArviZ, Stan)

        // Geyer's initial monotone sequence: pair sums may not increase.
        t = 1
        while t <= maxT - 2 {
            if rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t] {
                rho[t + 1] = (rho[t - 1] + rho[t]) / 2.0
                rho[t + 2] = rho[t + 1]
            }
            t += 2
        }

        let total = Double(nChains * n)
        var tauHat = -1.0 + 2.0 * rho[0..<(maxT + 1)].reduce(0, +) + rho[maxT + 1]
        tauHat = max(tauHat, 1.0 / log10(total))
        if rho.contains(where: { $0.isNaN }) { return .nan }
        return (relative ? 1.0 : total) / tauHat
    }
}
