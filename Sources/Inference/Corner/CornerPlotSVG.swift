import Foundation

/// A corner plot as SVG, in the manner of corner.py and getdist: on the diagonal the smoothed
/// marginal density of each parameter with its 16/50/84% quantiles and a title "median +upper
/// -lower" (in the parameter's units); below it, for every pair, the smoothed 2-D density's
/// 68.3/95.4/99.7% highest-density regions as filled bands with contour lines. Prior bounds reached
/// by the posterior are drawn as dashed lines with the excluded side greyed, a little inside the
/// frame, so a best fit (red marker and lines) at a bound stays visible. Logarithmic axes (log-uniform
/// priors) are labelled in the parameter's units; tick labels come from `AxisTicks`, which checks
/// that they fit and do not overlap.
public struct CornerPlotSVG {
    public let densities: CornerDensities
    /// The best sample (lowest chi^2) in the sampled variables.
    public let best: [Double]?
    public let panel = 190.0, gap = 10.0
    let tickFont = 10.5, labelFont = 13.0, titleFont = 12.0
    /// 99.7, 95.4, 68.3% fills (light to dark) and the contour line colour.
    let fills = ["#c6dbef", "#6baed6", "#2171b5"]
    let lineColour = "#08306b", bestColour = "#d62728", boundColour = "#555555"

    public init(densities: CornerDensities, best: [Double]?) {
        self.densities = densities
        self.best = best
    }

    var parameters: [PlotParameter] { densities.parameters }

    /// The drawn range of an axis: the density grid, widened by 4% on a side that ends at a prior bound.
    public func plotRange(_ k: Int) -> ClosedRange<Double> {
        let m = densities.marginals[k], r = m.range, pad = 0.04 * (r.upperBound - r.lowerBound)
        return (r.lowerBound - (m.reflectsLower ? pad : 0))...(r.upperBound + (m.reflectsUpper ? pad : 0))
    }

    public func xTicks(_ k: Int) -> AxisTicks {
        AxisTicks(range: plotRange(k), logarithmic: parameters[k].logarithmic, displayScale: parameters[k].displayScale,
                  length: panel, fontSize: tickFont, horizontal: true, slack: gap / 2 - 1)
    }

    public func yTicks(_ k: Int) -> AxisTicks {
        AxisTicks(range: plotRange(k), logarithmic: parameters[k].logarithmic, displayScale: parameters[k].displayScale,
                  length: panel, fontSize: tickFont, horizontal: false, slack: gap / 2 - 1)
    }

    var left: Double {
        let d = parameters.count
        guard d > 1 else { return 30 }
        let widest = (1..<d).flatMap { yTicks($0).major.map { $0.label.width(fontSize: tickFont) } }.max() ?? 0
        return widest + 8 + 10 + labelFont + 10
    }
    let top = 36.0, bottom = 62.0, right = 16.0

    /// Panel origin (top-left) of row, column.
    public func origin(row: Int, column: Int) -> (x: Double, y: Double) {
        (left + Double(column) * (panel + gap), top + Double(row) * (panel + gap))
    }

    public var svg: String {
        let d = parameters.count
        var canvas = SVGCanvas(width: left + Double(d) * panel + Double(d - 1) * gap + right,
                               height: top + Double(d) * panel + Double(d - 1) * gap + bottom)
        for row in 0..<d {
            for col in 0...row {
                let (x0, y0) = origin(row: row, column: col)
                if row == col { marginal(col, x0, y0, &canvas) } else { pair(col, row, x0, y0, &canvas) }
                canvas.rect(x0, y0, panel, panel, stroke: "black", attributes: "stroke-width=\"1\" class=\"frame\"")
                if row == col { bestLine(col, x0, y0, &canvas) } else { bestMarker(col, row, x0, y0, &canvas) }
                if row == d - 1 { horizontalAxis(col, x0, y0 + panel, &canvas) }
                if col == 0 && row > 0 { verticalAxis(row, x0, y0, &canvas) }
            }
        }
        if d > 1 { legend(&canvas) }
        return canvas.svg
    }

