/// A credible statement about one parameter at one level that knows the prior bounds: when the
/// posterior mass piles against a bound, a one-sided limit ("log10(mZD) < -0.95 at 95%") instead of
/// a two-sided interval, as getdist reports it.
///
/// The criterion (getdist's idea, our own code): histogram the samples in 40 bins over their span
/// and find, per level, the count c_level whose bins at or above it hold the level's mass (the 1-D
/// HPD region of the histogram). The region reaches a prior bound when the samples within one bin
/// width of the bound number at least c_level - 3·√(that number) (3 sigma of Poisson noise, so a
/// flat posterior counts as touching both bounds). Reaching the lower bound only gives the upper
/// limit x < q(level); the upper bound only, x > q(1 - level); both, no limit at that level
/// (the posterior fills the prior range); neither, the HPD interval.
public struct BoundedLimit: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case twoSided = "two_sided", upper, lower, none
    }

    public let level: Double
    public let kind: Kind
    public let one_sided: Bool
    /// two_sided: the HPD interval; upper: [lower bound, limit]; lower: [limit, upper bound]; none: the prior range.
    public let interval: [Double]
    /// The prior bound the mass piles against (upper and lower limits), else nil.
    public let bound: Double?
    /// E.g. "log10(mZD) < -0.95 at 95%".
    public let text: String

    /// Limits of `name` at each level, `sorted` its samples ascending, `bounds` its prior range.
    public static func limits(name: String, sorted: [Double], bounds: ClosedRange<Double>, levels: [Double],
                              bins: Int = 40) -> [BoundedLimit] {
        precondition(!sorted.isEmpty && bins >= 2)
        let lo = sorted.first!, hi = sorted.last!
        let width = max(hi - lo, 1e-300) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for v in sorted { counts[min(bins - 1, max(0, Int((v - lo) / width)))] += 1 }
        let descending = counts.sorted(by: >)
        let total = Double(sorted.count)
        let nearLower = Double(sorted.prefix { $0 <= bounds.lowerBound + width }.count)
        let nearUpper = Double(sorted.reversed().prefix { $0 >= bounds.upperBound - width }.count)
        func percent(_ level: Double) -> String {
            let p = 100 * level
            return p == p.rounded() ? String(format: "%.0f%%", p) : String(format: "%.1f%%", p)
        }
        func g(_ x: Double) -> String { String(format: "%.4g", x) }
        return levels.map { level in
            var sum = 0.0, threshold = descending.last ?? 0
            for c in descending {
                sum += c
                if sum >= level * total { threshold = c; break }
            }
            func touches(_ n: Double) -> Bool { n > 0 && n + 3 * n.squareRoot() >= threshold }
            let atLower = touches(nearLower), atUpper = touches(nearUpper)
            switch (atLower, atUpper) {
            case (true, false):
                let limit = CredibleIntervals.quantile(sorted, level)
                return BoundedLimit(level: level, kind: .upper, one_sided: true, interval: [bounds.lowerBound, limit],
                                    bound: bounds.lowerBound, text: "\(name) < \(g(limit)) at \(percent(level))")
            case (false, true):
                let limit = CredibleIntervals.quantile(sorted, 1 - level)
                return BoundedLimit(level: level, kind: .lower, one_sided: true, interval: [limit, bounds.upperBound],
                                    bound: bounds.upperBound, text: "\(name) > \(g(limit)) at \(percent(level))")
            case (true, true):
                return BoundedLimit(level: level, kind: .none, one_sided: false,
                                    interval: [bounds.lowerBound, bounds.upperBound], bound: nil,
                                    text: "\(name): no limit at \(percent(level)) (the posterior fills the prior range [\(g(bounds.lowerBound)), \(g(bounds.upperBound))])")
            case (false, false):
                let h = CredibleIntervals.highestDensity(sorted, level: level)
                return BoundedLimit(level: level, kind: .twoSided, one_sided: false, interval: h, bound: nil,
                                    text: "\(name) in [\(g(h[0])), \(g(h[1]))] at \(percent(level)) (HPD)")
            }
        }
    }
}
