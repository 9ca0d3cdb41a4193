import Flavor
import Foundation

/// The data-versus-prediction plot of `darkz predict --plot`: one panel per observable (table name
/// and lepton) against q^2, each row's measurement as a point with its experimental errors per side
/// (vertical bar) and its bin (horizontal bar), the SM expectation as a box of ±1σ (theory) over
/// the bin, and the prediction at the point (or for constant shifts of C9, C10) as a line over the
/// bin. A panel's values carry its first row's table scale, shown in the y-axis label ("[10⁻⁸ GeV⁻²]");
/// ratio panels have none. Rows of several references in one panel get one marker each (named in
/// the subtitle). Panels of rows outside the fit (the priors file's `data.leptons`) are greyed and
/// say so. A prediction far outside the data's range is drawn on the panel's edge with an arrow and
/// its value. Test hooks: panels `<g class="panel" data-name="..." data-lepton="..." data-in-fit="...">`,
/// `class="error-bar"` (one per row), `class="sm"`, `class="prediction"`, `class="legend"`,
/// tick labels `class="tick x"` / `class="tick y"`.
public struct PredictionPlotSVG {
    public let comparison: PredictionComparison
    public let plotWidth = 300.0, plotHeight = 180.0
    public let left = 74.0, right = 30.0, top = 52.0, bottom = 50.0
    public let tickFont = 11.0, labelFont = 12.0, legendFont = 11.0
    public var columnsPerRow: Int { max(1, min(3, panelCount)) }
    public var panelCount: Int { comparison.groups.count }

    static let measuredColour = "#111111", smFill = "#f4a442", smLine = "#c8701e", predictionColour = "#2166ac"
    static let excludedTitle = "#8a8a8a", excludedBackground = "#f2f2f2", massColour = "#7b3294"

    public init(comparison: PredictionComparison) {
        self.comparison = comparison
    }

    public var width: Double { Double(columnsPerRow) * (left + plotWidth + right) }
    /// The header: the title line and the legend's lines.
    public var headerHeight: Double { 34 + 18 * Double(legendLines.count) + 6 }
    public var height: Double {
        headerHeight + Double((panelCount + columnsPerRow - 1) / columnsPerRow) * (top + plotHeight + bottom) + 8
    }

    /// The top-left corner of panel k's plotting area.
    public func origin(_ k: Int) -> (x: Double, y: Double) {
        let row = k / columnsPerRow, column = k % columnsPerRow
        return (Double(column) * (left + plotWidth + right) + left, headerHeight + Double(row) * (top + plotHeight + bottom) + top)
    }

    /// Panel k's x axis: q^2 from 0 to its largest bin edge rounded up, and at least to the
    /// table's largest edge up to 6 GeV^2, so that the low-q^2 panels share one axis.
    public func xRange(_ k: Int) -> ClosedRange<Double> {
        func ceiling(_ rows: [PredictionComparison.Row]) -> Double { (rows.map(\.measurement.q2Max).max()! - 1e-9).rounded(.up) }
        let common = min(6, ceiling(comparison.rows))
        return 0...max(1, common, ceiling(comparison.groups[k].rows))
    }

    public func xTicks(_ k: Int) -> AxisTicks {
        AxisTicks(range: xRange(k), logarithmic: false, length: plotWidth, fontSize: tickFont, horizontal: true, slack: 9)
    }

    /// The y values of panel k's rows in panel units (value / the panel's scale).
    func scaled(_ k: Int, _ v: Double) -> Double { v / comparison.groups[k].scale }

    /// Panel k's y range (panel units): the measurements with their errors and the SM boxes, widened
    /// to the predictions that lie within 1.5 times that span of it; farther ones are drawn on the
    /// edge, in a strip added beyond the data.
    public func yRange(_ k: Int) -> ClosedRange<Double> {
        let rows = comparison.groups[k].rows
        var lo = Double.infinity, hi = -Double.infinity
        for r in rows {
            let m = r.measurement
            lo = min(lo, scaled(k, m.value - r.sigmaDown), scaled(k, m.sm - m.smError))
            hi = max(hi, scaled(k, m.value + r.sigmaUp), scaled(k, m.sm + m.smError))
        }
        if !(hi > lo) { let c = lo.isFinite ? lo : 0; lo = c - max(abs(c) * 0.1, 1e-12); hi = c + max(abs(c) * 0.1, 1e-12) }
        let span = hi - lo
        var above = false, below = false
        for p in rows.map({ scaled(k, $0.prediction) }) {
            if p.isFinite && p >= lo - 1.5 * span && p <= hi + 1.5 * span { lo = min(lo, p); hi = max(hi, p) }
            else if p < lo { below = true } else { above = true }
        }
        // a strip for the arrow and value of a prediction off the scale, clear of the data
        let pad = 0.08 * (hi - lo), strip = 0.12 * (hi - lo)
        return (lo - pad - (below ? strip : 0))...(hi + pad + (above ? strip : 0))
    }

