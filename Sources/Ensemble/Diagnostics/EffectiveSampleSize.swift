extension DrawMatrix {
    /// Bulk ESS: Geyer ESS of the z-scaled split chains (ArviZ's `_ess_bulk`).
    func bulkEffectiveSampleSize(relative: Bool) -> Double {
        if isInvalid(minChains: 1) { return .nan }
        return splitChains().zScaled().geyerEffectiveSampleSize(relative: relative)
    }

    /// ESS of the indicator chains I(x ≤ q_p) for the type-7 quantile q_p of all draws
    /// (ArviZ's `_ess_quantile`).
    func quantileEffectiveSampleSize(_ p: Double, sorted: [Double], relative: Bool) -> Double {
        let q = mquantileType7(sorted: sorted, p)
        return map { $0 <= q ? 1 : 0 }.splitChains().geyerEffectiveSampleSize(relative: relative)
    }

    /// Tail ESS: the smaller quantile ESS at the two probabilities (ArviZ's `_ess_tail`).
    func tailEffectiveSampleSize(probabilities: (Double, Double), relative: Bool) -> Double {
        if isInvalid(minChains: 1) { return .nan }
        let sorted = values.gslSorted
        let low = quantileEffectiveSampleSize(probabilities.0, sorted: sorted, relative: relative)
        let high = quantileEffectiveSampleSize(probabilities.1, sorted: sorted, relative: relative)
        return high < low ? high : low  // Python's min(low, high)
    }

    /// ESS of the mean: Geyer ESS of the split chains without ranks (ArviZ's `_ess_mean`).
    func meanEffectiveSampleSize(relative: Bool) -> Double {
        if isInvalid(minChains: 1) { return .nan }
        return splitChains().geyerEffectiveSampleSize(relative: relative)
    }
}

/// Effective sample sizes of Vehtari et al. (2021), each walker a chain, with the values of
/// ArviZ 0.23.4's `az.ess`. All split each chain in two halves first (for an odd step count the
/// middle step is dropped), so with `relative: true` the result is ESS per *split* draw,
/// ESS / (2·nWalkers·⌊nSteps/2⌋), as ArviZ's `relative=True`. NaN for fewer than 4 steps or NaN
/// samples.
extension ChainArray {
    /// Bulk ESS of parameter `dim` (`az.ess(method="bulk")`): ESS of the rank-normalised split
    /// chains; judges the reliability of central estimates such as means and medians.
    public func bulkEffectiveSampleSize(dim: Int, relative: Bool = false) -> Double {
        DrawMatrix(self, dim: dim).bulkEffectiveSampleSize(relative: relative)
    }

    /// Tail ESS of parameter `dim` (`az.ess(method="tail")`): the smaller ESS of the indicator
    /// chains I(x ≤ q) at the two quantile probabilities, 5 % and 95 % by default; judges the
    /// reliability of interval ends.
    public func tailEffectiveSampleSize(dim: Int, probabilities: (Double, Double) = (0.05, 0.95),
                                        relative: Bool = false) -> Double {
        DrawMatrix(self, dim: dim).tailEffectiveSampleSize(probabilities: probabilities, relative: relative)
    }

    /// ESS of the mean of parameter `dim` (`az.ess(method="mean")`): the split chains without
    /// rank normalisation. This is the ESS behind ``monteCarloStandardErrorOfMean(dim:)``.
    public func meanEffectiveSampleSize(dim: Int, relative: Bool = false) -> Double {
        DrawMatrix(self, dim: dim).meanEffectiveSampleSize(relative: relative)
    }
}
