import Foundation

/// How a model parameter appears on a plot: its symbol in physics notation, the unit shown, the
/// axis scale (logarithmic for log-uniform priors, whose sampled variable is log10 of the value),
/// the factor from internal units (GeV) to the shown unit, and the prior's bounds in the sampled
/// variable.
public struct PlotParameter: Sendable {
    /// The sampled variable's name (e.g. "log10(mZD)").
    public let name: String
    public let symbol: PlotText
    public let unit: String?
    public let logarithmic: Bool
    public let displayScale: Double
    public let bounds: ClosedRange<Double>

    public init(name: String, symbol: PlotText, unit: String?, logarithmic: Bool, displayScale: Double = 1,
                bounds: ClosedRange<Double> = -Double.infinity...Double.infinity) {
        self.name = name
        self.symbol = symbol
        self.unit = unit
        self.logarithmic = logarithmic
        self.displayScale = displayScale
        self.bounds = bounds
    }

    /// Symbols for darkz's parameters: M_ZD in MeV, epsilon, epsilon_Z, g_mu, the invisible fraction.
    public init(prior p: ParameterPrior) {
        let log: Bool
        if case .logUniform = p.distribution { log = true } else { log = false }
        let symbol: PlotText, unit: String?, scale: Double
        switch p.name {
        case "mZD": symbol = "M" + .sub("ZD"); unit = "MeV"; scale = 1e3
        case "epsilon": symbol = "ε"; unit = nil; scale = 1
        case "epsilonZ": symbol = "ε" + .sub("Z"); unit = nil; scale = 1
        case "gMu": symbol = "g" + .sub("μ"); unit = nil; scale = 1
        case "invisibleFraction": symbol = "f" + .sub("inv"); unit = nil; scale = 1
        default: symbol = PlotText(p.name); unit = p.unit; scale = 1
        }
        self.init(name: p.sampledName, symbol: symbol, unit: unit, logarithmic: log, displayScale: scale,
                  bounds: p.distribution.sampledBounds)
    }

    /// "M_ZD [MeV]"; with a tick multiplier 10^e, "g_mu [10^-3]" or "M_ZD [10^5 MeV]".
    public func axisLabel(multiplier: Int? = nil) -> PlotText {
        var bracket = PlotText([])
        if let e = multiplier { bracket = PlotText("10") + .sup(e < 0 ? "−\(-e)" : "\(e)") + PlotText(unit == nil ? "" : " ") }
        if let unit { bracket = bracket + PlotText(unit) }
        return bracket.runs.isEmpty ? symbol : symbol + PlotText(" [") + bracket + PlotText("]")
    }

    /// The value shown for a sampled-variable value (10^v x scale on a logarithmic axis).
    public func display(_ sampled: Double) -> Double { (logarithmic ? pow(10, sampled) : sampled) * displayScale }
}
