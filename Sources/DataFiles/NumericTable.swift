import Foundation

/// A whitespace-separated table of numbers with `#` comment lines, such as DarkCast's tables
/// (mass, value) or a limit curve. Every data line must have exactly `columns` finite numbers.
public struct NumericTable: Sendable {
    public let file: String
    /// Rows in file order, each with `columns` values.
    public let rows: [[Double]]

    public init(contentsOf path: String, columns: Int) throws {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, message: "cannot read the file (does it exist?)")
        }
        try self.init(text: text, file: path, columns: columns)
    }

    public init(text: String, file: String, columns: Int) throws {
        self.file = file
        var rows: [[Double]] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == columns else {
                throw DataFileError(file: file, line: index + 1,
                                    message: "expected \(columns) numbers, found \(fields.count)")
            }
            var row: [Double] = []
            for (k, field) in fields.enumerated() {
                guard let value = Double(field), value.isFinite else {
                    throw DataFileError(file: file, line: index + 1, field: "column \(k + 1)",
                                        message: "'\(field)' is not a number")
                }
                row.append(value)
            }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw DataFileError(file: file, message: "no data rows") }
        self.rows = rows
    }

    /// The values of one column (0-based).
    public func column(_ k: Int) -> [Double] { rows.map { $0[k] } }
}
