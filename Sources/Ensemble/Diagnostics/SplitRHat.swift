extension DrawMatrix {
    /// Gelman–Rubin potential scale reduction of these chains as they are (ArviZ's `_rhat`;
    /// BDA3 §11.4): √((B/W + n - 1)/n) with B = n·var(chain means), W = mean of the chain
    /// variances, variances with n - 1 in the denominator.
    func classicRHat() -> Double {
        if containsNaN { return .nan }
        let n = Double(nDraws)
        let between = n * chainMeans.gslSampleVariance
        let within = (0..<nChains).map { chain($0).gslSampleVariance }.gslMean
        return ((between / within + n - 1) / n).squareRoot()
    }

    /// Rank-normalised split R-hat, ArviZ 0.23.4's `_rhat_rank` (Vehtari et al. 2021, §4.2):
    /// the larger of the classic R-hat of the z-scaled split chains (bulk) and of the z-scaled
    /// folded split chains (tail). NaN with fewer than 2 chains or 4 draws, or on NaN input.
    func rankNormalizedSplitRHat() -> Double {
        if isInvalid(minChains: 2) { return .nan }
        let split = splitChains()
        let bulk = split.zScaled().classicRHat()
        let tail = split.folded().zScaled().classicRHat()
        return tail > bulk ? tail : bulk  // Python's max(bulk, tail)
    }
}

extension ChainArray {
    /// Rank-normalised split R-hat of parameter `dim`, each walker a chain: the value of ArviZ
    /// 0.23.4's `az.rhat(method="rank")` (Vehtari et al. 2021). Values above 1.01 signal that the
    /// walkers have not mixed. NaN for fewer than 2 walkers or 4 steps, or NaN samples.
    public func rankNormalizedSplitRHat(dim: Int) -> Double {
        DrawMatrix(self, dim: dim).rankNormalizedSplitRHat()
    }
}
