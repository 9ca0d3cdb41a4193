import Foundation

/// A short piece of plot text with subscripts and superscripts ("M_ZD [MeV]", "10^-7"), drawn as
/// SVG `<text>` with `<tspan>` runs, and its width estimated from DejaVu Sans advance widths (the
/// font rsvg-convert falls back to for the SVG's "Helvetica, Arial, sans-serif" on Linux; Helvetica
/// and Arial are narrower, so the estimate errs on the wide side). Overlap checks of tick labels
/// use this width.
public struct PlotText: Sendable, Equatable, ExpressibleByStringLiteral {
    public enum Shift: Sendable, Equatable { case none, sub, sup }
    public struct Run: Sendable, Equatable {
        public let text: String
        public let shift: Shift
        /// Drawn under the previous run rather than after it (a subscript below a superscript,
        /// as in 283^{+5}_{-7}).
        public let stacked: Bool
        public init(_ text: String, _ shift: Shift = .none, stacked: Bool = false) {
            self.text = text; self.shift = shift; self.stacked = stacked
        }
    }

    public var runs: [Run]
    /// Scripts are drawn at this fraction of the font size.
    public static let scriptScale = 0.72

    public init(_ runs: [Run]) { self.runs = runs }
    public init(stringLiteral value: String) { runs = [Run(value)] }
    public init(_ text: String) { runs = [Run(text)] }

    /// Concatenation; neighbouring runs of the same kind merge into one.
    public static func + (a: PlotText, b: PlotText) -> PlotText {
        var runs = a.runs
        for run in b.runs {
            if let last = runs.last, last.shift == run.shift, !run.stacked, !last.stacked {
                runs[runs.count - 1] = Run(last.text + run.text, last.shift)
            } else {
                runs.append(run)
            }
        }
        return PlotText(runs)
    }
    public static func sub(_ s: String) -> PlotText { PlotText([Run(s, .sub)]) }
    public static func sup(_ s: String) -> PlotText { PlotText([Run(s, .sup)]) }
    /// A superscript with a subscript under it.
    public static func scripts(sup: String, sub: String) -> PlotText { PlotText([Run(sup, .sup), Run(sub, .sub, stacked: true)]) }

    /// The text without markup (for tests and messages).
    public var plain: String { runs.map(\.text).joined() }

    /// Estimated width in user units at `fontSize`.
    public func width(fontSize: Double) -> Double {
        var total = 0.0, previous = 0.0
        for run in runs {
            let w = Self.em(run.text) * fontSize * (run.shift == .none ? 1 : Self.scriptScale)
            if run.stacked {
                total += max(0, w - previous)
                previous = max(w, previous)
            } else {
                total += w
                previous = w
            }
        }
        return total
    }

    /// Advance width of a string in em (DejaVu Sans; unknown characters count as 0.7 em).
    public static func em(_ s: String) -> Double {
        s.unicodeScalars.reduce(0) { total, c in
            let w: Double
            switch c {
            case "0"..."9": w = 0.636
            case ".", ",", ":", ";", "|", "!", "'": w = 0.318
            case " ": w = 0.318
            case "-": w = 0.361
            case "−", "+", "=", "×", "<", ">", "±", "→": w = 0.838
            case "(", ")", "[", "]", "/": w = 0.39
            case "%": w = 0.95
            case "i", "j", "l": w = 0.278
            case "f", "t", "r", "I": w = 0.40
            case "m", "M", "W": w = 0.97
            case "w": w = 0.818
            case "a"..."z": w = 0.61
            case "A"..."Z": w = 0.72
            case "μ": w = 0.636
            case "ε": w = 0.56
            default: w = 0.7
            }
            return total + w
        }
    }

    /// SVG `<text>` element. `anchor` is start, middle or end; `attributes` are added verbatim.
    public func svg(x: Double, y: Double, fontSize: Double, anchor: String = "start", attributes: String = "") -> String {
        var body = ""
        var level = 0.0  // current baseline offset, in user units (positive = down)
        var previous = 0.0, stackWidth = 0.0
        for run in runs {
            let w = Self.em(run.text) * fontSize * (run.shift == .none ? 1 : Self.scriptScale)
            let target: Double
            switch run.shift {
            case .none: target = 0
            case .sub: target = 0.3 * fontSize
            case .sup: target = -0.42 * fontSize
            }
            let dy = target - level
            level = target
            let size = run.shift == .none ? "" : String(format: " font-size=\"%.1f\"", fontSize * Self.scriptScale)
            var shift = dy == 0 ? "" : String(format: " dy=\"%.2f\"", dy)
            if run.stacked {
                shift += String(format: " dx=\"%.2f\"", -previous)
                stackWidth = max(previous, w)
            } else if stackWidth > previous {
                shift += String(format: " dx=\"%.2f\"", stackWidth - previous)
                stackWidth = 0
            } else {
                stackWidth = 0
            }
            previous = run.stacked ? w : w
            body += "<tspan\(shift)\(size)>\(SVGCanvas.escape(run.text))</tspan>"
        }
        let extra = attributes.isEmpty ? "" : " " + attributes
        // xml:space keeps the spaces at the ends of runs ("M_ZD = ", " [MeV]"), which SVG renderers strip otherwise
        return String(format: "<text xml:space=\"preserve\" x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"%@\"%@>", x, y, fontSize, anchor, extra) + body + "</text>"
    }
}