    func px(_ k: Int, _ v: Double, _ x0: Double) -> Double {
        let r = plotRange(k)
        return x0 + (v - r.lowerBound) / (r.upperBound - r.lowerBound) * panel
    }

    func py(_ k: Int, _ v: Double, _ y0: Double) -> Double {
        let r = plotRange(k)
        return y0 + panel - (v - r.lowerBound) / (r.upperBound - r.lowerBound) * panel
    }

    /// Grey strips outside the prior and dashed bound lines, along x (vertical = false) or y.
    func priorBounds(_ k: Int, _ x0: Double, _ y0: Double, alongY: Bool, _ canvas: inout SVGCanvas) {
        let m = densities.marginals[k], r = plotRange(k)
        var sides: [(bound: Double, edge: Double)] = []
        if m.reflectsLower { sides.append((m.range.lowerBound, r.lowerBound)) }
        if m.reflectsUpper { sides.append((m.range.upperBound, r.upperBound)) }
        for (bound, edge) in sides {
            if alongY {
                let yb = py(k, bound, y0), ye = py(k, edge, y0)
                canvas.rect(x0, min(yb, ye), panel, abs(ye - yb), fill: "#e6e6e6", attributes: "class=\"outside-prior\"")
                canvas.line(x0, yb, x0 + panel, yb, stroke: boundColour, width: 1, attributes: "stroke-dasharray=\"5 3\" class=\"prior-bound\"")
            } else {
                let xb = px(k, bound, x0), xe = px(k, edge, x0)
                canvas.rect(min(xb, xe), y0, abs(xe - xb), panel, fill: "#e6e6e6", attributes: "class=\"outside-prior\"")
                canvas.line(xb, y0, xb, y0 + panel, stroke: boundColour, width: 1, attributes: "stroke-dasharray=\"5 3\" class=\"prior-bound\"")
            }
        }
    }

    func marginal(_ k: Int, _ x0: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        let m = densities.marginals[k]
        priorBounds(k, x0, y0, alongY: false, &canvas)
        let peak = m.density.max() ?? 1
        let yOf = { (v: Double) in y0 + panel - 0.9 * panel * v / peak }
        var points = [(px(k, m.range.lowerBound, x0), yOf(m.density.first ?? 0))]
        points += zip(m.centers, m.density).map { (px(k, $0.0, x0), yOf($0.1)) }
        points.append((px(k, m.range.upperBound, x0), yOf(m.density.last ?? 0)))
        let base = y0 + panel
        let area = [(points.first!.0, base)] + points + [(points.last!.0, base)]
        canvas.append("<path d=\"\(SVGCanvas.pathData([area], closed: true))\" fill=\"\(fills[0])\" fill-opacity=\"0.6\" stroke=\"none\"/>")
        canvas.append("<path class=\"marginal\" d=\"\(SVGCanvas.pathData([points], closed: false))\" fill=\"none\" stroke=\"\(lineColour)\" stroke-width=\"1.5\"/>")
        let q = densities.quantiles[k]
        for v in [q.low, q.median, q.high] {
            let x = px(k, v, x0)
            canvas.line(x, y0, x, y0 + panel, stroke: "#444444", width: 1, attributes: "stroke-dasharray=\"3 3\" class=\"quantile\"")
        }
        title(k, x0, y0, &canvas)
    }

