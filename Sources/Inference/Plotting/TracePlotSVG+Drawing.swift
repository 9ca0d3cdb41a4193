import Foundation

/// The elements of a trace plot: the header (what is drawn, thinning, legend), one panel per
/// parameter and the log-probability, and the shared step axis.
extension TracePlotSVG {
    /// Title line and legend above the panels.
    func header(_ canvas: inout SVGCanvas) {
        let x0 = left
        let thinned = thinning == 1 ? "every step drawn"
            : "every \(thinning)th step drawn (at most \(maxPoints) points per walker)"
        let title = PlotText("Trace of \(chain.nSteps) steps × \(chain.nWalkers) walkers; \(thinned)")
        canvas.append(title.svg(x: x0, y: 20, fontSize: 13, attributes: "class=\"title\""))
        var x = x0, y = 42.0
        func entry(_ text: PlotText, _ draw: (inout SVGCanvas, Double) -> Void) {
            draw(&canvas, x)
            canvas.append(text.svg(x: x + 24, y: y, fontSize: 11, attributes: "class=\"legend\""))
            x += 24 + text.width(fontSize: 11) + 18
        }
        entry(PlotText("walker")) { c, x in c.line(x, y - 4, x + 18, y - 4, stroke: Self.walkerColour, width: 1.2) }
        let stuck = stuckWalkers.isEmpty ? PlotText("stuck walkers: none")
            : PlotText("stuck walker\(stuckWalkers.count == 1 ? "" : "s") \(Self.list(stuckWalkers))")
        entry(stuck) { c, x in c.line(x, y - 4, x + 18, y - 4, stroke: Self.stuckColour, width: 1.6) }
        entry(PlotText("burn-in discarded by the verdict: \(burnIn) steps")) { c, x in
            c.rect(x, y - 10, 18, 12, fill: burnInFill, stroke: "none")
            c.line(x + 18, y - 11, x + 18, y + 3, stroke: burnInColour, width: 1.2, attributes: "stroke-dasharray=\"4 3\"")
        }
        if adaptationSteps > 0 {
            entry(PlotText("ladder adaptation: \(adaptationSteps)")) { c, x in
                c.line(x + 9, y - 11, x + 9, y + 3, stroke: burnInColour, width: 1.2, attributes: "stroke-dasharray=\"1.5 2\"")
            }
        }
    }

    /// "[3, 17, 20]", shortened to the first eight and a count.
    static func list(_ walkers: [Int]) -> String {
        walkers.count <= 8 ? "\(walkers)" : "[" + walkers.prefix(8).map(String.init).joined(separator: ", ") + ", … (\(walkers.count))]"
    }

