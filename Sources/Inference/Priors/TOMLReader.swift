import TOMLKit

/// Typed access to a TOML table with errors that name the dotted key.
struct TOMLReader {
    let table: TOMLTable
    let file: String
    /// Dotted path of this table ("" for the root).
    let path: String

    var keys: [String] { table.keys }

    func key(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    func fail(_ name: String, _ message: String) -> PriorsError { PriorsError(file: file, key: key(name), message: message) }

    func allowOnly(_ allowed: [String]) throws {
        for k in table.keys where !allowed.contains(k) {
            throw fail(k, "unknown key (allowed here: \(allowed.joined(separator: ", ")))")
        }
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = table[name] else { return nil }
        guard let s = value.string else { throw fail(name, "must be a string") }
        return s
    }

    func string(_ name: String) throws -> String {
        guard let s = try optionalString(name) else { throw fail(name, "missing") }
        return s
    }

    func optionalNumber(_ name: String) throws -> Double? {
        guard let value = table[name] else { return nil }
        guard let x = value.double ?? value.int.map(Double.init), x.isFinite else { throw fail(name, "must be a finite number") }
        return x
    }

    func number(_ name: String) throws -> Double {
        guard let x = try optionalNumber(name) else { throw fail(name, "missing") }
        return x
    }

    func optionalInt(_ name: String) throws -> Int? {
        guard let value = table[name] else { return nil }
        guard let i = value.int else { throw fail(name, "must be an integer") }
        return i
    }

    func optionalStrings(_ name: String) throws -> [String]? {
        guard let value = table[name] else { return nil }
        guard let array = value.array else { throw fail(name, "must be an array of strings") }
        return try array.map { element in
            guard let s = element.string else { throw fail(name, "must be an array of strings") }
            return s
        }
    }

    func optionalTable(_ name: String) throws -> TOMLReader? {
        guard let value = table[name] else { return nil }
        guard let t = value.table else { throw fail(name, "must be a table") }
        return TOMLReader(table: t, file: file, path: key(name))
    }

    func table(_ name: String) throws -> TOMLReader {
        guard let t = try optionalTable(name) else { throw fail(name, "missing table [\(key(name))]") }
        return t
    }
}
