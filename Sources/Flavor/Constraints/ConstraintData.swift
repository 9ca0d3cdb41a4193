import DataFiles
import Foundation

/// The measurements and limits of data/constraints.csv by constraint name.
public struct ConstraintData: Sendable {
    public struct Entry: Sendable {
        public let form: ConstraintForm
        public let cl: Double
        /// The default constraint this row is a documented alternative to (column `alternative_to`),
        /// or nil for a default. Alternatives are chosen by name only, never by `all`.
        public let alternativeTo: String?
        /// z of the CL, one-sided (P(Z < z) = cl), which scales limits to half-Gaussians; found once.
        public let oneSidedZ: Double
        /// The unit of the prediction and bound (column `unit`; "1" when the column is empty:
        /// a branching fraction or another pure number).
        public let unit: String

        public init(form: ConstraintForm, cl: Double, alternativeTo: String?, unit: String = "1") {
            self.form = form
            self.cl = cl
            self.alternativeTo = alternativeTo
            oneSidedZ = ConstraintForm.oneSidedZ(cl)
            self.unit = unit
        }

        /// The row's statistical form as the file spells it (gaussian covers asymmetric).
        public var formName: String {
            switch form {
            case .gaussian: return "gaussian"
            case .upperLimit: return "upper_limit"
            case .limitCurve: return "limit_curve"
            case .external: return "external"
            }
        }

        public var kind: String {
            switch form {
            case .gaussian, .external: return "measurement"
            default: break
            }
            return "upper limit"
        }
    }

    public let entries: [String: Entry]
    /// The constraint names in the order of the file's rows.
    public let names: [String]
    /// The default constraints (rows without `alternative_to`), in file order: what `all` selects.
    public var defaultNames: [String] { names.filter { entries[$0]!.alternativeTo == nil } }

    public init(contentsOf path: String) throws {
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(["name", "form", "value", "sigma_up", "sigma_down", "cl", "curve_file"])
        let folder = (path as NSString).deletingLastPathComponent
        var entries: [String: Entry] = [:], names: [String] = []
        for row in csv.rows {
            let name = try csv.text(row, "name")
            guard entries[name] == nil else {
                throw DataFileError(file: path, line: row.line, field: "name", message: "constraint '\(name)' appears twice")
            }
            let cl = try csv.number(row, "cl")
            guard cl > 0, cl < 1 else { throw DataFileError(file: path, line: row.line, field: "cl", message: "must lie between 0 and 1") }
            let form: ConstraintForm
            switch try csv.text(row, "form") {
            case "gaussian", "asymmetric":
                let up = try csv.number(row, "sigma_up"), down = try csv.number(row, "sigma_down")
                guard up > 0, down > 0 else {
                    throw DataFileError(file: path, line: row.line, field: "sigma_up", message: "errors must be positive")
                }
                form = .gaussian(value: try csv.number(row, "value"), sigmaUp: up, sigmaDown: down)
            case "upper_limit":
                form = .upperLimit(try csv.number(row, "value"))
            case "external":
                form = .external(file: try csv.text(row, "curve_file"))
            case "limit_curve":
                form = .limitCurve(try TabulatedFunction(contentsOf: folder + "/" + csv.text(row, "curve_file")))
            case let other:
                throw DataFileError(file: path, line: row.line, field: "form", message: "unknown form '\(other)'")
            }
            let alternative = row.fields["alternative_to"].flatMap { $0.isEmpty ? nil : $0 }
            let unit = row.fields["unit"].flatMap { $0.isEmpty ? nil : $0 } ?? "1"
            entries[name] = Entry(form: form, cl: cl, alternativeTo: alternative, unit: unit)
            names.append(name)
        }
        for name in names {
            guard let target = entries[name]!.alternativeTo else { continue }
            guard let base = entries[target], base.alternativeTo == nil else {
                throw DataFileError(file: path, field: "alternative_to",
                                    message: "'\(name)' is an alternative to '\(target)', which is not a default constraint of the file")
            }
        }
        self.entries = entries
        self.names = names
    }

    public static func standard() throws -> ConstraintData {
        try ConstraintData(contentsOf: DataDirectory.path(of: "constraints.csv"))
    }

    /// The entry for `name`, or an error naming the file's constraints.
    public func entry(_ name: String) throws -> Entry {
        guard let e = entries[name] else {
            throw DataFileError(file: "constraints.csv", message: "no constraint named '\(name)' (have: \(entries.keys.sorted().joined(separator: ", ")))")
        }
        return e
    }
}
