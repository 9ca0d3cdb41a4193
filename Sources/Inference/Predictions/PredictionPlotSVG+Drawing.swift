import Foundation

/// The elements of the data-versus-prediction plot: the header (title with the fit's chi^2, and
/// the legend) and one panel per observable.
extension PredictionPlotSVG {
    /// What a legend entry shows beside its text.
    public enum LegendIcon: Sendable { case measured, sm, prediction, mass, excluded }

    /// The legend entries: measured, SM, the prediction; q^2 = M_ZD^2 and the greyed panels when drawn.
    public var legendEntries: [(icon: LegendIcon, text: PlotText)] {
        var entries: [(LegendIcon, PlotText)] = [
            (.measured, "measured ± 1σ (experimental errors; horizontal bar: the bin)"),
            (.sm, "SM ± 1σ (theory)"),
            (.prediction, predictionLabel),
        ]
        if (0..<panelCount).contains(where: { massSquared($0) != nil }) {
            entries.append((.mass, PlotText("q") + .sup("2") + PlotText(" = M") + .sub("ZD") + .sup("2")))
        }
        if comparison.groups.contains(where: { !$0.inFit }) { entries.append((.excluded, PlotText("grey panel: " + excludedNote))) }
        return entries
    }

    static let iconWidth = 22.0, entryGap = 20.0

    /// The legend entries wrapped into lines that fit the figure's width.
    public var legendLines: [[(icon: LegendIcon, text: PlotText)]] {
        var lines: [[(icon: LegendIcon, text: PlotText)]] = [[]], used = 0.0
        let available = width - 24
        for e in legendEntries {
            let w = Self.iconWidth + 6 + e.text.width(fontSize: legendFont)
            if !lines[lines.count - 1].isEmpty && used + w > available { lines.append([]); used = 0 }
            lines[lines.count - 1].append(e)
            used += w + Self.entryGap
        }
        return lines
    }

    /// The title line: the table and the chi^2 of the rows in the fit.
    public var titleText: PlotText {
        let c = comparison
        var text = PlotText("Data and predictions: " + URL(fileURLWithPath: c.source).lastPathComponent)
        if c.fitCount > 0 {
            let fit = c.fitName.map { "the \($0) fit" } ?? "the fit"
            text = text + PlotText("; χ") + .sup("2") + PlotText(String(format: " = %.2f over the %d rows of %@ (SM: %.2f)", c.chi2Fit, c.fitCount, fit, c.chi2FitSM))
        }
        return text
    }

    func header(_ canvas: inout SVGCanvas) {
        canvas.append(titleText.svg(x: 12, y: 22, fontSize: 13.5, attributes: "font-weight=\"bold\" class=\"figure-title\""))
        for (n, line) in legendLines.enumerated() {
            var x = 12.0
            let y = 46 + 18 * Double(n)
            for e in line {
                icon(e.icon, x: x, baseline: y, &canvas)
                canvas.append(e.text.svg(x: x + Self.iconWidth + 6, y: y, fontSize: legendFont, attributes: "class=\"legend\""))
                x += Self.iconWidth + 6 + e.text.width(fontSize: legendFont) + Self.entryGap
            }
        }
    }

    /// A legend icon in a box of `iconWidth` ending at the text's baseline.
    func icon(_ kind: LegendIcon, x: Double, baseline y: Double, _ canvas: inout SVGCanvas) {
        let mid = y - 4
        switch kind {
        case .measured:
            canvas.line(x + 1, mid, x + Self.iconWidth - 1, mid, stroke: Self.measuredColour, width: 1.2)
            canvas.line(x + Self.iconWidth / 2, mid - 6, x + Self.iconWidth / 2, mid + 6, stroke: Self.measuredColour, width: 1.2)
            canvas.append(Self.marker(0, x: x + Self.iconWidth / 2, y: mid))
        case .sm:
            canvas.rect(x, mid - 6, Self.iconWidth, 12, fill: Self.smFill, attributes: "fill-opacity=\"0.45\"")
            canvas.line(x, mid, x + Self.iconWidth, mid, stroke: Self.smLine, width: 1.2)
        case .prediction:
            canvas.line(x, mid, x + Self.iconWidth, mid, stroke: Self.predictionColour, width: 2.4)
        case .mass:
            canvas.line(x + Self.iconWidth / 2, mid - 7, x + Self.iconWidth / 2, mid + 7, stroke: Self.massColour, width: 1.2,
                        attributes: "stroke-dasharray=\"2 2\"")
        case .excluded:
            canvas.rect(x, mid - 6, Self.iconWidth, 12, fill: Self.excludedBackground, stroke: "#999999")
        }
    }

