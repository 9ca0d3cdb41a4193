@preconcurrency import CGSL

/// The frequentist view from the same samples (paper sec. 5), with chi^2 = -2 log posterior (flat
/// priors inside the box): the profile-likelihood region at Delta is the set chi^2 <= chi^2_min +
/// Delta, and the samples inside it stand for it.
/// - 1-D profile intervals per parameter, Delta = 1, 4, 9 (68.3, 95.4, 99.7 % for one parameter of
///   interest, Wilks with 1 dof): the range of that parameter over the samples inside. This is the
///   profile interval because the profile chi^2(x_k) = min over the others lies below chi^2_min +
///   Delta exactly where some point with that x_k does.
/// - 2-D joint regions per pair, Delta = 2.30, 6.17, 11.83 (the same levels with 2 dof): the ranges
///   of x and y over the samples inside.
/// The ranges are only as good as the sampling of the region's edge: a sampler spends few steps
/// near chi^2_min + 9, so the 99.7 % ranges are underestimates on short chains.
public struct ProfileRegions: Sendable, Encodable {
    public struct Interval: Sendable, Encodable {
        public let parameter: String
        public let delta_chi2: Double
        /// E.g. "1-D profile, Delta chi^2 = 1 (68.3%)".
        public let label: String
        /// [min, max] of the parameter over the samples inside.
        public let range: [Double]
        public let fraction_of_samples: Double
    }

    public struct JointRegion: Sendable, Encodable {
        public let x: String
        public let y: String
        public let delta_chi2: Double
        /// E.g. "2-D profile, Delta chi^2 = 2.30 (68.3%)".
        public let label: String
        public let x_range: [Double]
        public let y_range: [Double]
        public let fraction_of_samples: Double
    }

    public static let oneDimensionalDeltas = [1.0, 4.0, 9.0]
    public static let twoDimensionalDeltas = [2.30, 6.17, 11.83]

    public let chi2_min: Double
    /// Per parameter, one interval per 1-D Delta (parameter-major).
    public let intervals_1d: [Interval]
    /// Per pair (x before y in parameter order), one region per 2-D Delta (pair-major).
    public let regions_2d: [JointRegion]

    /// `samples` are points (each one value per parameter) with their chi^2; `names` one per parameter.
    public init(samples: [[Double]], chiSquare: [Double], names: [String]) {
        let minimum = chiSquare.min() ?? .nan
        chi2_min = minimum
        let dimension = names.count
        /// [min, max] per parameter and the fraction of samples with chi^2 <= min + delta.
        func inside(_ delta: Double) -> (ranges: [[Double]], fraction: Double) {
            var lo = [Double](repeating: .infinity, count: dimension), hi = [Double](repeating: -.infinity, count: dimension)
            var count = 0
            for (x, c) in zip(samples, chiSquare) where c <= minimum + delta {
                count += 1
                for k in 0..<dimension { lo[k] = min(lo[k], x[k]); hi[k] = max(hi[k], x[k]) }
            }
            return ((0..<dimension).map { [lo[$0], hi[$0]] }, Double(count) / Double(max(samples.count, 1)))
        }
        let one = Self.oneDimensionalDeltas.map { inside($0) }
        intervals_1d = (0..<dimension).flatMap { k in
            zip(Self.oneDimensionalDeltas, one).map { delta, r in
                Interval(parameter: names[k], delta_chi2: delta, label: Self.label(delta, dof: 1), range: r.ranges[k],
                         fraction_of_samples: r.fraction)
            }
        }
        let two = Self.twoDimensionalDeltas.map { inside($0) }
        var pairs = [JointRegion]()
        for i in 0..<dimension {
            for j in (i + 1)..<dimension {
                for (delta, r) in zip(Self.twoDimensionalDeltas, two) {
                    pairs.append(JointRegion(x: names[i], y: names[j], delta_chi2: delta, label: Self.label(delta, dof: 2),
                                             x_range: r.ranges[i], y_range: r.ranges[j], fraction_of_samples: r.fraction))
                }
            }
        }
        regions_2d = pairs
    }

    /// "1-D profile, Delta chi^2 = 1 (68.3%)": the coverage P(chi^2_dof <= Delta) by Wilks' theorem.
    public static func label(_ delta: Double, dof: Int) -> String {
        let coverage = 100 * gsl_cdf_chisq_P(delta, Double(dof))
        let d = delta == delta.rounded() ? String(format: "%.0f", delta) : String(format: "%.2f", delta)
        return "\(dof)-D profile, Delta chi^2 = \(d) (" + String(format: "%.1f", coverage) + "%)"
    }
}
