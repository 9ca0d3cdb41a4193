import Foundation

/// The plot of a `ConstraintScan`: one panel per constraint (prediction against the scanned
/// parameter, with the measurement's 1 and 2 sigma bands or the limit line at its CL, and the
/// excluded region shaded) and a last panel with the summed chi^2. The x axis is logarithmic for a
/// logarithmic scan; a panel's y axis is logarithmic when its predictions are positive and span more
/// than two decades. Ticks come from `AxisTicks`, so labels stay inside their axis and apart.
/// Test hooks: each panel is `<g class="panel" data-name="...">`, bands `class="band"`, limit lines
/// `class="limit"`, tick labels `class="tick x"` / `class="tick y"`.
public struct ConstraintScanSVG {
    public let scan: ConstraintScan
    public let axis: PlotParameter
    public let plotWidth = 300.0, plotHeight = 190.0
    public let left = 78.0, right = 34.0, top = 46.0, bottom = 50.0
    public let tickFont = 11.0, labelFont = 12.0
    public var columnsPerRow: Int { min(3, panelCount) }
    public var panelCount: Int { scan.columns.count + 1 }

    static let curveColour = "#1f3b73", excludedFill = "#d62728", limitColour = "#b2182b"
    static let oneSigma = "#4dac26", twoSigma = "#f1d54b"

    public init(scan: ConstraintScan) {
        self.scan = scan
        let lo = scan.values.first!, hi = scan.values.last!
        let prior = ParameterPrior(name: scan.parameter, distribution: scan.logarithmic ? .logUniform(min: lo, max: hi) : .uniform(min: lo, max: hi),
                                   unit: scan.parameter == "mZD" ? "GeV" : nil)
        axis = PlotParameter(prior: prior)
    }

    /// The axis variable of a scan value (log10 on a logarithmic scan).
    func xVariable(_ v: Double) -> Double { scan.logarithmic ? log10(v) : v }
    var xRange: ClosedRange<Double> { xVariable(scan.values.first!)...xVariable(scan.values.last!) }

    public var xTicks: AxisTicks {
        AxisTicks(range: xRange, logarithmic: scan.logarithmic, displayScale: axis.displayScale, length: plotWidth,
                  fontSize: tickFont, horizontal: true, slack: 9)
    }

    /// The top-left corner of panel k's plotting area.
    public func origin(_ k: Int) -> (x: Double, y: Double) {
        let row = k / columnsPerRow, column = k % columnsPerRow
        return (Double(column) * (left + plotWidth + right) + left, Double(row) * (top + plotHeight + bottom) + top)
    }

    public var width: Double { Double(columnsPerRow) * (left + plotWidth + right) }
    public var height: Double { Double((panelCount + columnsPerRow - 1) / columnsPerRow) * (top + plotHeight + bottom) + 22 }

    /// A panel's y axis: the values it must show and its scale.
    public struct YAxis {
        public let range: ClosedRange<Double>
        public let logarithmic: Bool
        public func variable(_ v: Double) -> Double { logarithmic ? log10(v) : v }
    }

    /// The y axis of the values `curve` plus the `reference` values to show.
    static func yAxis(curve: [Double], reference: [Double]) -> YAxis {
        let finite = curve.filter(\.isFinite)
        let shown = finite + reference.filter(\.isFinite)
        if let lo = finite.min(), let hi = finite.max(), lo > 0 {
            let positive = shown.filter { $0 > 0 }
            let top = positive.max()!, bottom = max(positive.min()!, top * 1e-14)
            if hi / lo > 100 || top / bottom > 100 {
                let a = log10(bottom), b = log10(top), pad = max(0.05 * (b - a), 0.1)
                return YAxis(range: (a - pad)...(b + pad), logarithmic: true)
            }
        }
        guard let lo = shown.min(), let hi = shown.max() else { return YAxis(range: 0...1, logarithmic: false) }
        if hi - lo <= 1e-12 * max(abs(hi), abs(lo)) {
            let d = lo == 0 ? 1 : 0.1 * abs(lo)
            return YAxis(range: (lo - d)...(hi + d), logarithmic: false)
        }
        let pad = 0.06 * (hi - lo)
        return YAxis(range: (lo - pad)...(hi + pad), logarithmic: false)
    }

    /// The y axis of panel k (the last is the total chi^2).
    public func yAxis(_ k: Int) -> YAxis {
        guard k < scan.columns.count else { return Self.yAxis(curve: scan.totalChi2, reference: []) }
        let c = scan.columns[k]
        var reference: [Double] = []
        switch c.reference {
        case let .measurement(value, up, down, z):
            reference = [value + z * up * 1.15, value - z * down * 1.15, value]
        case let .limit(values):
            reference = values.filter(\.isFinite).flatMap { [$0, $0 * 1.5] }
        }
        return Self.yAxis(curve: c.results.map { $0.applies ? $0.prediction : .nan }, reference: reference)
    }

