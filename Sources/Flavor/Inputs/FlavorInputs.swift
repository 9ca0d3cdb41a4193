import DataFiles

/// The physical inputs of the flavour calculations, read from data/flavor_inputs.csv (PDG 2022
/// and the values the paper quotes). Units: GeV and seconds.
public struct FlavorInputs: Sendable {
    /// Every input by its name in the file, for lookups of rarely used values.
    public let values: [String: Double]
    public let source: String

    public let alphaEM0, fermiConstant, sin2ThetaW, massW, massZ, widthW: Double
    public let massElectron, massMuon, massTau: Double
    public let massUp, massDown, massStrange, massCharm, massBottom, massTop: Double
    public let ckm: CKMMatrix

    /// The names every inputs file must define.
    public static let requiredNames = [
        "alpha_em_0", "G_F", "sin2_theta_W", "M_W", "M_Z", "Gamma_W", "m_e", "m_mu", "m_tau",
        "m_u", "m_d", "m_s", "m_c", "m_b", "m_t_MSbar", "ckm_s12", "ckm_s13", "ckm_s23", "ckm_delta",
    ]

    /// Loads `path`; an unknown or missing name, or a non-number, is an error naming file and line.
    public init(contentsOf path: String) throws {
        let values = try CSVTable.namedValues(contentsOf: path)
        for name in Self.requiredNames where values[name] == nil {
            throw DataFileError(file: path, message: "input '\(name)' is missing")
        }
        try self.init(values: values, source: path)
    }

    /// The default inputs, data/flavor_inputs.csv.
    public static func standard() throws -> FlavorInputs {
        try FlavorInputs(contentsOf: DataDirectory.path(of: "flavor_inputs.csv"))
    }

    /// Builds the inputs from named values (all of `requiredNames`).
    public init(values: [String: Double], source: String = "(values)") throws {
        func v(_ name: String) throws -> Double {
            guard let x = values[name] else { throw DataFileError(file: source, message: "input '\(name)' is missing") }
            return x
        }
        self.values = values
        self.source = source
        alphaEM0 = try v("alpha_em_0"); fermiConstant = try v("G_F"); sin2ThetaW = try v("sin2_theta_W")
        massW = try v("M_W"); massZ = try v("M_Z"); widthW = try v("Gamma_W")
        massElectron = try v("m_e"); massMuon = try v("m_mu"); massTau = try v("m_tau")
        massUp = try v("m_u"); massDown = try v("m_d"); massStrange = try v("m_s")
        massCharm = try v("m_c"); massBottom = try v("m_b"); massTop = try v("m_t_MSbar")
        ckm = CKMMatrix(s12: try v("ckm_s12"), s13: try v("ckm_s13"), s23: try v("ckm_s23"), delta: try v("ckm_delta"))
        electricCharge = (4 * Double.pi * alphaEM0).squareRoot()
        sinThetaW = sin2ThetaW.squareRoot()
        cosThetaW = (1 - sin2ThetaW).squareRoot()
        weakCoupling = electricCharge / sinThetaW
    }

    /// A copy with some values replaced (for tests and cross-checks).
    public func replacing(_ changes: [String: Double]) throws -> FlavorInputs {
        try FlavorInputs(values: values.merging(changes) { _, new in new }, source: source + " (modified)")
    }

    /// A named input that has no stored property.
    public func value(_ name: String) throws -> Double {
        guard let x = values[name] else { throw DataFileError(file: source, message: "input '\(name)' is missing") }
        return x
    }

    // MARK: Electroweak couplings (one scheme throughout: alpha(0) and the MSbar sin^2 theta_W; docs/physics.md §1)

    // Stored (set in init from alpha(0) and sin^2 theta_W): every parameter point's couplings use them.
    /// e = sqrt(4 pi alpha(0)).
    public let electricCharge: Double
    public let sinThetaW: Double
    public let cosThetaW: Double
    /// g = e / sin theta_W.
    public let weakCoupling: Double
}
