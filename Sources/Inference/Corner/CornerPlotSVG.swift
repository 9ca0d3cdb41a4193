import Foundation

/// A corner plot drawn as SVG from `CornerData`: 1-D histograms on the diagonal, the 68.3/95.4/99.7%
/// highest-density regions of every pair below it (the histogram bins above each density threshold,
/// darker for smaller regions), the best sample as a blue circle, axis labels with units, logarithmic
/// axes (decade ticks labelled in the parameter's units) where the prior is log-uniform.
public struct CornerPlotSVG {
    public let data: CornerData
    /// Tick labels of a logarithmic axis are the physical value times this factor per parameter
    /// (e.g. 1000 to show a mass in GeV as MeV).
    public let displayScale: [Double]
    let panel = 210.0, gap = 12.0, left = 78.0, bottom = 64.0, top = 20.0, right = 20.0
    let shades = ["#5b1a18", "#a0522d", "#e8a0a0"]  // 68.3, 95.4, 99.7%

    public init(data: CornerData, displayScale: [Double]) {
        self.data = data
        self.displayScale = displayScale
    }

    public var svg: String {
        let d = data.axes.count
        let width = left + Double(d) * panel + Double(d - 1) * gap + right
        let height = top + Double(d) * panel + Double(d - 1) * gap + bottom
        var out = [String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">", width, height, width, height),
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"]
        for row in 0..<d {
            for col in 0...row {
                let x0 = left + Double(col) * (panel + gap), y0 = top + Double(row) * (panel + gap)
                out.append(row == col ? histogram(col, x0, y0) : pair(col, row, x0, y0))
                out.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>", x0, y0, panel, panel))
                if row == d - 1 { out.append(ticks(axis: col, x0: x0, y0: y0 + panel, horizontal: true)) }
                if col == 0 && row > 0 { out.append(ticks(axis: row, x0: x0, y0: y0, horizontal: false)) }
            }
        }
        // legend
        let lx = left + Double(d) * (panel + gap) - 200, ly = top + 14
        if d > 1 {
            for (k, level) in ["68.3%", "95.4%", "99.7%"].enumerated() {
                out.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%@\"/><text x=\"%.1f\" y=\"%.1f\">%@ HPD</text>",
                                  lx, ly + Double(k) * 16, shades[k], lx + 20, ly + Double(k) * 16 + 9, level))
            }
            out.append(String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f4fd8\"/><text x=\"%.1f\" y=\"%.1f\">best fit</text>", lx + 7, ly + 53, lx + 20, ly + 57))
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    func scale(_ v: Double, _ edges: [Double]) -> Double { (v - edges.first!) / (edges.last! - edges.first!) }

    func histogram(_ k: Int, _ x0: Double, _ y0: Double) -> String {
        let a = data.axes[k]
        let peak = a.counts.max() ?? 1
        var path = String(format: "M %.1f %.1f", x0, y0 + panel)
        for b in a.counts.indices {
            let xl = x0 + panel * scale(a.edges[b], a.edges), xr = x0 + panel * scale(a.edges[b + 1], a.edges)
            let y = y0 + panel - 0.92 * panel * a.counts[b] / peak
            path += String(format: " L %.1f %.1f L %.1f %.1f", xl, y, xr, y)
        }
        path += String(format: " L %.1f %.1f", x0 + panel, y0 + panel)
        let bx = x0 + panel * scale(data.best[k], a.edges)
        return "<path d=\"\(path)\" fill=\"#f3d5d5\" stroke=\"#5b1a18\" stroke-width=\"1.2\"/>"
            + String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1f4fd8\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", bx, y0, bx, y0 + panel)
    }

    func pair(_ xAxis: Int, _ yAxis: Int, _ x0: Double, _ y0: Double) -> String {
        guard let p = data.pairs.first(where: { $0.x == xAxis && $0.y == yAxis }) else { return "" }
        let r = p.regions
        var out: [String] = []
        for level in stride(from: r.levels.count - 1, through: 0, by: -1) {
            let threshold = r.thresholds[level]
            for i in r.counts.indices {
                for j in r.counts[i].indices where r.counts[i][j] >= threshold && r.counts[i][j] > 0 {
                    let xl = x0 + panel * scale(r.xEdges[i], r.xEdges), xr = x0 + panel * scale(r.xEdges[i + 1], r.xEdges)
                    let yt = y0 + panel - panel * scale(r.yEdges[j + 1], r.yEdges), yb = y0 + panel - panel * scale(r.yEdges[j], r.yEdges)
                    out.append(String(format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%@\"/>",
                                      xl, yt, xr - xl + 0.3, yb - yt + 0.3, shades[level]))
                }
            }
        }
        let bx = x0 + panel * scale(data.best[xAxis], r.xEdges), by = y0 + panel - panel * scale(data.best[yAxis], r.yEdges)
        out.append(String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"#1f4fd8\" stroke=\"white\" stroke-width=\"1\"/>", bx, by))
        return out.joined(separator: "\n")
    }

    /// Ticks and the axis label along the bottom (horizontal) or left side of a panel.
    func ticks(axis k: Int, x0: Double, y0: Double, horizontal: Bool) -> String {
        let a = data.axes[k]
        let lo = a.edges.first!, hi = a.edges.last!
        var marks: [(Double, String)] = []
        if a.logarithmic {
            for e in Int(floor(lo)) ... Int(ceil(hi)) {
                for m in [1.0, 2.0, 5.0] {
                    let v = log10(m) + Double(e)
                    if v >= lo && v <= hi { marks.append((v, Self.format(m * pow(10, Double(e)) * displayScale[k]))) }
                }
            }
        } else {
            let step = Self.niceStep((hi - lo) / 4)
            var v = (lo / step).rounded(.up) * step
            while v <= hi + 1e-12 { marks.append((v, Self.format(abs(v) < step * 1e-9 ? 0 : v))); v += step }
        }
        var out: [String] = []
        for (v, text) in marks {
            let f = (v - lo) / (hi - lo)
            if horizontal {
                let x = x0 + panel * f
                out.append(String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%@</text>", x, y0, x, y0 + 5, x, y0 + 18, text))
            } else {
                let y = y0 + panel - panel * f
                out.append(String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%@</text>", x0 - 5, y, x0, y, x0 - 8, y + 4, text))
            }
        }
        if horizontal {
            out.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"14\">%@</text>", x0 + panel / 2, y0 + 42, a.label))
        } else {
            out.append(String(format: "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"14\">%@</text>", x0 - 58, y0 + panel / 2, a.label))
        }
        return out.joined(separator: "\n")
    }

    static func niceStep(_ raw: Double) -> Double {
        let p = pow(10, floor(log10(raw)))
        for m in [1.0, 2.0, 5.0, 10.0] where m * p >= raw { return m * p }
        return 10 * p
    }

    static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        if abs(v) >= 1e-3 && abs(v) < 1e4 { return String(format: "%g", (v * 1e6).rounded() / 1e6) }
        return String(format: "%.0e", v)
    }
}
