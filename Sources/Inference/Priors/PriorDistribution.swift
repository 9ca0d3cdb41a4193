import Foundation

/// The prior of one model parameter (priors/*.toml). Free parameters are sampled in the variable
/// of their prior: the value itself for `uniform`, log10 of it for `logUniform` (a flat density in
/// that variable), so that the sampler's walkers move on the scale the prior puts equal mass on.
public enum PriorDistribution: Sendable, Equatable {
    case uniform(min: Double, max: Double)
    case logUniform(min: Double, max: Double)
    case fixed(Double)

    public var isFree: Bool {
        if case .fixed = self { return false }
        return true
    }

    /// The sampled variable of a physical value.
    public func sampled(_ value: Double) -> Double {
        if case .logUniform = self { return log10(value) }
        return value
    }

    /// The physical value of a sampled variable.
    public func physical(_ sampled: Double) -> Double {
        switch self {
        case .logUniform: return pow(10, sampled)
        case .uniform: return sampled
        case .fixed(let v): return v
        }
    }

    /// Bounds of the sampled variable.
    public var sampledBounds: ClosedRange<Double> {
        switch self {
        case let .uniform(a, b): return a...b
        case let .logUniform(a, b): return log10(a)...log10(b)
        case .fixed(let v): return v...v
        }
    }
}

/// One parameter's entry: its name (as in `DarkBosonParameters.names`), prior, and the unit the file used.
public struct ParameterPrior: Sendable, Equatable {
    public let name: String
    public let distribution: PriorDistribution
    /// "GeV" for masses (converted from the file's unit), nil for couplings.
    public let unit: String?
    /// The name of the sampled variable: log10(name) for log-uniform priors.
    public var sampledName: String {
        if case .logUniform = distribution { return "log10(\(name))" }
        return name
    }
}
