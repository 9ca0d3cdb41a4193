extension DrawMatrix {
    /// ArviZ's `_mcse_mean`: sd / √ESS_mean, with sd the n - 1 standard deviation of all draws
    /// (unsplit, so an odd step count keeps its middle draws here).
    func monteCarloStandardErrorOfMean() -> Double {
        if isInvalid(minChains: 1) { return .nan }
        return values.gslSampleVariance.squareRoot() / meanEffectiveSampleSize(relative: false).squareRoot()
    }
}

extension ChainArray {
    /// Monte Carlo standard error of the posterior mean of parameter `dim`, each walker a chain:
    /// the value of ArviZ 0.23.4's `az.mcse(method="mean")` (Vehtari et al. 2021, §3.2).
    /// NaN for fewer than 4 steps or NaN samples.
    public func monteCarloStandardErrorOfMean(dim: Int) -> Double {
        DrawMatrix(self, dim: dim).monteCarloStandardErrorOfMean()
    }
}
