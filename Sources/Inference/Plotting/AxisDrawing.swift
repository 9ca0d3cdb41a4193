import Foundation

extension SVGCanvas {
    /// A left axis at x beside a panel from `top` to `top + height`: minor and major ticks, the tick
    /// labels (right-aligned, class "tick y") and the axis label rotated `labelGap` beside the widest of
    /// them, but not left of `minimumLabelX`.
    public mutating func leftAxis(_ ticks: AxisTicks, x: Double, top: Double, height: Double, label: PlotText,
                                  tickFont: Double, labelFont: Double, labelGap: Double = 10, minimumLabelX: Double = -.infinity) {
        for v in ticks.minor { line(x - 3, top + height - ticks.offset(v), x, top + height - ticks.offset(v), width: 0.8) }
        var widest = 0.0
        for t in ticks.major {
            let y = top + height - ticks.offset(t.position)
            line(x - 5, y, x, y)
            append(t.label.svg(x: x - 8, y: y + 0.36 * tickFont, fontSize: tickFont, anchor: "end", attributes: "class=\"tick y\""))
            widest = max(widest, t.label.width(fontSize: tickFont))
        }
        let lx = max(x - 8 - widest - labelGap, minimumLabelX)
        append("<g transform=\"" + String(format: "translate(%.2f %.2f) rotate(-90)", lx, top + height / 2) + "\">"
               + label.svg(x: 0, y: 0, fontSize: labelFont, anchor: "middle", attributes: "class=\"axis-label\"") + "</g>")
    }
}
