import Foundation

/// Prints an Encodable value as pretty, key-sorted JSON on stdout (the `--json` output).
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
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