    /// The marker of the j-th reference of a panel: filled circle, open square, filled triangle, open diamond.
    static func marker(_ j: Int, x: Double, y: Double) -> String {
        let stroke = "stroke=\"\(measuredColour)\" stroke-width=\"1.2\" class=\"marker\""
        switch j % 4 {
        case 0: return String(format: "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3.2\" fill=\"%@\" %@/>", x, y, measuredColour, stroke)
        case 1: return String(format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"6.4\" height=\"6.4\" fill=\"white\" %@/>", x - 3.2, y - 3.2, stroke)
        case 2: return String(format: "<path d=\"M%.2f %.2f L%.2f %.2f L%.2f %.2f Z\" fill=\"%@\" %@/>", x, y - 4, x + 3.8, y + 3, x - 3.8, y + 3, measuredColour, stroke)
        default: return String(format: "<path d=\"M%.2f %.2f L%.2f %.2f L%.2f %.2f L%.2f %.2f Z\" fill=\"white\" %@/>", x, y - 4.2, x + 4.2, y, x, y + 4.2, x - 4.2, y, stroke)
        }
    }

    func panel(_ k: Int, _ canvas: inout SVGCanvas) {
        let g = comparison.groups[k], (x0, y0) = origin(k)
        let xt = xTicks(k), yt = yTicks(k), yr = yRange(k), references = g.references
        func px(_ q2: Double) -> Double { x0 + xt.offset(q2) }
        func py(_ v: Double) -> Double { y0 + plotHeight - yt.offset(v) }
        let clip = "prediction-clip-\(k)"
        canvas.define(String(format: "<clipPath id=\"%@\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>", clip, x0, y0, plotWidth, plotHeight))
        canvas.append("<g class=\"panel\" data-name=\"\(SVGCanvas.escape(g.name))\" data-lepton=\"\(g.lepton.rawValue)\" data-in-fit=\"\(g.inFit)\">")
        if !g.inFit { canvas.rect(x0, y0, plotWidth, plotHeight, fill: Self.excludedBackground, attributes: "class=\"excluded\"") }
        canvas.append("<g clip-path=\"url(#\(clip))\"" + (g.inFit ? "" : " opacity=\"0.6\"") + ">")
        if let q2 = massSquared(k) {
            canvas.line(px(q2), y0, px(q2), y0 + plotHeight, stroke: Self.massColour, width: 1.2, attributes: "class=\"mzd\" stroke-dasharray=\"2 2\"")
        }
        // one SM box per bin and value (rows of two experiments in one bin share it)
        var drawn: [(Double, Double, Double, Double)] = []
        for r in g.rows {
            let m = r.measurement, a = px(m.q2Min), b = px(m.q2Max)
            let box = (m.q2Min, m.q2Max, m.sm, m.smError)
            if drawn.contains(where: { $0.0 == box.0 && $0.1 == box.1 && abs($0.2 - box.2) <= 1e-6 * abs(box.2) && abs($0.3 - box.3) <= 1e-6 * abs(box.3) }) { continue }
            drawn.append(box)
            let high = py(scaled(k, m.sm + m.smError)), low = py(scaled(k, m.sm - m.smError))
            canvas.rect(a, high, b - a, max(low - high, 0.5), fill: Self.smFill, attributes: "class=\"sm\" fill-opacity=\"0.45\"")
            canvas.line(a, py(scaled(k, m.sm)), b, py(scaled(k, m.sm)), stroke: Self.smLine, width: 1.2, attributes: "class=\"sm-central\"")
        }
        var offScale: [(x: Double, above: Bool, value: Double)] = []
        for r in g.rows {
            let m = r.measurement, a = px(m.q2Min), b = px(m.q2Max), p = scaled(k, r.prediction)
            if yr.contains(p) {
                canvas.line(a, py(p), b, py(p), stroke: Self.predictionColour, width: 2.4, attributes: "class=\"prediction\"")
            } else {
                let above = !(p < yr.lowerBound)  // NaN counts as above: drawn on the edge, labelled
                let y = above ? y0 + 1.5 : y0 + plotHeight - 1.5
                canvas.line(a, y, b, y, stroke: Self.predictionColour, width: 2.4, attributes: "class=\"prediction off-scale\" stroke-dasharray=\"5 3\"")
                offScale.append(((a + b) / 2, above, p))
            }
        }
        for r in g.rows {
            let m = r.measurement, a = px(m.q2Min), b = px(m.q2Max), v = scaled(k, m.value)
            let j = references.firstIndex(of: m.reference) ?? 0
            let shift = references.count > 1 ? (Double(j) - Double(references.count - 1) / 2) * min(0.2 * (b - a), 10) : 0
            let xc = (a + b) / 2 + shift
            let top = py(scaled(k, m.value + r.sigmaUp)), foot = py(scaled(k, m.value - r.sigmaDown))
            canvas.line(a, py(v), b, py(v), stroke: Self.measuredColour, width: 1.2, attributes: "class=\"bin-extent\"")
            canvas.append("<g class=\"error-bar\" data-q2-min=\"\(m.q2Min)\" data-q2-max=\"\(m.q2Max)\">")
            canvas.line(xc, top, xc, foot, stroke: Self.measuredColour, width: 1.2)
            canvas.line(xc - 3, top, xc + 3, top, stroke: Self.measuredColour, width: 1.2)
            canvas.line(xc - 3, foot, xc + 3, foot, stroke: Self.measuredColour, width: 1.2)
            canvas.append(Self.marker(j, x: xc, y: py(v)))
            canvas.append("</g>")
        }
        canvas.append("</g>")
        for o in offScale {
            let y = o.above ? y0 + 4 : y0 + plotHeight - 4, d = o.above ? -1.0 : 1.0
            canvas.append(String(format: "<path class=\"off-scale-arrow\" d=\"M%.2f %.2f L%.2f %.2f L%.2f %.2f Z\" fill=\"%@\"/>",
                                 o.x, y + 5 * d, o.x + 4, y - 1 * d, o.x - 4, y - 1 * d, Self.predictionColour))
            let text = PlotText("prediction ") + (o.value.isFinite ? .value(o.value) : "n/a")
            let w = text.width(fontSize: 9.5), x = o.x + 6 + w <= x0 + plotWidth - 2 ? o.x + 6 : o.x - 6 - w
            canvas.append(text.svg(x: x, y: o.above ? y + 8 : y - 2, fontSize: 9.5,
                                             attributes: "fill=\"\(Self.predictionColour)\" class=\"off-scale-value\""))
        }
        canvas.rect(x0, y0, plotWidth, plotHeight, stroke: "black", attributes: "stroke-width=\"1\"")
        for t in xt.major {
            let x = x0 + xt.offset(t.position)
            canvas.line(x, y0 + plotHeight, x, y0 + plotHeight + 5)
            canvas.append(t.label.svg(x: x, y: y0 + plotHeight + 8 + tickFont, fontSize: tickFont, anchor: "middle", attributes: "class=\"tick x\""))
        }
        canvas.append(Self.xLabel.svg(x: x0 + plotWidth / 2, y: y0 + plotHeight + 8 + tickFont + 8 + labelFont, fontSize: labelFont,
                                      anchor: "middle", attributes: "class=\"axis-label\""))
        canvas.leftAxis(yt, x: x0, top: y0, height: plotHeight, label: yLabel(k), tickFont: tickFont, labelFont: labelFont,
                        labelGap: 8, minimumLabelX: x0 - left + labelFont)
        titles(k, &canvas)
        canvas.append("</g>")
    }

