import Foundation

/// Every JSON darkz writes (`--json` on stdout, corner.json, regions.json): pretty, key-sorted, and a
/// number that is not finite (NaN where a quantity does not apply, ±inf) written as null, since JSON
/// has no such numbers.
enum DarkzJSON {
    /// What non-finite numbers are encoded as before they become null: a string no report holds.
    private static let nonFinite = "darkz:non-finite:7c1e"

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite, negativeInfinity: nonFinite, nan: nonFinite)
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\"\(nonFinite)\"", with: "null").utf8)
    }
}

/// Prints an Encodable value as JSON on stdout (the `--json` output; ``DarkzJSON``).
func printJSON<T: Encodable>(_ value: T) throws {
    print(String(decoding: try DarkzJSON.encode(value), as: UTF8.self))
}

/// A number that JSON shows as null when absent (not omitted, and never as a made-up 0).
struct NullableNumber: Encodable {
    let value: Double?

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
}

/// A report with plots: JSON (notes on stderr, so stdout stays JSON) or its text followed by a
/// "wrote PATH" line per plot and the notes (e.g. no PNG without rsvg-convert).
func printReport<T: Encodable>(_ report: T, text: String, plots: [String], notes: [String], json: Bool) throws {
    if json {
        try printJSON(report)
        for note in notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    } else {
        print(text)
        for path in plots { print("wrote \(path)") }
        for note in notes { print("note: \(note)") }
    }
}
