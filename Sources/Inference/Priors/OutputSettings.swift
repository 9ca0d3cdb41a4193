/// What a run stores beside the chain (the [output] table of a priors file).
public struct OutputSettings: Sendable, Equatable {
    /// The blobs per walker and step.
    public var blobs: BlobSelection

    public init(blobs: BlobSelection = .chi2) {
        self.blobs = blobs
    }

    static func read(_ table: TOMLReader?) throws -> OutputSettings {
        var settings = OutputSettings()
        guard let table else { return settings }
        try table.allowOnly(["blobs"])
        if let text = try table.optionalString("blobs") {
            guard let blobs = BlobSelection(rawValue: text) else {
                throw PriorsError(file: table.file, key: table.key("blobs"),
                                  message: "'\(text)' is not \(BlobSelection.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            settings.blobs = blobs
        }
        return settings
    }
}

/// The blobs a chain file stores per walker and step (`[output] blobs`): none, the two chi^2
/// parts (binned rows, constraints; the default, 16 bytes), or those and the prediction of every
/// row of the measurement table (8 bytes a row).
public enum BlobSelection: String, Sendable, CaseIterable {
    case none
    case chi2
    case predictions

    /// Blobs per walker for a table of `rows` rows.
    public func count(rows: Int) -> Int {
        switch self {
        case .none: 0
        case .chi2: 2
        case .predictions: 2 + rows
        }
    }

    /// The selection that stores `count` blobs for a table of `rows` rows, if one does.
    public init?(count: Int, rows: Int) {
        guard let match = Self.allCases.first(where: { $0.count(rows: rows) == count }) else { return nil }
        self = match
    }
}
