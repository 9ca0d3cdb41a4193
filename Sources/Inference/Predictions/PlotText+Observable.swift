import Foundation

extension PlotText {
    /// A decay of a table's `decay` column in physics notation: "B0 -> K*0 mu+ mu-" becomes
    /// B⁰ → K*⁰μ⁺μ⁻ (charges and stars as superscripts, Bs and X_s with subscripts, mu as μ, phi as φ).
    public static func decay(_ text: String) -> PlotText {
        var out = PlotText([])
        for (i, token) in text.split(separator: " ").map(String.init).enumerated() {
            // leptons follow the hadron without a space (K*⁰μ⁺μ⁻)
            if i > 0 && !["mu+", "mu-", "e+", "e-"].contains(token) { out = out + PlotText(" ") }
            out = out + particle(token)
        }
        return out
    }

    /// One particle (or the arrow) of a decay string.
    static func particle(_ token: String) -> PlotText {
        func charge(_ s: Substring) -> String { s.replacingOccurrences(of: "-", with: "−") }
        switch token {
        case "->": return "→"
        case "phi": return "φ"
        case "Bs": return "B" + .sub("s")
        case "X_s": return "X" + .sub("s")
        default: break
        }
        if token.hasPrefix("mu") { return "μ" + .sup(charge(token.dropFirst(2))) }
        if token.hasPrefix("e"), token.count == 2 { return "e" + .sup(charge(token.dropFirst())) }
        if let split = token.firstIndex(where: { "*0+-".contains($0) }), split != token.startIndex {
            return PlotText(String(token[..<split])) + .sup(charge(token[split...]))
        }
        return PlotText(token)
    }

    /// "10⁻⁸", "2.5×10⁻⁸", or "" for 1: the factor a table's scale column stands for.
    public static func scaleFactor(_ scale: Double) -> PlotText {
        guard scale != 1, scale > 0 else { return PlotText([]) }
        let e = Int(floor(log10(scale) + 1e-9))
        let mantissa = scale / pow(10, Double(e))
        let power = PlotText("10") + .sup(e < 0 ? "−\(-e)" : "\(e)")
        return abs(mantissa - 1) < 1e-9 ? power : PlotText(String(format: "%.3g×", mantissa)) + power
    }

    /// A parameter value for a legend: plain from 10^-3 to 10^4 (4 significant digits), else
    /// m×10^e; a true minus sign.
    public static func value(_ v: Double) -> PlotText {
        if v == 0 || !v.isFinite { return PlotText(v == 0 ? "0" : "\(v)") }
        let minus = v < 0 ? "−" : ""
        let magnitude = abs(v)
        if magnitude >= 1e-3 && magnitude < 1e4 { return PlotText(minus + String(format: "%.4g", magnitude)) }
        let e = Int(floor(log10(magnitude) + 1e-9))
        let mantissa = String(format: "%.3g", magnitude / pow(10, Double(e)))
        let power = PlotText("10") + .sup(e < 0 ? "−\(-e)" : "\(e)")
        return mantissa == "1" ? PlotText(minus) + power : PlotText(minus + mantissa + "×") + power
    }
}
