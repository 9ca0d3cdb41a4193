import Flavor
import Foundation

/// Data against prediction for every row of a measurement table at one point, grouped per
/// observable (name and lepton) for `darkz predict --plot`: the measured value with its
/// experimental errors per side, the SM expectation, the prediction and the pull of
/// `PredictionReport`, and whether the row enters the fit (the priors file's `data.leptons`).
public struct PredictionComparison: Sendable {
    /// One table row.
    public struct Row: Sendable {
        public let measurement: Measurement
        public let prediction: Double
        /// The pull of `PredictionReport` ((measured - prediction) / sigma, experimental and theory
        /// errors in quadrature under the report's error convention).
        public let pull: Double
        /// The experimental error components in quadrature, each on its side (physical units).
        public let sigmaUp: Double
        public let sigmaDown: Double
        public let inFit: Bool
    }

    /// The rows of one observable (name and lepton) in table order, shown in one panel.
    public struct Group: Sendable {
        public let name: String
        public let lepton: Lepton
        public let quantity: BinnedQuantity
        /// The factor the panel's numbers carry: the first row's table scale (1 for a ratio).
        public let scale: Double
        public let rows: [Row]
        /// The references of the rows, in order of first appearance (one marker each).
        public var references: [String] { rows.reduce(into: []) { if !$0.contains($1.measurement.reference) { $0.append($1.measurement.reference) } } }
        public var inFit: Bool { rows.contains { $0.inFit } }
    }

    public let source: String
    public let rows: [Row]
    public let groups: [Group]
    /// The report's point (nil in model-independent mode) and constant shifts.
    public let parameters: DarkBosonParameters?
    public let deltaC9: Double?
    public let deltaC10: Double?
    /// Parameters whose values the priors file fixed (shown apart in the legend).
    public let fixedNames: Set<String>
    /// How the fit is named in "(not in the ... fit)", e.g. "case C"; nil: "the fit".
    public let fitName: String?
    public let leptons: Set<Lepton>
    /// chi^2 over the rows in the fit at the point and in the SM (the quadratic form for correlated rows).
    public let chi2Fit: Double
    public let chi2FitSM: Double

    /// `report` must be the report of `table` (same rows, same order); `leptons` are the rows of the fit.
    public init(table: MeasurementTable, report: PredictionReport, leptons: Set<Lepton> = Set(Lepton.allCases),
                fixedNames: Set<String> = [], fitName: String? = nil) throws {
        precondition(report.observables.count == table.measurements.count, "the report is not of this table")
        source = table.source
        parameters = report.parameters
        deltaC9 = report.delta_c9
        deltaC10 = report.delta_c10
        self.fixedNames = fixedNames
        self.fitName = fitName
        self.leptons = leptons
        rows = zip(table.measurements, report.observables).map { m, o in
            func quadrature(_ side: KeyPath<ErrorComponent, Double>) -> Double {
                m.errors.reduce(0) { $0 + $1[keyPath: side] * $1[keyPath: side] }.squareRoot()
            }
            return Row(measurement: m, prediction: o.prediction, pull: o.pull, sigmaUp: quadrature(\.up),
                       sigmaDown: quadrature(\.down), inFit: leptons.contains(m.lepton))
        }
        var order: [String] = [], members: [String: [Row]] = [:]
        for row in rows {
            let key = row.measurement.name + "|" + row.measurement.lepton.rawValue
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        groups = order.map { key in
            let r = members[key]!, first = r[0].measurement
            return Group(name: first.name, lepton: first.lepton, quantity: first.quantity,
                         scale: first.quantity == .ratio ? 1 : first.scale, rows: r)
        }
        let convention = ErrorConvention(rawValue: report.errors) ?? .mean
        let fitRows = table.measurements.indices.filter { leptons.contains(table.measurements[$0].lepton) }
        if fitRows.isEmpty {
            chi2Fit = 0
            chi2FitSM = 0
        } else {
            chi2Fit = try ChiSquare(table: table, rows: fitRows, predictions: report.observables.map(\.prediction), convention: convention).total
            chi2FitSM = try ChiSquare(standardModel: table, rows: fitRows, convention: convention).total
        }
    }

    /// The number of rows in the fit.
    public var fitCount: Int { rows.filter(\.inFit).count }
}
