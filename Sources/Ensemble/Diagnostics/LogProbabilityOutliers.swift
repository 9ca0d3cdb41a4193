/// Walkers whose log-probability stays far below the ensemble's: the symptom of a walker stranded
/// in a low-probability region that the emcee FAQ describes ("some walkers are stuck"), which the
/// acceptance fraction can miss (a stranded walker may still accept small moves around its spot).
///
/// The criterion: walker w is an outlier when the median of its log-probabilities over the chain
/// given is below the median over walkers of these walker medians by more than
/// Δ ln p = max(``minimumGap``, ``gapPerScatter`` · √(d/2)). Why that gap: near a d-dimensional
/// posterior mode ln p ≈ const - χ²_d / 2, whose scatter is √(d/2), so a walker sampling the
/// posterior has a median within a few √(d/2) of the ensemble's; a walker 10 units lower sits
/// where the density is e^-10 ≈ 5e-5 of the typical one (for d = 2, P(χ²_2 ≥ 2·10 + 1.4) ≈ 2e-5),
/// which a walker does not do by chance for most of a chain. The default 5·√(d/2) keeps the rule
/// as strict for large d (d = 50: Δ ln p = 25). The median of medians is the reference, so fewer
/// than half of the walkers stuck cannot drag it down.
public struct LogProbabilityOutliers: Sendable, Equatable {
    /// Median log-probability of each walker.
    public let walkerMedians: [Double]
    /// Median over walkers of ``walkerMedians``: the ensemble's typical log-probability.
    public let ensembleMedian: Double
    /// Δ ln p used: a walker below ``ensembleMedian`` - gap is an outlier.
    public let gap: Double
    /// Indices of the outlying walkers, ascending.
    public let stuckWalkers: [Int]

    public static let minimumGap = 10.0
    public static let gapPerScatter = 5.0

    /// Judges the walkers of `logProbabilities` (shape (nSteps, nWalkers, 1), as emcee's
    /// `get_log_prob()`) of a `dimension`-parameter posterior. A walker whose median is -inf or NaN
    /// (it never reached the support) is an outlier.
    public init(logProbabilities: ChainArray, dimension: Int, gap: Double? = nil) {
        precondition(logProbabilities.nDim == 1 && logProbabilities.nSteps > 0 && logProbabilities.nWalkers > 0,
                     "log-probabilities need shape (steps >= 1, walkers >= 1, 1)")
        let medians = (0..<logProbabilities.nWalkers).map { walker -> Double in
            let series = logProbabilities.series(walker: walker, dim: 0)
            return series.contains { $0.isNaN } ? -.infinity : series.gslMedian
        }
        walkerMedians = medians
        ensembleMedian = medians.gslMedian
        self.gap = gap ?? max(Self.minimumGap, Self.gapPerScatter * (Double(max(dimension, 1)) / 2).squareRoot())
        let threshold = ensembleMedian - self.gap
        stuckWalkers = medians.indices.filter { !(medians[$0] >= threshold) }
    }

    /// Whether any walker is an outlier.
    public var hasStuckWalkers: Bool { !stuckWalkers.isEmpty }
}
