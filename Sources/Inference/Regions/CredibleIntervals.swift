import Foundation

/// One-dimensional summaries of posterior samples: median, equal-tailed and highest-posterior-density
/// (shortest) intervals. Quantiles are linear interpolations of the sorted samples (numpy's default).
public enum CredibleIntervals {
    /// The q-quantile (0...1) of sorted values.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty)
        let h = q * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// [quantile((1-level)/2), quantile((1+level)/2)].
    public static func equalTailed(_ sorted: [Double], level: Double) -> [Double] {
        [quantile(sorted, 0.5 * (1 - level)), quantile(sorted, 0.5 * (1 + level))]
    }

    /// The shortest interval holding a fraction `level` of the samples (the HPD interval of a
    /// unimodal marginal).
    public static func highestDensity(_ sorted: [Double], level: Double) -> [Double] {
        let n = sorted.count
        let k = max(1, min(n - 1, Int((level * Double(n)).rounded(.up)) - 1))
        var best = (width: Double.infinity, lo: sorted[0], hi: sorted[n - 1])
        for i in 0..<(n - k) where sorted[i + k] - sorted[i] < best.width {
            best = (sorted[i + k] - sorted[i], sorted[i], sorted[i + k])
        }
        return [best.lo, best.hi]
    }
}

/// Two-dimensional highest-density regions of a pair of parameters: a histogram and the density
/// thresholds whose superlevel sets hold the requested posterior mass (the contour levels a corner
/// plot draws).
public struct DensityRegions2D: Sendable, Encodable {
    public let xEdges: [Double]
    public let yEdges: [Double]
    /// Counts, row-major [x bin][y bin].
    public let counts: [[Double]]
    /// For each level, the count threshold: bins at or above it hold at least that mass.
    public let thresholds: [Double]
    public let levels: [Double]

    public init(x: [Double], y: [Double], bins: Int = 40, levels: [Double]) {
        func edges(_ v: [Double]) -> [Double] {
            let lo = v.min()!, hi = v.max()!, span = max(hi - lo, 1e-12)
            return (0...bins).map { lo + span * Double($0) / Double(bins) }
        }
        xEdges = edges(x)
        yEdges = edges(y)
        var counts = [[Double]](repeating: [Double](repeating: 0, count: bins), count: bins)
        func index(_ v: Double, _ e: [Double]) -> Int {
            min(bins - 1, max(0, Int((v - e[0]) / (e[bins] - e[0]) * Double(bins))))
        }
        for (a, b) in zip(x, y) { counts[index(a, xEdges)][index(b, yEdges)] += 1 }
        self.counts = counts
        self.levels = levels
        let sorted = counts.flatMap { $0 }.sorted(by: >)
        let total = sorted.reduce(0, +)
        thresholds = levels.map { level in
            var sum = 0.0
            for c in sorted {
                sum += c
                if sum >= level * total { return c }
            }
            return sorted.last ?? 0
        }
    }
}
