import Ensemble
import Flavor
import Foundation

/// Constraints (and their summed chi^2) against one model parameter over a range, the others held
/// at a base point: the curves of the paper's figs. 3-9 (Delta_mix, B(B_s -> mu mu), B(B -> K nu
/// nu-bar), B(K -> mu + invisible) against M_ZD) with each constraint's measurement or limit.
/// Every value is `ConstraintSet.evaluate` at the point, so a row equals `darkz constraints` there.
public struct ConstraintScan: Sendable {
    /// How a constraint's data appear on its panel.
    public enum Reference: Sendable, Equatable {
        /// A measured value with its errors (up, down) and the pull beyond which a point is
        /// excluded (the two-sided z of the CL).
        case measurement(value: Double, sigmaUp: Double, sigmaDown: Double, excludedBeyond: Double)
        /// An upper limit at the CL, one value at each scan point (constant, or a curve in M_ZD;
        /// NaN where the limit does not apply).
        case limit([Double])
    }

    /// One constraint along the scan.
    public struct Column: Sendable {
        public let name: String
        public let cl: Double
        public let reference: Reference
        /// The results at each value, `ConstraintSet.evaluate`.
        public let results: [ConstraintResult]
        public var predictions: [Double] { results.map(\.prediction) }
        public var chi2: [Double] { results.map(\.chi2) }
    }

    /// The scanned parameter (`DarkBosonParameters.names`).
    public let parameter: String
    /// Scan values (physical units, GeV for masses), log-spaced on a logarithmic scan.
    public let values: [Double]
    public let logarithmic: Bool
    public let base: DarkBosonParameters
    public let columns: [Column]

    /// Summed chi^2 of the columns at each value.
    public var totalChi2: [Double] {
        values.indices.map { i in columns.reduce(0) { $0 + $1.results[i].chi2 } }
    }

    /// `count` values from `range` (log-spaced when `logarithmic`; both ends included), the other
    /// parameters from `base`, judged by the named constraints of `set`, on `threads` threads of each
    /// process of `group` (the same scan for any number of either).
    public init(parameter: String, range: ClosedRange<Double>, logarithmic: Bool, count: Int,
                base: DarkBosonParameters, model: DarkBosonModel, set: ConstraintSet, names: [String],
                threads: Int = 1, group: EvaluationGroup? = nil) throws {
        guard DarkBosonParameters.names.contains(parameter) else {
            throw ScanError("unknown parameter '\(parameter)'; known: \(DarkBosonParameters.names.joined(separator: ", "))")
        }
        guard count >= 2 else { throw ScanError("a scan needs at least 2 points, got \(count)") }
        guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
            throw ScanError("the range of \(parameter) must be two finite values LO < HI, got \(range.lowerBound) \(range.upperBound)")
        }
        if logarithmic && range.lowerBound <= 0 {
            throw ScanError("the range of \(parameter) must be positive on a logarithmic axis, got \(range.lowerBound) \(range.upperBound)")
        }
        self.parameter = parameter
        self.logarithmic = logarithmic
        self.base = base
        let values = Self.grid(range, count: count, logarithmic: logarithmic)
        self.values = values
        let points = try values.map { v -> DarkBosonParameters in
            let p = Self.setting(parameter, to: v, in: base)
            if let problem = p.problem { throw ScanError("at \(parameter) = \(v): \(problem)") }
            return p
        }
        let results = ParallelMap.map(count: points.count, threads: threads, group: group) { i in
            set.evaluate(model.point(points[i]), names: names)
        }
        let ordered = results.first.map { $0.map(\.name) } ?? []
        columns = try ordered.enumerated().map { k, name in
            let entry = try set.data.entry(name)
            let column = results.map { $0[k] }
            let reference: Reference
            switch entry.form {
            case let .gaussian(value, up, down):
                reference = .measurement(value: value, sigmaUp: up, sigmaDown: down, excludedBeyond: ConstraintForm.twoSidedZ(entry.cl))
            case .external:
                reference = .measurement(value: column.first(where: \.applies)?.bound ?? .nan,
                                         sigmaUp: Self.effectiveSigma(column), sigmaDown: Self.effectiveSigma(column),
                                         excludedBeyond: ConstraintForm.twoSidedZ(entry.cl))
            case .upperLimit, .limitCurve:
                reference = .limit(column.map { $0.applies ? $0.bound : .nan })
            }
            return Column(name: name, cl: entry.cl, reference: reference, results: column)
        }
    }

    /// `count` values over `range`, log-spaced when `logarithmic`; the ends are exact.
    public static func grid(_ range: ClosedRange<Double>, count: Int, logarithmic: Bool) -> [Double] {
        let (a, b) = logarithmic ? (log10(range.lowerBound), log10(range.upperBound)) : (range.lowerBound, range.upperBound)
        return (0..<count).map { i in
            if i == 0 { return range.lowerBound }
            if i == count - 1 { return range.upperBound }
            let t = a + (b - a) * Double(i) / Double(count - 1)
            return logarithmic ? pow(10, t) : t
        }
    }

    /// `p` with the named parameter set to `value`.
    public static func setting(_ name: String, to value: Double, in p: DarkBosonParameters) -> DarkBosonParameters {
        var q = p
        switch name {
        case "mZD": q.mZD = value
        case "epsilon": q.epsilon = value
        case "epsilonZ": q.epsilonZ = value
        case "gMu": q.gMu = value
        default: q.invisibleFraction = value
        }
        return q
    }

    /// The error of a Gaussian the constraint judges itself (APV weak charges): |prediction -
    /// value| / |pull| at the point of largest pull (theory errors included, as the judgement uses).
    static func effectiveSigma(_ results: [ConstraintResult]) -> Double {
        let usable = results.filter { $0.applies && abs($0.pull) > 1e-9 && $0.prediction.isFinite }
        guard let r = usable.max(by: { abs($0.pull) < abs($1.pull) }) else { return .nan }
        return abs(r.prediction - r.bound) / abs(r.pull)
    }

    /// Columns parameter,<name>_prediction,<name>_chi2,...,chi2_total; values at full precision
    /// (%.17g), a constraint that does not apply at a point as nan with chi2 0, as
    /// `darkz constraints --json` reports it.
    public var csv: String {
        var lines = [([parameter] + columns.flatMap { ["\($0.name)_prediction", "\($0.name)_chi2"] } + ["chi2_total"]).joined(separator: ",")]
        let total = totalChi2
        func f(_ v: Double) -> String { v.isNaN ? "nan" : String(format: "%.17g", v) }
        for i in values.indices {
            lines.append(([f(values[i])] + columns.flatMap { [f($0.results[i].prediction), f($0.results[i].chi2)] } + [f(total[i])]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A scan that cannot be made, as one sentence.
public struct ScanError: Error, CustomStringConvertible, LocalizedError {
    public let description: String
    public init(_ description: String) { self.description = description }
    public var errorDescription: String? { description }
}
