/// The convergence summary of Vehtari et al. (2021) for every parameter, each walker a chain, with
/// ArviZ 0.23.4's values: rank-normalised split R-hat, bulk and tail ESS, MCSE of the mean.
public struct RankDiagnostics: Sendable {
    /// Rank-normalised split R-hat per parameter (``ChainArray/rankNormalizedSplitRHat(dim:)``).
    public let rHat: [Double]
    /// Bulk ESS per parameter (``ChainArray/bulkEffectiveSampleSize(dim:relative:)``).
    public let essBulk: [Double]
    /// Tail ESS per parameter, 5 % and 95 % quantiles
    /// (``ChainArray/tailEffectiveSampleSize(dim:probabilities:relative:)``).
    public let essTail: [Double]
    /// Monte Carlo standard error of the mean per parameter
    /// (``ChainArray/monteCarloStandardErrorOfMean(dim:)``).
    public let mcseMean: [Double]

    /// Diagnostics of one run.
    public init(_ chain: ChainArray) {
        let columns = (0..<chain.nDim).map { DrawMatrix(chain, dim: $0) }
        rHat = columns.map { $0.rankNormalizedSplitRHat() }
        essBulk = columns.map { $0.bulkEffectiveSampleSize(relative: false) }
        essTail = columns.map { $0.tailEffectiveSampleSize(probabilities: (0.05, 0.95), relative: false) }
        mcseMean = columns.map { $0.monteCarloStandardErrorOfMean() }
    }

    /// Diagnostics across independent runs of equal length and dimension: every walker of every
    /// run is one chain (``ChainArray/stackingWalkers(_:)``), so R-hat also compares the runs.
    public init(runs: [ChainArray]) {
        self.init(ChainArray.stackingWalkers(runs))
    }
}
