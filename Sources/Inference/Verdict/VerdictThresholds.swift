/// The limits the convergence verdict applies (``ConvergenceVerdict``).
public struct VerdictThresholds: Sendable, Equatable {
    /// N ≥ this · τ for every parameter (emcee's `tol` for a trustworthy τ).
    public var minimumStepsPerTau: Double
    /// |τ - τ_previous| / τ below this for every parameter (emcee's monitoring recipe: 1 %).
    public var maximumRelativeTauChange: Double
    /// Rank-normalised split R-hat at most this (Vehtari et al. 2021, §4.3: 1.01).
    public var maximumRHat: Double
    /// Bulk and tail ESS at least this. Vehtari et al. 2021 (§4.3) ask for ESS > 100 per chain with
    /// at least 4 chains before R-hat and ESS themselves can be trusted, i.e. 400 in all; with 400
    /// independent draws the Monte Carlo error of a mean or a 5 %/95 % quantile is about
    /// 1/√400 = 5 % of the posterior width, small beside the width itself. We apply the total, not
    /// 100 per walker: an ensemble's walkers are not independent chains, and 100 per walker would
    /// ask 3200 of a 32-walker run.
    public var minimumEffectiveSampleSize: Double
    /// Swap acceptance between every pair of adjacent temperatures at least this (tempered runs).
    public var minimumSwapAcceptance: Double

    public init(minimumStepsPerTau: Double = 50, maximumRelativeTauChange: Double = 0.01, maximumRHat: Double = 1.01,
                minimumEffectiveSampleSize: Double = 400, minimumSwapAcceptance: Double = 0.1) {
        self.minimumStepsPerTau = minimumStepsPerTau
        self.maximumRelativeTauChange = maximumRelativeTauChange
        self.maximumRHat = maximumRHat
        self.minimumEffectiveSampleSize = minimumEffectiveSampleSize
        self.minimumSwapAcceptance = minimumSwapAcceptance
    }
}