    public func yTicks(_ k: Int) -> AxisTicks {
        let y = yAxis(k)
        return AxisTicks(range: y.range, logarithmic: y.logarithmic, length: plotHeight, fontSize: tickFont, horizontal: false)
    }

    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        for k in 0..<panelCount { panel(k, &canvas) }
        canvas.append(legend.svg(x: 12, y: height - 10, fontSize: 11, attributes: "fill=\"#444444\" class=\"legend\""))
        return canvas.svg
    }

    func panel(_ k: Int, _ canvas: inout SVGCanvas) {
        let (x0, y0) = origin(k)
        let y = yAxis(k), yt = yTicks(k), xt = xTicks
        let name = k < scan.columns.count ? scan.columns[k].name : "chi2_total"
        func px(_ v: Double) -> Double { x0 + xt.offset(xVariable(v)) }
        func py(_ v: Double) -> Double { y0 + plotHeight - yt.offset(y.variable(v)) }
        /// y of a value, clamped to just outside the plotting area (log of a non-positive value: the bottom).
        func pyClamped(_ v: Double) -> Double {
            if y.logarithmic && v <= 0 { return y0 + plotHeight + 2 }
            return min(max(py(v), y0 - 2), y0 + plotHeight + 2)
        }
        let clip = "clip-\(k)"
        canvas.define(String(format: "<clipPath id=\"%@\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>", clip, x0, y0, plotWidth, plotHeight))
        canvas.append("<g class=\"panel\" data-name=\"\(SVGCanvas.escape(name))\">")
        canvas.append("<g clip-path=\"url(#\(clip))\">")
        let xLeft = x0, xRight = x0 + plotWidth
        if k < scan.columns.count {
            let c = scan.columns[k]
            switch c.reference {
            case let .measurement(value, up, down, z):
                for (n, colour) in [(2.0, Self.twoSigma), (1.0, Self.oneSigma)] {
                    let a = pyClamped(value + n * up), b = pyClamped(value - n * down)
                    canvas.rect(xLeft, a, plotWidth, max(0, b - a), fill: colour, attributes: "class=\"band\" fill-opacity=\"0.55\"")
                }
                let high = pyClamped(value + z * up), low = pyClamped(value - z * down)
                canvas.rect(xLeft, y0 - 2, plotWidth, max(0, high - y0 + 2), fill: Self.excludedFill, attributes: "class=\"excluded\" fill-opacity=\"0.16\"")
                canvas.rect(xLeft, low, plotWidth, max(0, y0 + plotHeight + 2 - low), fill: Self.excludedFill, attributes: "class=\"excluded\" fill-opacity=\"0.16\"")
                if !(y.logarithmic && value <= 0) {
                    canvas.line(xLeft, py(value), xRight, py(value), stroke: "#333333", width: 1, attributes: "class=\"measured\" stroke-dasharray=\"5 3\"")
                }
            case let .limit(limits):
                let runs = segments(limits) { (px(scan.values[$0]), pyClamped(limits[$0])) }
                for run in runs {
                    var area = run
                    area.append((run.last!.0, y0 - 2))
                    area.append((run.first!.0, y0 - 2))
                    canvas.append("<path class=\"excluded\" d=\"\(SVGCanvas.pathData([area], closed: true))\" fill=\"\(Self.excludedFill)\" fill-opacity=\"0.16\"/>")
                }
                canvas.append("<path class=\"limit\" d=\"\(SVGCanvas.pathData(runs, closed: false))\" fill=\"none\" stroke=\"\(Self.limitColour)\" stroke-width=\"1.6\"/>")
            }
            // excluded scan values: a strip along the top
            for run in excludedRuns(c) {
                let a = px(scan.values[run.lowerBound]), b = px(scan.values[run.upperBound])
                canvas.rect(a, y0, max(b - a, 1.5), 4, fill: Self.excludedFill, attributes: "class=\"excluded-values\"")
            }
        }
        let curve = k < scan.columns.count ? scan.columns[k].results.map { $0.applies ? $0.prediction : .nan } : scan.totalChi2
        let shown = curve.map { y.logarithmic && $0 <= 0 ? Double.nan : $0 }
        let runs = segments(shown) { (px(scan.values[$0]), py(shown[$0])) }
        canvas.append("<path class=\"prediction\" d=\"\(SVGCanvas.pathData(runs, closed: false))\" fill=\"none\" stroke=\"\(Self.curveColour)\" stroke-width=\"1.8\"/>")
        canvas.append("</g>")
        canvas.rect(x0, y0, plotWidth, plotHeight, stroke: "black", attributes: "stroke-width=\"1\"")
        // axes
        for v in xt.minor { canvas.line(x0 + xt.offset(v), y0 + plotHeight, x0 + xt.offset(v), y0 + plotHeight + 3, width: 0.8) }
        for t in xt.major {
            let x = x0 + xt.offset(t.position)
            canvas.line(x, y0 + plotHeight, x, y0 + plotHeight + 5)
            canvas.append(t.label.svg(x: x, y: y0 + plotHeight + 8 + tickFont, fontSize: tickFont, anchor: "middle", attributes: "class=\"tick x\""))
        }
        canvas.append(axis.axisLabel(multiplier: xt.multiplier).svg(x: x0 + plotWidth / 2, y: y0 + plotHeight + 8 + tickFont + 8 + labelFont,
                                                                     fontSize: labelFont, anchor: "middle", attributes: "class=\"axis-label\""))
        var yLabel: PlotText = k < scan.columns.count ? "prediction" : PlotText("total χ") + .sup("2")
        if let e = yt.multiplier { yLabel = yLabel + PlotText(" [10") + .sup(e < 0 ? "−\(-e)" : "\(e)") + PlotText("]") }
        canvas.leftAxis(yt, x: x0, top: y0, height: plotHeight, label: yLabel, tickFont: tickFont, labelFont: labelFont,
                        labelGap: 8, minimumLabelX: x0 - left + labelFont)
        // title
        canvas.append(PlotText(name).svg(x: x0, y: y0 - 24, fontSize: 13, attributes: "font-weight=\"bold\" class=\"title\""))
        canvas.append(subtitle(k).svg(x: x0, y: y0 - 8, fontSize: 10.5, attributes: "fill=\"#444444\" class=\"subtitle\""))
        canvas.append("</g>")
    }

    /// What the panel compares with, in one line (the colours are explained once, in `legend`).
    public func subtitle(_ k: Int) -> PlotText {
        guard k < scan.columns.count else {
            return PlotText("sum of the \(scan.columns.count) constraint" + (scan.columns.count == 1 ? "" : "s"))
        }
        let c = scan.columns[k]
        let cl = String(format: "%.4g%% CL", c.cl * 100)
        switch c.reference {
        case let .measurement(value, up, down, z):
            let largest = max(abs(value), up, down)
            let e = largest > 0 && (largest < 0.01 || largest >= 1e4) ? Int(floor(log10(largest))) : 0
            let unit = pow(10, Double(e))
            let upText: String = Self.short(up / unit), downText: String = Self.short(down / unit)
            let errors: String = abs(up - down) <= 1e-9 * up ? "± \(upText)" : "+\(upText) −\(downText)"
            let central: String = Self.short(value / unit)
            var text = PlotText("measured ")
            if e == 0 {
                text = text + PlotText("\(central) \(errors)")
            } else {
                let exponent: String = e < 0 ? "−\(-e)" : "\(e)"
                text = text + PlotText("(\(central) \(errors))×10") + PlotText.sup(exponent)
            }
            let sigmas = abs(z - z.rounded()) < 0.01 ? String(format: ", excluded beyond %.0fσ", z) : String(format: ", excluded beyond %.3gσ (", z) + cl + ")"
            return text + PlotText(sigmas)
        case let .limit(values):
            let finite = values.filter(\.isFinite)
            if let first = finite.first, finite.allSatisfy({ $0 == first }) {
                return PlotText("upper limit ") + AxisTicks.linearLabel(first, step: pow(10, floor(log10(abs(first))) - 2)) + PlotText(" at " + cl)
            }
            return PlotText("limit curve at " + cl)
        }
    }

    /// One line under the panels saying what the colours mean.
    public var legend: PlotText {
        PlotText("green, yellow: 1σ, 2σ of the measurement; red line: limit; shaded: excluded at the constraint’s CL; red strip: excluded values of ") + axis.symbol
    }

    static func short(_ v: Double) -> String {
        v.isNaN ? "?" : String(format: "%.3g", v).replacingOccurrences(of: "-", with: "−")
    }

    /// Runs of consecutive finite values as polylines.
    func segments(_ values: [Double], point: (Int) -> (Double, Double)) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = [], current: [(Double, Double)] = []
        for i in values.indices {
            if values[i].isFinite { current.append(point(i)) } else if !current.isEmpty { runs.append(current); current = [] }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Index ranges of consecutive excluded scan values.
    func excludedRuns(_ c: ConstraintScan.Column) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = [], start: Int?
        for (i, r) in c.results.enumerated() {
            if r.excluded { if start == nil { start = i } } else if let s = start { runs.append(s...(i - 1)); start = nil }
        }
        if let s = start { runs.append(s...(c.results.count - 1)) }
        return runs
    }
}