    public func yTicks(_ k: Int) -> AxisTicks {
        AxisTicks(range: yRange(k), logarithmic: false, length: plotHeight, fontSize: tickFont, horizontal: false)
    }

    /// "dB/dq² [10⁻⁸ GeV⁻²]", "B [10⁻⁷]", "R"; a tick multiplier joins the scale.
    public func yLabel(_ k: Int) -> PlotText {
        let g = comparison.groups[k]
        var factor = PlotText.scaleFactor(g.scale)
        if let e = yTicks(k).multiplier {
            factor = PlotText.scaleFactor(g.scale * pow(10, Double(e)))
        }
        let symbol: PlotText, unit: PlotText
        switch g.quantity {
        case .differentialBranchingFraction: symbol = PlotText("dB/dq") + .sup("2"); unit = PlotText("GeV") + .sup("−2")
        case .branchingFraction: symbol = "B"; unit = PlotText([])
        case .ratio: symbol = "R"; unit = PlotText([])
        }
        let space: PlotText = factor.runs.isEmpty || unit.runs.isEmpty ? PlotText([]) : " "
        let bracket = factor + space + unit
        return bracket.runs.isEmpty ? symbol : symbol + PlotText(" [") + bracket + PlotText("]")
    }

    public static let xLabel = PlotText("q") + .sup("2") + PlotText(" [GeV") + .sup("2") + PlotText("]")

    /// The panel title: the observable in physics notation, B(μμ)/B(ee) for a ratio.
    public func title(_ k: Int) -> PlotText {
        let g = comparison.groups[k], decay = g.rows[0].measurement.decay
        switch g.quantity {
        case .differentialBranchingFraction: return PlotText("dB/dq") + .sup("2") + PlotText("(") + .decay(decay) + PlotText(")")
        case .branchingFraction: return PlotText("B(") + .decay(decay) + PlotText(")")
        case .ratio:
            let electron = decay.replacingOccurrences(of: "mu+", with: "e+").replacingOccurrences(of: "mu-", with: "e-")
            return PlotText("R = B(") + .decay(decay) + PlotText(")/B(") + .decay(electron) + PlotText(")")
        }
    }

    /// "ref. [72]" for the paper's numbered references, else the reference as written (arXiv:...).
    public static func referenceText(_ reference: String) -> String {
        reference.allSatisfy(\.isNumber) ? "ref. [\(reference)]" : reference
    }

    /// What is not in the fit says so: "not in the case C fit".
    public var excludedNote: String { comparison.fitName.map { "not in the \($0) fit" } ?? "not in the fit" }

    /// The legend entry of the prediction: the point's parameters (those the priors file fixed in a
    /// parenthesis), or the constant shifts.
    public var predictionLabel: PlotText {
        guard let p = comparison.parameters else {
            return PlotText("constant δC") + .sub("9") + PlotText(" = ") + .value(comparison.deltaC9 ?? 0) + PlotText(", δC")
                + .sub("10") + PlotText(" = ") + .value(comparison.deltaC10 ?? 0) + PlotText(" (each row’s lepton)")
        }
        let mass: PlotText = p.mZD >= 1 ? .value(p.mZD) + PlotText(" GeV") : .value(p.mZD * 1e3) + PlotText(" MeV")
        var given: [PlotText] = [PlotText("M") + .sub("ZD") + PlotText(" = ") + mass], fixed: [PlotText] = []
        let couplings: [(String, PlotText, Double)] = [("epsilon", "ε", p.epsilon), ("epsilonZ", "ε" + .sub("Z"), p.epsilonZ),
                                                       ("gMu", "g" + .sub("μ"), p.gMu), ("invisibleFraction", "f" + .sub("inv"), p.invisibleFraction)]
        for (name, symbol, v) in couplings {
            let isFixed = comparison.fixedNames.contains(name)
            if v == 0 && (isFixed || name == "invisibleFraction" || (name == "gMu" && p.modelCase == .A)) { continue }
            let entry = symbol + PlotText(" = ") + .value(v)
            if isFixed { fixed.append(entry) } else { given.append(entry) }
        }
        func join(_ items: [PlotText]) -> PlotText { items.dropFirst().reduce(items[0]) { $0 + PlotText(", ") + $1 } }
        var label = PlotText("case \(p.modelCase.rawValue), ") + join(given)
        if !fixed.isEmpty { label = label + PlotText(" (fixed: ") + join(fixed) + PlotText(")") }
        return label
    }

    /// q^2 = M_ZD^2 in panel k's plotting area (GeV^2), when it lies inside and off the left edge.
    public func massSquared(_ k: Int) -> Double? {
        guard let m = comparison.parameters?.mZD else { return nil }
        let x = xRange(k), q2 = m * m
        return x.contains(q2) && xTicks(k).offset(q2) > 3 ? q2 : nil
    }

    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        header(&canvas)
        for k in 0..<panelCount { panel(k, &canvas) }
        return canvas.svg
    }
}