    func panel(_ k: Int, _ canvas: inout SVGCanvas) {
        let (x0, y0) = origin(k)
        let range = yRange(k)
        let py = { (v: Double) in y0 + self.panelHeight - (v - range.lowerBound) / (range.upperBound - range.lowerBound) * self.panelHeight }
        let clip = "trace-clip-\(k)"
        canvas.define(String(format: "<clipPath id=\"%@\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>",
                             clip, x0, y0, panelWidth, panelHeight))
        if burnIn > 0 {
            canvas.rect(x0, y0, px(Double(burnIn), x0) - x0, panelHeight, fill: burnInFill, attributes: "class=\"burn-in-region\"")
        }
        // Values off the axis (far outliers, -inf) are drawn on its edge, and the panel says how far they go.
        let foot = y0 + panelHeight - 0.8, ceiling = y0 + 0.8
        let steps = drawnSteps
        let stuck = Set(stuckWalkers)
        var lowest = Double.infinity
        var stuckBelow: [Double] = []
        let order = (0..<chain.nWalkers).filter { !stuck.contains($0) } + stuckWalkers
        for w in order {
            var points = ""
            points.reserveCapacity(steps.count * 12)
            for s in steps {
                let v = value(s, w, k)
                if !(v >= range.lowerBound) {
                    if stuck.contains(w) { if s >= burnIn { stuckBelow.append(v) } } else { lowest = min(lowest, v) }
                }
                let y = v.isNaN ? foot : min(max(py(v), ceiling), foot)
                points += String(format: "%.1f,%.1f ", px(Double(s), x0), y)
            }
            let isStuck = stuck.contains(w)
            canvas.append("<polyline class=\"walker\(isStuck ? " stuck" : "")\" data-walker=\"\(w)\" points=\"\(points.dropLast())\" fill=\"none\" stroke=\"\(isStuck ? Self.stuckColour : Self.walkerColour)\" stroke-opacity=\"\(isStuck ? "0.9" : "0.35")\" stroke-width=\"\(isStuck ? "1.2" : "0.7")\" stroke-linejoin=\"round\" clip-path=\"url(#\(clip))\"/>")
        }
        if burnIn > 0 {
            let x = px(Double(burnIn), x0)
            canvas.line(x, y0, x, y0 + panelHeight, stroke: burnInColour, width: 1.2, attributes: "stroke-dasharray=\"4 3\" class=\"burn-in\"")
        }
        if adaptationSteps > 0 && adaptationSteps != burnIn {
            let x = px(Double(adaptationSteps), x0)
            canvas.line(x, y0, x, y0 + panelHeight, stroke: burnInColour, width: 1.2, attributes: "stroke-dasharray=\"1.5 2\" class=\"adaptation\"")
        }
        canvas.rect(x0, y0, panelWidth, panelHeight, stroke: "black", attributes: "stroke-width=\"1\" class=\"frame\"")
        func number(_ v: Double) -> String { v.isFinite ? String(format: "%.6g", v).replacingOccurrences(of: "-", with: "−") : "−∞" }
        var parts: [PlotText] = []
        if lowest < range.lowerBound { parts.append(PlotText("lowest ") + parameter(k).symbol + PlotText(" = " + number(lowest))) }
        if !stuckBelow.isEmpty {
            let median = stuckBelow.sorted()[stuckBelow.count / 2]
            parts.append(PlotText("stuck walkers at ") + parameter(k).symbol + PlotText(" ≈ " + number(median)))
        }
        if !parts.isEmpty {
            let note = parts.dropFirst().reduce(PlotText("below the axis, drawn on its edge: ") + parts[0]) { $0 + PlotText("; ") + $1 }
            let w = note.width(fontSize: noteFont)
            canvas.rect(x0 + panelWidth - w - 10, y0 + panelHeight - noteFont - 7, w + 9, noteFont + 6, fill: "white", attributes: "fill-opacity=\"0.85\"")
            canvas.append(note.svg(x: x0 + panelWidth - 6, y: y0 + panelHeight - 6, fontSize: noteFont, anchor: "end",
                                   attributes: "class=\"clip-note\" fill=\"\(Self.stuckColour)\""))
        }
        verticalAxis(k, x0, y0, &canvas)
        let ticks = xTicks
        for t in ticks.major {
            let x = x0 + ticks.offset(t.position)
            canvas.line(x, y0 + panelHeight, x, y0 + panelHeight + 4)
        }
    }

    func verticalAxis(_ k: Int, _ x: Double, _ y0: Double, _ canvas: inout SVGCanvas) {
        let ticks = yTicks(k)
        canvas.leftAxis(ticks, x: x, top: y0, height: panelHeight, label: parameter(k).axisLabel(multiplier: ticks.multiplier),
                        tickFont: tickFont, labelFont: labelFont)
    }

    /// Step ticks and labels under the last panel.
    func stepAxis(_ canvas: inout SVGCanvas) {
        let (x0, y0) = origin(panelCount - 1)
        let y = y0 + panelHeight
        let ticks = xTicks
        for t in ticks.major {
            canvas.append(t.label.svg(x: x0 + ticks.offset(t.position), y: y + 8 + tickFont, fontSize: tickFont, anchor: "middle", attributes: "class=\"tick x\""))
        }
        let label = PlotParameter(name: "step", symbol: "step", unit: nil, logarithmic: false).axisLabel(multiplier: ticks.multiplier)
        canvas.append(label.svg(x: x0 + panelWidth / 2, y: y + 8 + tickFont + 8 + labelFont, fontSize: labelFont, anchor: "middle", attributes: "class=\"axis-label\""))
    }
}
