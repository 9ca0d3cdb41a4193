import Foundation

/// What a corner plot needs, from posterior samples in the sampled variables: 1-D histograms and
/// 2-D histograms of every pair with the count thresholds of the 68/95/99.7% HPD regions. Axes are
/// the sampled variables (log10 for log-uniform priors); `physicalEdges` give the bin edges in the
/// parameter's own units for log axes.
public struct CornerData: Sendable, Encodable {
    public struct Axis: Sendable, Encodable {
        public let name: String
        public let label: String
        public let logarithmic: Bool
        public let edges: [Double]
        /// Bin edges in physical units (10^edge for logarithmic axes).
        public let physicalEdges: [Double]
        public let counts: [Double]
        public let median: Double
    }

    public struct Pair: Sendable, Encodable {
        public let x: Int
        public let y: Int
        public let regions: DensityRegions2D
    }

    public static let levels = [0.683, 0.954, 0.997]

    public let axes: [Axis]
    public let pairs: [Pair]
    /// The best sample (lowest chi^2) in the sampled variables.
    public let best: [Double]

    public init(samples: [[Double]], names: [String], labels: [String], logarithmic: [Bool], best: [Double], bins: Int = 40) {
        let d = names.count
        axes = (0..<d).map { k in
            let values = samples.map { $0[k] }
            let lo = values.min()!, hi = values.max()!, span = max(hi - lo, 1e-12)
            let edges = (0...bins).map { lo + span * Double($0) / Double(bins) }
            var counts = [Double](repeating: 0, count: bins)
            for v in values { counts[min(bins - 1, Int((v - lo) / span * Double(bins)))] += 1 }
            let sorted = values.sorted()
            return Axis(name: names[k], label: labels[k], logarithmic: logarithmic[k], edges: edges,
                        physicalEdges: logarithmic[k] ? edges.map { pow(10, $0) } : edges, counts: counts,
                        median: CredibleIntervals.quantile(sorted, 0.5))
        }
        var pairs: [Pair] = []
        for i in 0..<d {
            for j in (i + 1)..<d {
                pairs.append(Pair(x: i, y: j, regions: DensityRegions2D(x: samples.map { $0[i] }, y: samples.map { $0[j] },
                                                                       bins: bins, levels: Self.levels)))
            }
        }
        self.pairs = pairs
        self.best = best
    }

    /// CSV of the 1-D histograms: parameter, bin_low, bin_high, physical_low, physical_high, count.
    public var histogramCSV: String {
        var lines = ["parameter,bin_low,bin_high,physical_low,physical_high,count"]
        for a in axes {
            for b in a.counts.indices {
                lines.append("\(a.name),\(a.edges[b]),\(a.edges[b + 1]),\(a.physicalEdges[b]),\(a.physicalEdges[b + 1]),\(a.counts[b])")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV of the 2-D histograms: x, y, x bin, y bin, count, and the HPD level (0.683/0.954/0.997,
    /// the smallest region the bin belongs to, empty if none).
    public var pairCSV: String {
        var lines = ["x,y,x_low,x_high,y_low,y_high,count,hpd_level"]
        for p in pairs {
            let r = p.regions
            for i in r.counts.indices {
                for j in r.counts[i].indices {
                    let c = r.counts[i][j]
                    let level = zip(r.levels, r.thresholds).first { c >= $0.1 && c > 0 }.map { String($0.0) } ?? ""
                    lines.append("\(axes[p.x].name),\(axes[p.y].name),\(r.xEdges[i]),\(r.xEdges[i + 1]),\(r.yEdges[j]),\(r.yEdges[j + 1]),\(c),\(level)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