    func pair(_ i: Int, _ j: Int, _ x0: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        guard let p = densities.pairs.first(where: { $0.x == i && $0.y == j }) else { return }
        priorBounds(i, x0, y0, alongY: false, &canvas)
        priorBounds(j, x0, y0, alongY: true, &canvas)
        let density = p.density
        let clip = "clip-\(i)-\(j)"
        let cx0 = px(i, density.xRange.lowerBound, x0), cx1 = px(i, density.xRange.upperBound, x0)
        let cy0 = py(j, density.yRange.upperBound, y0), cy1 = py(j, density.yRange.lowerBound, y0)
        canvas.define(String(format: "<clipPath id=\"%@\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>",
                             clip, cx0, cy0, cx1 - cx0, cy1 - cy0))
        let xs = density.xCenters, ys = density.yCenters
        var lines: [String] = []
        for (n, level) in CornerDensities.levels.enumerated().reversed() {
            let loops = Contours.closedLoops(xs: xs, ys: ys, values: density.density, level: p.thresholds[n],
                                             xRange: density.xRange, yRange: density.yRange)
            let pixels = loops.map { $0.map { (px(i, $0.0, x0), py(j, $0.1, y0)) } }
            let data = SVGCanvas.pathData(pixels, closed: true)
            canvas.append("<path class=\"fill\" data-level=\"\(level)\" d=\"\(data)\" fill=\"\(fills[CornerDensities.levels.count - 1 - n])\" fill-rule=\"evenodd\" stroke=\"none\" clip-path=\"url(#\(clip))\"/>")
            lines.append("<path class=\"contour\" data-level=\"\(level)\" d=\"\(data)\" fill=\"none\" stroke=\"\(lineColour)\" stroke-width=\"\(n == 0 ? 1.3 : 0.9)\" clip-path=\"url(#\(clip))\"/>")
        }
        lines.forEach { canvas.append($0) }
    }

    func bestLine(_ k: Int, _ x0: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        guard let best else { return }
        let x = px(k, best[k], x0)
        canvas.line(x, y0, x, y0 + panel, stroke: bestColour, width: 1.5, attributes: "class=\"best-fit\"")
    }

    func bestMarker(_ i: Int, _ j: Int, _ x0: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        guard let best else { return }
        let x = px(i, best[i], x0), y = py(j, best[j], y0)
        canvas.line(x, y0, x, y0 + panel, stroke: bestColour, width: 0.8, attributes: "stroke-opacity=\"0.7\"")
        canvas.line(x0, y, x0 + panel, y, stroke: bestColour, width: 0.8, attributes: "stroke-opacity=\"0.7\"")
        canvas.append(String(format: "<path class=\"best-fit\" d=\"M %.2f %.2f l 4.5 4.5 l -4.5 4.5 l -4.5 -4.5 Z\" fill=\"%@\" stroke=\"white\" stroke-width=\"1\"/>",
                             x, y - 4.5, bestColour))
    }

    /// Title "symbol = median^{+upper}_{-lower} unit" above a marginal, shrunk to fit the panel.
    func title(_ k: Int, _ x0: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        let text = titleText(k)
        var size = titleFont
        while text.width(fontSize: size) > panel + gap - 2 && size > 7 { size -= 0.5 }
        canvas.append(text.svg(x: x0 + panel / 2, y: y0 - 9, fontSize: size, anchor: "middle", attributes: "class=\"title\""))
    }

    public func titleText(_ k: Int) -> PlotText {
        let p = parameters[k], q = densities.quantiles[k]
        return p.symbol + PlotText(" = ") + Self.valueWithErrors(median: p.display(q.median), upper: p.display(q.high) - p.display(q.median),
                                                                lower: p.display(q.median) - p.display(q.low))
            + (p.unit.map { PlotText(" " + $0) } ?? PlotText([]))
    }

    /// "283.4^{+5.1}_{-7.3}", errors to two significant digits and the median to the same decimal;
    /// "(3.10^{+0.40}_{-0.50})×10^-4" (the median's power of ten) when the numbers are below 0.01 or
    /// from 10^5.
    public static func valueWithErrors(median: Double, upper: Double, lower: Double) -> PlotText {
        let largest = max(abs(median), upper, lower)
        var e = 0
        if largest > 0 && (largest < 0.01 || largest >= 1e5) { e = Int(floor(log10(median != 0 ? abs(median) : largest))) }
        let s = pow(10, Double(-e))
        let (m, u, l) = (median * s, upper * s, lower * s)
        let smallest = min(u, l) > 0 ? min(u, l) : max(u, l)
        let decimals = smallest > 0 ? max(0, min(6, 1 - Int(floor(log10(smallest))))) : 2
        let body = PlotText(AxisTicks.number(m, decimals: decimals))
            + .scripts(sup: "+" + AxisTicks.number(u, decimals: decimals), sub: "−" + AxisTicks.number(l, decimals: decimals))
        if e == 0 { return body }
        return PlotText("(") + body + PlotText(")×10") + .sup(e < 0 ? "−\(-e)" : "\(e)")
    }

