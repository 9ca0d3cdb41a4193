import DataFiles

/// The form-factor parameters of data/bsll_form_factors.csv: for each transition ("B->K*",
/// "Bs->phi", "B->K") and form factor ("V", "A0", ..., "f+"), the resonance mass and the BSZ
/// coefficients a_0, a_1, a_2. An empty a_0 means "fixed by a relation at q^2 = 0" (the models that
/// read the table supply it).
public struct FormFactorTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public let resonanceMass: Double
        /// a_0, or nil when a kinematic relation fixes it.
        public let a0: Double?
        /// a_1, a_2, ...
        public let higherCoefficients: [Double]
    }

    public let source: String
    public let entries: [String: [String: Entry]]

    public static let fileName = "bsll_form_factors.csv"

    public init(contentsOf path: String) throws {
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(["transition", "form_factor", "resonance_mass", "a0", "a1", "a2"])
        var entries: [String: [String: Entry]] = [:]
        for row in csv.rows {
            let transition = try csv.text(row, "transition"), name = try csv.text(row, "form_factor")
            guard entries[transition]?[name] == nil else {
                throw DataFileError(file: path, line: row.line, message: "\(transition) \(name) is defined twice")
            }
            entries[transition, default: [:]][name] = Entry(
                resonanceMass: try csv.number(row, "resonance_mass"),
                a0: try csv.optionalNumber(row, "a0"),
                higherCoefficients: [try csv.number(row, "a1"), try csv.number(row, "a2")])
        }
        self.entries = entries
        source = path
    }

    /// The default table, data/bsll_form_factors.csv.
    public static func standard() throws -> FormFactorTable {
        try FormFactorTable(contentsOf: DataDirectory.path(of: fileName))
    }

    /// The form factor `name` of `transition`; `a0` replaces the table's a_0 (required when the
    /// table leaves it empty).
    public func formFactor(_ transition: String, _ name: String, a0 override: Double? = nil) throws -> BSZFormFactor {
        guard let entry = entries[transition]?[name] else {
            throw DataFileError(file: source, message: "no form factor \(name) for \(transition)")
        }
        guard let a0 = override ?? entry.a0 else {
            throw DataFileError(file: source, message: "\(transition) \(name): a0 is empty and no relation supplies it")
        }
        return BSZFormFactor(resonanceMass: entry.resonanceMass, coefficients: [a0] + entry.higherCoefficients)
    }
}
