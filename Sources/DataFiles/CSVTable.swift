import Foundation

/// A comma-separated table with `#` comment lines and a header row, as the files in data/ are
/// written. Fields are plain (no quoting); surrounding blanks are trimmed.
public struct CSVTable: Sendable {
    /// One data row: its 1-based line number in the file and its fields by column name.
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String: String]
    }

    public let file: String
    public let columns: [String]
    public let rows: [Row]

    /// Reads `path`; the first non-comment, non-blank line is the header.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(file: path, message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, message: "the file is not UTF-8 text")
        }
        try self.init(text: text, file: path)
    }

    /// Parses `text`; `file` names it in errors.
    public init(text: String, file: String) throws {
        self.file = file
        var header: [String]?
        var rows: [Row] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                if let duplicate = Self.firstDuplicate(fields) {
                    throw DataFileError(file: file, line: index + 1, field: duplicate,
                                        message: "column appears twice in the header")
                }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw DataFileError(file: file, line: index + 1,
                                    message: "expected \(columns.count) fields as in the header, found \(fields.count)")
            }
            rows.append(Row(line: index + 1, fields: Dictionary(uniqueKeysWithValues: zip(columns, fields))))
        }
        guard let header else { throw DataFileError(file: file, message: "no header row") }
        self.columns = header
        self.rows = rows
    }

    /// Throws unless every name in `required` is a column.
    public func requireColumns(_ required: [String]) throws {
        for name in required where !columns.contains(name) {
            throw DataFileError(file: file, field: name, message: "missing column")
        }
    }

    /// The text of `column` in `row`, which must not be empty.
    public func text(_ row: Row, _ column: String) throws -> String {
        guard let value = row.fields[column], !value.isEmpty else {
            throw DataFileError(file: file, line: row.line, field: column, message: "empty value")
        }
        return value
    }

    /// The finite number in `column` of `row`.
    public func number(_ row: Row, _ column: String) throws -> Double {
        let value = try text(row, column)
        guard let number = Double(value), number.isFinite else {
            throw DataFileError(file: file, line: row.line, field: column, message: "'\(value)' is not a number")
        }
        return number
    }

    /// The number in `column` of `row`, or nil when the field is empty.
    public func optionalNumber(_ row: Row, _ column: String) throws -> Double? {
        guard let value = row.fields[column], !value.isEmpty else { return nil }
        return try number(row, column)
    }

    private static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted { return name }
        return nil
    }
}

extension CSVTable {
    /// The `name,value,...` files of data/ (inputs, measurements): each name once, each value a
    /// finite number; errors name file, line and field.
    public static func namedValues(contentsOf path: String) throws -> [String: Double] {
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(["name", "value"])
        var values: [String: Double] = [:]
        for row in csv.rows {
            let name = try csv.text(row, "name")
            guard values[name] == nil else {
                throw DataFileError(file: path, line: row.line, field: "name", message: "'\(name)' is defined twice")
            }
            values[name] = try csv.number(row, "value")
        }
        return values
    }
}