    func horizontalAxis(_ k: Int, _ x0: Double, _ y: Double, _ canvas: inout SVGCanvas) {
        let ticks = xTicks(k)
        for v in ticks.minor { canvas.line(x0 + ticks.offset(v), y, x0 + ticks.offset(v), y + 3, width: 0.8) }
        for t in ticks.major {
            let x = x0 + ticks.offset(t.position)
            canvas.line(x, y, x, y + 5)
            canvas.append(t.label.svg(x: x, y: y + 8 + tickFont, fontSize: tickFont, anchor: "middle", attributes: "class=\"tick x\""))
        }
        canvas.append(parameters[k].axisLabel(multiplier: ticks.multiplier).svg(x: x0 + panel / 2, y: y + 8 + tickFont + 10 + labelFont, fontSize: labelFont,
                                                  anchor: "middle", attributes: "class=\"axis-label\""))
    }

    func verticalAxis(_ k: Int, _ x: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        let ticks = yTicks(k)
        canvas.leftAxis(ticks, x: x, top: y0, height: panel, label: parameters[k].axisLabel(multiplier: ticks.multiplier),
                        tickFont: tickFont, labelFont: labelFont)
    }

    func legend(_ canvas: inout SVGCanvas) {
        let d = parameters.count
        let (x0, y0) = origin(row: 0, column: d - 1)
        let scale = densities.bandwidthScale == 1 ? "" : String(format: " × %g", densities.bandwidthScale)
        let closing = densities.marginals.contains { $0.reflectsLower || $0.reflectsUpper } ? ")," : ")"
        let note = PlotText("Gaussian KDE (Scott\(scale), n") + .sub("eff") + PlotText(String(format: " = %.0f", densities.effectiveSize) + closing)
        let widest = max(24 + PlotText("16, 50, 84% quantiles").width(fontSize: 11), note.width(fontSize: 9.5))
        let lx = x0 + panel - widest - 4, ly = y0 + 30
        var y = ly
        for (n, level) in ["68.3%", "95.4%", "99.7%"].enumerated() {
            canvas.rect(lx, y - 9, 16, 11, fill: fills[fills.count - 1 - n], stroke: lineColour, attributes: "stroke-width=\"0.8\"")
            canvas.append(PlotText("\(level) HPD region").svg(x: lx + 24, y: y, fontSize: 11))
            y += 17
        }
        canvas.line(lx, y - 4, lx + 16, y - 4, stroke: bestColour, width: 1.5)
        canvas.append(String(format: "<path d=\"M %.2f %.2f l 4.5 4.5 l -4.5 4.5 l -4.5 -4.5 Z\" fill=\"%@\" stroke=\"white\"/>", lx + 8, y - 8.5, bestColour))
        canvas.append(PlotText("best fit").svg(x: lx + 24, y: y, fontSize: 11))
        y += 17
        // Prior bounds are drawn (and the densities reflected) only where the chain reaches one; a plain
        // emcee file has none.
        let bounded = densities.marginals.contains { $0.reflectsLower || $0.reflectsUpper }
        if bounded {
            canvas.line(lx, y - 4, lx + 16, y - 4, stroke: boundColour, width: 1, attributes: "stroke-dasharray=\"5 3\"")
            canvas.append(PlotText("prior bound").svg(x: lx + 24, y: y, fontSize: 11))
            y += 17
        }
        canvas.line(lx, y - 4, lx + 16, y - 4, stroke: "#444444", width: 1, attributes: "stroke-dasharray=\"3 3\"")
        canvas.append(PlotText("16, 50, 84% quantiles").svg(x: lx + 24, y: y, fontSize: 11))
        y += 22
        canvas.append(note.svg(x: lx, y: y, fontSize: 9.5, attributes: "fill=\"#555555\""))
        if bounded {
            canvas.append(PlotText("reflected at prior bounds").svg(x: lx, y: y + 12, fontSize: 9.5, attributes: "fill=\"#555555\""))
        }
    }
}
