import Foundation

/// The smoothed densities a corner plot draws (see `KernelDensity1D` for the method): a 1-D kernel
/// density per parameter, a 2-D one per pair on the same ranges, the density thresholds of the
/// 68.3/95.4/99.7% highest-density regions of each pair, and the 16/50/84% quantiles of each
/// marginal for the panel titles (corner.py's "median +upper -lower").
public struct CornerDensities: Sendable {
    public struct Pair: Sendable {
        public let x: Int
        public let y: Int
        public let density: KernelDensity2D
        /// One per `CornerDensities.levels`.
        public let thresholds: [Double]
    }

    public static let levels = [0.683, 0.954, 0.997]

    public let parameters: [PlotParameter]
    public let marginals: [KernelDensity1D]
    public let pairs: [Pair]
    /// (16%, 50%, 84%) quantiles of each sampled variable.
    public let quantiles: [(low: Double, median: Double, high: Double)]
    public let effectiveSize: Double
    /// Bandwidths are Scott's rule times this.
    public let bandwidthScale: Double

    /// - Parameters:
    ///   - effectiveSize: n_eff for the bandwidths (samples / autocorrelation time); the number of
    ///     samples when nil.
    ///   - bandwidthScale: a factor on Scott's bandwidths (below 1 resolves sharper features, with
    ///     more noise).
    public init(samples: [[Double]], parameters: [PlotParameter], effectiveSize: Double? = nil, bandwidthScale: Double = 1) {
        let d = parameters.count
        let n = effectiveSize ?? Double(samples.count)
        let columns = (0..<d).map { k in samples.map { $0[k] } }
        self.parameters = parameters
        self.effectiveSize = n
        self.bandwidthScale = bandwidthScale
        marginals = (0..<d).map {
            KernelDensity1D(columns[$0], bounds: parameters[$0].bounds,
                            bandwidth: bandwidthScale * KernelDensity.scottBandwidth(columns[$0], effectiveSize: n, dimension: 1))
        }
        quantiles = columns.map { column in
            let sorted = column.sorted()
            return (CredibleIntervals.quantile(sorted, 0.16), CredibleIntervals.quantile(sorted, 0.5), CredibleIntervals.quantile(sorted, 0.84))
        }
        var pairs: [Pair] = []
        for i in 0..<d {
            for j in (i + 1)..<max(d, i + 1) {
                let density = KernelDensity2D(x: columns[i], y: columns[j], xBounds: parameters[i].bounds, yBounds: parameters[j].bounds,
                                              effectiveSize: n, xRange: marginals[i].range, yRange: marginals[j].range,
                                              bandwidthScale: bandwidthScale)
                pairs.append(Pair(x: i, y: j, density: density, thresholds: density.thresholds(levels: Self.levels)))
            }
        }
        self.pairs = pairs
    }
}
