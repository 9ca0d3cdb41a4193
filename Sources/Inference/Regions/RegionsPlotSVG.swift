import Foundation

/// The figure of a `PlaneRegions` (the paper's figs. 11-13): the allowed regions at 68.3, 95.4 and
/// 99.7 % filled (darkest innermost) with contour lines, each constraint's boundary drawn in its colour
/// and numbered, with a band on its excluded side, the best fit, prior bounds, and a legend beside the plot that
/// names every drawn constraint with its CL, lists those that exclude nothing in the plane, and says
/// where the other parameters are held. Ticks come from `AxisTicks`.
/// Test hooks: regions `class="region"` and `class="contour"` with `data-level`; per constraint
/// `<g class="constraint" data-name>` holding `class="excluded"` and `class="boundary"`; legend
/// entries `<g class="legend-entry" data-name>`; tick labels `class="tick x"` / `class="tick y"`.
public struct RegionsPlotSVG {
    public let regions: PlaneRegions
    public let title: String
    public let plotWidth = 470.0, plotHeight = 400.0
    public let left = 86.0, top = 44.0, bottom = 64.0, legendGap = 30.0, legendWidth = 330.0
    public let tickFont = 11.5, labelFont = 13.0, legendFont = 11.0

    static let fills = ["#08519c", "#6baed6", "#c6dbef"]  // 68.3, 95.4, 99.7 %
    static let contourColour = "#08306b", bestColour = "#111111", boundColour = "#666666"
    static let palette = ["#d62728", "#ff7f0e", "#9467bd", "#2ca02c", "#e377c2", "#8c564b", "#17becf", "#bcbd22",
                          "#7f7f7f", "#000000", "#b15928", "#6a3d9a", "#1b9e77", "#e6ab02", "#666600", "#f781bf"]
        static let dashes = ["", "7 3", "2.5 2", "9 3 2 3"]

    public init(regions: PlaneRegions, title: String) {
        self.regions = regions
        self.title = title
    }

    var plane: ParameterPlane { regions.plane }

    public var xTicks: AxisTicks {
        AxisTicks(range: plane.xRange, logarithmic: plane.x.logarithmic, displayScale: plane.x.displayScale,
                  length: plotWidth, fontSize: tickFont, horizontal: true, slack: 9)
    }

    public var yTicks: AxisTicks {
        AxisTicks(range: plane.yRange, logarithmic: plane.y.logarithmic, displayScale: plane.y.displayScale,
                  length: plotHeight, fontSize: tickFont, horizontal: false)
    }

    /// Constraints with an excluded area in the plane (drawn), in the order given.
    public var drawn: [ConstraintExclusion] { regions.constraints.filter { $0.excludedFraction > 0 } }

    func colour(_ k: Int) -> String { Self.palette[k % Self.palette.count] }
    /// The dash pattern of constraint k: cycles with k, shifted once per round of the palette so that
    /// no two constraints share colour and dash.
    func dash(_ k: Int) -> String { Self.dashes[(k + k / Self.palette.count) % Self.dashes.count] }

    func px(_ v: Double) -> Double { left + xTicks.offset(v) }
    func py(_ v: Double) -> Double { top + plotHeight - yTicks.offset(v) }

