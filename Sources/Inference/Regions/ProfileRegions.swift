/// The paper's frequentist view from the same samples (sec. 5): the set chi^2 <= chi^2_min + Delta
/// for Delta = 2.30, 6.17, 11.83 (1, 2, 3 sigma in two parameters), with chi^2 = -2 log posterior
/// (flat priors inside the box), summarised per parameter by the range of samples inside it.
public struct ProfileRegions: Sendable, Encodable {
    public struct Region: Sendable, Encodable {
        public let delta_chi2: Double
        public let fraction_of_samples: Double
        /// Per parameter [min, max] of the samples inside the region.
        public let ranges: [[Double]]
    }

    public static let deltas = [2.30, 6.17, 11.83]

    public let chi2_min: Double
    public let regions: [Region]

    /// `samples` are points (each one value per parameter) with their chi^2.
    public init(samples: [[Double]], chiSquare: [Double], deltas: [Double] = ProfileRegions.deltas) {
        let minimum = chiSquare.min() ?? .nan
        chi2_min = minimum
        let dimension = samples.first?.count ?? 0
        regions = deltas.map { delta in
            var lo = [Double](repeating: .infinity, count: dimension), hi = [Double](repeating: -.infinity, count: dimension)
            var inside = 0
            for (x, c) in zip(samples, chiSquare) where c <= minimum + delta {
                inside += 1
                for k in 0..<dimension { lo[k] = min(lo[k], x[k]); hi[k] = max(hi[k], x[k]) }
            }
            return Region(delta_chi2: delta, fraction_of_samples: Double(inside) / Double(max(samples.count, 1)),
                          ranges: (0..<dimension).map { [lo[$0], hi[$0]] })
        }
    }
}
