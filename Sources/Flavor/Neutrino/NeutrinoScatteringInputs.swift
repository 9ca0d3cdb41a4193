import DataFiles

/// The experimental inputs of the neutrino-scattering constraints (trident at CCFR and CHARM-II,
/// CEvNS at COHERENT), read from data/neutrino_scattering.csv (name, value, unit, source); the file's
/// header says where each number comes from.
public struct NeutrinoScatteringInputs: Sendable {
    public static let fileName = "neutrino_scattering.csv"
    public let values: [String: Double]
    public let source: String

    public init(contentsOf path: String) throws {
        let values = try CSVTable.namedValues(contentsOf: path)
        self.values = values
        source = path
    }

    public static func standard() throws -> NeutrinoScatteringInputs {
        try NeutrinoScatteringInputs(contentsOf: DataDirectory.path(of: fileName))
    }

    public func value(_ name: String) throws -> Double {
        guard let x = values[name] else { throw DataFileError(file: source, message: "input '\(name)' is missing") }
        return x
    }

    /// The Helm form factor of mass number A with the file's a and s parameters.
    public func helm(massNumber: Double) throws -> HelmFormFactor {
        HelmFormFactor(massNumber: massNumber, aParameter: try value("helm_a"), skin: try value("helm_s"))
    }
}