    public var width: Double { left + plotWidth + legendGap + legendWidth }
    public var height: Double { max(top + plotHeight + bottom, top + legendHeight + 10) }

    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        let clip = "plot-area"
        canvas.define(String(format: "<clipPath id=\"%@\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>",
                             clip, left, top, plotWidth, plotHeight))
        canvas.append(PlotText(title).svg(x: left, y: top - 16, fontSize: 14, attributes: "font-weight=\"bold\" class=\"title\""))
        canvas.append("<g clip-path=\"url(#\(clip))\">")
        drawRegions(&canvas)
        for (k, c) in drawn.enumerated() { drawConstraint(c, k, &canvas) }
        drawPriorBounds(&canvas)
        canvas.append("</g>")
        canvas.rect(left, top, plotWidth, plotHeight, stroke: "black", attributes: "stroke-width=\"1\"")
        drawBest(&canvas)
        drawAxes(&canvas)
        drawLegend(&canvas)
        return canvas.svg
    }

    func pixels(_ loops: [[(Double, Double)]]) -> [[(Double, Double)]] { loops.map { $0.map { (px($0.0), py($0.1)) } } }

    func drawRegions(_ canvas: inout SVGCanvas) {
        let loops = regions.regions
        var lines: [String] = []
        for n in loops.indices.reversed() {
            let data = SVGCanvas.pathData(pixels(loops[n]), closed: true)
            let level = PlaneRegions.levels[n]
            canvas.append("<path class=\"region\" data-level=\"\(level)\" d=\"\(data)\" fill=\"\(Self.fills[n])\" fill-rule=\"evenodd\" stroke=\"none\"/>")
            lines.append("<path class=\"contour\" data-level=\"\(level)\" d=\"\(data)\" fill=\"none\" stroke=\"\(Self.contourColour)\" stroke-width=\"\(n == 0 ? 1.4 : 0.9)\"/>")
        }
        lines.forEach { canvas.append($0) }
    }

    /// The boundary line, a band of the constraint's colour along it on the excluded side (the
    /// boundary stroked wide, clipped to the excluded area), and the constraint's number on the
    /// longest piece of the line.
    func drawConstraint(_ c: ConstraintExclusion, _ k: Int, _ canvas: inout SVGCanvas) {
        canvas.append("<g class=\"constraint\" data-name=\"\(SVGCanvas.escape(c.name))\">")
        let area = SVGCanvas.pathData(pixels(c.boundary(plane)), closed: true)
        canvas.define("<clipPath id=\"excluded-\(k)\"><path d=\"\(area)\" clip-rule=\"evenodd\"/></clipPath>")
        canvas.append("<path class=\"excluded\" d=\"\(area)\" fill=\"none\" stroke=\"none\"/>")
        let open = pixels(Contours.loops(xs: plane.xs, ys: plane.ys, values: c.margins, level: 0))
        let line = SVGCanvas.pathData(open, closed: false)
        canvas.append("<path class=\"band\" d=\"\(line)\" fill=\"none\" stroke=\"\(colour(k))\" stroke-width=\"11\" stroke-opacity=\"0.28\" clip-path=\"url(#excluded-\(k))\"/>")
        let dash = dash(k)
        canvas.append("<path class=\"boundary\" d=\"\(line)\" fill=\"none\" stroke=\"\(colour(k))\" stroke-width=\"1.8\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
        if let (x, y) = labelPosition(open, k) {
            canvas.append(String(format: "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"7.5\" fill=\"white\" stroke=\"%@\" stroke-width=\"1.3\"/>", x, y, colour(k)))
            canvas.append(PlotText("\(k + 1)").svg(x: x, y: y + 3.6, fontSize: 10, anchor: "middle", attributes: "fill=\"\(colour(k))\" font-weight=\"bold\" class=\"curve-label\""))
        }
        canvas.append("</g>")
    }

    /// A point on the longest piece of a boundary inside the plot (away from the frame), staggered
    /// along the line by the constraint's number so that labels of nearby curves do not coincide.
    func labelPosition(_ lines: [[(Double, Double)]], _ k: Int) -> (Double, Double)? {
        let inside = lines.map { $0.filter { $0.0 > left + 10 && $0.0 < left + plotWidth - 10 && $0.1 > top + 10 && $0.1 < top + plotHeight - 10 } }
        guard let longest = inside.max(by: { $0.count < $1.count }), !longest.isEmpty else { return nil }
        let fractions = [0.5, 0.3, 0.7, 0.4, 0.6, 0.2, 0.8]
        let i = Int(Double(longest.count - 1) * fractions[k % fractions.count])
        return longest[i]
    }

    /// Dashed lines at prior bounds inside the shown range (1.5 px inside the frame when the range
    /// ends at the bound).
    func drawPriorBounds(_ canvas: inout SVGCanvas) {
        for b in [plane.x.bounds.lowerBound, plane.x.bounds.upperBound] where b >= plane.xRange.lowerBound && b <= plane.xRange.upperBound {
            let x = min(max(px(b), left + 1.5), left + plotWidth - 1.5)
            canvas.line(x, top, x, top + plotHeight, stroke: Self.boundColour, width: 1.2, attributes: "class=\"prior-bound\" stroke-dasharray=\"5 3\"")
        }
        for b in [plane.y.bounds.lowerBound, plane.y.bounds.upperBound] where b >= plane.yRange.lowerBound && b <= plane.yRange.upperBound {
            let y = min(max(py(b), top + 1.5), top + plotHeight - 1.5)
            canvas.line(left, y, left + plotWidth, y, stroke: Self.boundColour, width: 1.2, attributes: "class=\"prior-bound\" stroke-dasharray=\"5 3\"")
        }
    }

    /// The best fit, drawn above the frame so that it stays visible on a prior edge.
    func drawBest(_ canvas: inout SVGCanvas) {
        let (bx, by) = regions.best
        guard plane.xRange.contains(bx), plane.yRange.contains(by) else { return }
        canvas.append(String(format: "<circle class=\"best-fit\" cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"%@\" stroke=\"white\" stroke-width=\"1.5\"/>",
                             px(bx), py(by), Self.bestColour))
    }

    func drawAxes(_ canvas: inout SVGCanvas) {
        let xt = xTicks, yt = yTicks, y0 = top + plotHeight
        for v in xt.minor { canvas.line(px(v), y0, px(v), y0 + 3.5, width: 0.8) }
        for t in xt.major {
            canvas.line(px(t.position), y0, px(t.position), y0 + 6)
            canvas.append(t.label.svg(x: px(t.position), y: y0 + 9 + tickFont, fontSize: tickFont, anchor: "middle", attributes: "class=\"tick x\""))
        }
        canvas.append(plane.x.axisLabel(multiplier: xt.multiplier).svg(x: left + plotWidth / 2, y: y0 + 9 + tickFont + 12 + labelFont,
                                                                       fontSize: labelFont, anchor: "middle", attributes: "class=\"axis-label\""))
        canvas.leftAxis(yt, x: left, top: top, height: plotHeight, label: plane.y.axisLabel(multiplier: yt.multiplier),
                        tickFont: tickFont, labelFont: labelFont, labelGap: 10, minimumLabelX: labelFont)
    }

    /// Legend rows: (kind, name, text).
    enum Row {
        case region(Int)
        case best
        case bound
        case constraint(Int, ConstraintExclusion)
        case note(PlotText)
        case gap
    }

    var legendRows: [Row] {
        var rows: [Row] = PlaneRegions.levels.indices.map { .region($0) }
        rows += [.best, .bound, .gap]
        rows += drawn.enumerated().map { .constraint($0.offset, $0.element) }
        let quiet = regions.constraints.filter { $0.excludedFraction == 0 && $0.appliesAnywhere }.map(\.name)
        let absent = regions.constraints.filter { !$0.appliesAnywhere }.map(\.name)
        let whole = drawn.filter { $0.excludedFraction == 1 }.map(\.name)
        if !drawn.isEmpty { rows.append(.note(PlotText("shaded side of each line: excluded at the constraint’s CL"))) }
        if !whole.isEmpty { rows += wrap("excludes the whole plane: " + whole.joined(separator: ", ")).map { .note($0) } }
        if !quiet.isEmpty { rows += wrap("excludes nothing here: " + quiet.joined(separator: ", ")).map { .note($0) } }
        if !absent.isEmpty { rows += wrap("does not apply here: " + absent.joined(separator: ", ")).map { .note($0) } }
        rows.append(.gap)
        rows += plane.heldText.flatMap { wrap($0) }.map { .note($0) }
        rows += wrap(regions.mode == .posterior
                     ? String(format: "Gaussian KDE (Scott, n_eff = %.0f), reflected at prior bounds", regions.effectiveSize)
                     : "profile χ² on a \(plane.xs.count)×\(plane.ys.count) grid" + (plane.others.isEmpty ? "" : ", minimised over the others")).map { .note($0) }
        return rows
    }

    func rowHeight(_ r: Row) -> Double {
        switch r {
        case .note: return 14
        case .gap: return 8
        default: return 18
        }
    }

    var legendHeight: Double { legendRows.reduce(0) { $0 + rowHeight($1) } + 4 }

    /// Splits a plain text into lines that fit the legend, at ", " and spaces.
    func wrap(_ text: String) -> [PlotText] { wrap(PlotText(text)) }

    func wrap(_ text: PlotText) -> [PlotText] {
        if text.width(fontSize: legendFont - 1) <= legendWidth - 8 { return [text] }
        guard text.runs.allSatisfy({ $0.shift == .none }) else { return [text] }
        var lines: [PlotText] = [], current = ""
        for word in text.plain.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if PlotText(candidate).width(fontSize: legendFont - 1) > legendWidth - 8 && !current.isEmpty {
                lines.append(PlotText(current))
                current = "   " + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(PlotText(current)) }
        return lines
    }

    func drawLegend(_ canvas: inout SVGCanvas) {
        let lx = left + plotWidth + legendGap
        var y = top + 4
        for row in legendRows {
            let h = rowHeight(row)
            let base = y + h - 5
            switch row {
            case .region(let n):
                canvas.append("<g class=\"legend-entry\" data-name=\"region-\(PlaneRegions.levels[n])\">")
                canvas.rect(lx, base - 10, 18, 12, fill: Self.fills[n], stroke: Self.contourColour, attributes: "stroke-width=\"0.8\"")
                canvas.append(PlotText(regions.levelLabels[n]).svg(x: lx + 26, y: base, fontSize: legendFont))
                canvas.append("</g>")
            case .best:
                canvas.append("<g class=\"legend-entry\" data-name=\"best-fit\">")
                canvas.append(String(format: "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"%@\" stroke=\"white\" stroke-width=\"1.5\"/>", lx + 9, base - 4, Self.bestColour))
                canvas.append((PlotText("best fit of the chain (χ") + .sup("2") + PlotText(String(format: " = %.2f)", regions.chiSquareMinimum))).svg(x: lx + 26, y: base, fontSize: legendFont))
                canvas.append("</g>")
            case .bound:
                canvas.line(lx, base - 4, lx + 18, base - 4, stroke: Self.boundColour, width: 1.2, attributes: "stroke-dasharray=\"5 3\"")
                canvas.append(PlotText("prior bound").svg(x: lx + 26, y: base, fontSize: legendFont))
            case let .constraint(k, c):
                canvas.append("<g class=\"legend-entry\" data-name=\"\(SVGCanvas.escape(c.name))\">")
                let dash = dash(k)
                canvas.rect(lx, base - 10, 22, 5.5, fill: colour(k), attributes: "fill-opacity=\"0.28\"")
                canvas.line(lx, base - 4.5, lx + 22, base - 4.5, stroke: colour(k), width: 1.8, attributes: dash.isEmpty ? "" : "stroke-dasharray=\"\(dash)\"")
                canvas.append(PlotText("\(k + 1)").svg(x: lx + 44, y: base, fontSize: legendFont, anchor: "end", attributes: "fill=\"\(colour(k))\" font-weight=\"bold\""))
                canvas.append(PlotText(c.name + String(format: " (%.4g%% CL)", c.cl * 100)).svg(x: lx + 50, y: base, fontSize: legendFont))
                canvas.append("</g>")
            case .note(let text):
                canvas.append(text.svg(x: lx, y: base, fontSize: legendFont - 1, attributes: "fill=\"#444444\" class=\"note\""))
            case .gap:
                break
            }
            y += h
        }
    }
}