    /// The title (shrunk to the panel's width when long) and the subtitle: the table name and the
    /// references with their markers; a panel outside the fit says so in grey.
    func titles(_ k: Int, _ canvas: inout SVGCanvas) {
        let g = comparison.groups[k], (x0, y0) = origin(k)
        let available = plotWidth + right - 6
        let title = self.title(k), note = PlotText("(" + excludedNote + ")")
        // bold text runs about 8% wider than the regular widths PlotText estimates
        func boldWidth(_ size: Double) -> Double { 1.08 * title.width(fontSize: size) }
        var size = 13.0
        if boldWidth(size) > available { size = max(10, size * available / boldWidth(size)) }
        let colour = g.inFit ? "black" : Self.excludedTitle
        canvas.append(title.svg(x: x0, y: y0 - 26, fontSize: size, attributes: "font-weight=\"bold\" fill=\"\(colour)\" class=\"title\""))
        let noteInTitle = !g.inFit && boldWidth(size) + 8 + note.width(fontSize: 11) <= available
        if noteInTitle {
            canvas.append(note.svg(x: x0 + boldWidth(size) + 8, y: y0 - 26, fontSize: 11,
                                   attributes: "fill=\"\(Self.excludedTitle)\" class=\"not-in-fit\""))
        }
        var x = x0
        let y = y0 - 9, font = 10.5
        let name = PlotText(g.name), references = g.references.map { PlotText(Self.referenceText($0)) }
        var needed = references.reduce(0) { $0 + 21 + $1.width(fontSize: font) }
        if !g.inFit && !noteInTitle { needed += note.width(fontSize: font) }
        // the table's name first, when it fits beside the references
        if name.width(fontSize: font) + 10 + needed <= available {
            canvas.append(name.svg(x: x, y: y, fontSize: font, attributes: "fill=\"#555555\" class=\"subtitle\""))
            x += name.width(fontSize: font) + 10
        }
        for (j, reference) in g.references.enumerated() {
            canvas.append(Self.marker(j, x: x + 4, y: y - 3.6))
            let text = PlotText(Self.referenceText(reference))
            canvas.append(text.svg(x: x + 11, y: y, fontSize: font, attributes: "fill=\"#555555\" class=\"reference\""))
            x += 11 + text.width(fontSize: font) + 10
        }
        if !g.inFit && !noteInTitle {
            canvas.append(note.svg(x: x, y: y, fontSize: font, attributes: "fill=\"\(Self.excludedTitle)\" class=\"not-in-fit\""))
        }
    }
}
