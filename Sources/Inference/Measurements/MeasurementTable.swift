import DataFiles

/// The binned b -> s l+ l- measurements with their SM expectations (paper table 1), read from a
/// data file such as data/bsll_table1.csv, with the optional covariance files beside it
/// (`TableCovariance`): for X.csv, X_correlations.csv (experimental correlations) and
/// X_theory_covariance.csv (the SM theory covariance).
public struct MeasurementTable: Sendable {
    public let source: String
    public let measurements: [Measurement]
    /// Correlations and theory covariance between rows; `.none` for a table of independent rows.
    public let covariance: TableCovariance

    public init(source: String, measurements: [Measurement], covariance: TableCovariance = .none) {
        self.source = source
        self.measurements = measurements
        self.covariance = covariance
    }

    /// The number of error-component column pairs (`errK_up`, `errK_down`) a file may carry.
    public static let maxErrorComponents = 3

    static let requiredColumns = ["name", "decay", "reference", "quantity", "q2_min", "q2_max", "scale",
                                  "value", "err1_up", "err1_down", "sm", "sm_err", "lepton"]

    /// Loads a table file and its covariance files if present; every problem is reported with file,
    /// line and field.
    public init(contentsOf path: String) throws {
        let table = try MeasurementTable(csv: CSVTable(contentsOf: path))
        let covariance = try TableCovariance(besideTable: path, measurements: table.measurements)
        self.init(source: table.source, measurements: table.measurements, covariance: covariance)
    }

    /// Parses table text; `file` names it in errors.
    public init(text: String, file: String) throws {
        try self.init(csv: CSVTable(text: text, file: file))
    }

    init(csv: CSVTable) throws {
        try csv.requireColumns(Self.requiredColumns)
        var measurements: [Measurement] = []
        for row in csv.rows {
            measurements.append(try Self.measurement(row, in: csv))
        }
        guard !measurements.isEmpty else {
            throw DataFileError(file: csv.file, message: "the table has no measurements")
        }
        var seen = Set<String>()
        for (m, row) in zip(measurements, csv.rows) where !seen.insert(m.id).inserted {
            throw DataFileError(file: csv.file, line: row.line, field: "id", message: "row key '\(m.id)' appears twice")
        }
        self.init(source: csv.file, measurements: measurements)
    }

    private static func measurement(_ row: CSVTable.Row, in csv: CSVTable) throws -> Measurement {
        func fail(_ field: String, _ message: String) -> DataFileError {
            DataFileError(file: csv.file, line: row.line, field: field, message: message)
        }
        let quantityText = try csv.text(row, "quantity")
        guard let quantity = BinnedQuantity(rawValue: quantityText) else {
            throw fail("quantity", "unknown quantity '\(quantityText)' (expected \(BinnedQuantity.supported))")
        }
        let leptonText = try csv.text(row, "lepton")
        guard let lepton = Lepton(rawValue: leptonText) else {
            throw fail("lepton", "unknown lepton '\(leptonText)' (expected e or mu)")
        }
        let q2Min = try csv.number(row, "q2_min")
        let q2Max = try csv.number(row, "q2_max")
        guard q2Min >= 0 else { throw fail("q2_min", "q2_min = \(q2Min) is negative") }
        guard q2Min < q2Max else { throw fail("q2_max", "q2_min = \(q2Min) must be below q2_max = \(q2Max)") }
        let scale = try csv.number(row, "scale")
        guard scale > 0 else { throw fail("scale", "scale must be positive, got \(scale)") }

        var errors: [ErrorComponent] = []
        for k in 1...maxErrorComponents {
            let upName = "err\(k)_up", downName = "err\(k)_down"
            let up = try csv.optionalNumber(row, upName)
            let down = try csv.optionalNumber(row, downName)
            switch (up, down) {
            case (nil, nil): continue
            case let (up?, down?):
                guard up >= 0 else { throw fail(upName, "negative error \(up) (write magnitudes)") }
                guard down >= 0 else { throw fail(downName, "negative error \(down) (write magnitudes)") }
                errors.append(ErrorComponent(up: up * scale, down: down * scale))
            case (nil, _): throw fail(upName, "empty while \(downName) is given")
            case (_, nil): throw fail(downName, "empty while \(upName) is given")
            }
        }
        guard !errors.isEmpty else { throw fail("err1_up", "no experimental error given") }
        let smError = try csv.number(row, "sm_err")
        guard smError >= 0 else { throw fail("sm_err", "negative error \(smError)") }

        if quantity == .ratio && lepton != .muon {
            throw fail("lepton", "a ratio R = B(mu mu)/B(e e) is written as a muon row (its decay names the muon mode)")
        }
        func optionalText(_ column: String) -> String? { row.fields[column].flatMap { $0.isEmpty ? nil : $0 } }
        return Measurement(
            name: try csv.text(row, "name"), decay: try csv.text(row, "decay"),
            reference: try csv.text(row, "reference"), quantity: quantity,
            q2Min: q2Min, q2Max: q2Max, scale: scale,
            value: try csv.number(row, "value") * scale, errors: errors,
            sm: try csv.number(row, "sm") * scale, smError: smError * scale, lepton: lepton,
            id: optionalText("id"), correlationGroup: optionalText("correlation"))
    }

    /// The indices of the rows of one lepton flavour, or of all rows.
    public func indices(lepton: Lepton?) -> [Int] {
        measurements.indices.filter { lepton == nil || measurements[$0].lepton == lepton }
    }

    /// The rows of one lepton flavour, or all rows.
    public func rows(lepton: Lepton?) -> [Measurement] {
        guard let lepton else { return measurements }
        return measurements.filter { $0.lepton == lepton }
    }
}
