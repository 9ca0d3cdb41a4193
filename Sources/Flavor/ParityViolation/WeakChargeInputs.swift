import DataFiles

/// The numbers of data/apv_weak_charges.csv: the measured weak charges (eq. 4.33), the Qweak
/// momentum transfer, the composition of 133Cs and the radiatively corrected Standard-Model couplings
/// of the PDG electroweak review, g_AV^ep = 2 C1u + C1d and g_AV^en = C1u + 2 C1d, with the small
/// per-nucleon corrections of eq. 4.35.
public struct WeakChargeInputs: Sendable {
    public static let fileName = "apv_weak_charges.csv"
    /// The names the file must define.
    public static let requiredNames = [
        "Q_W_p_measured", "Q_W_Cs_measured", "Q2_Qweak", "Z_Cs", "N_Cs",
        "C1u_SM", "C1d_SM", "delta_Z_correction", "delta_N_correction",
    ]

    public let source: String
    public let measurements: [WeakChargeTarget: WeakChargeMeasurement]
    /// <Q^2> of the Qweak measurement (GeV^2): the Q^2 of the proton's f(Q^2/M^2) = M^2/(Q^2 + M^2).
    public let qweakQ2: Double
    public let cesiumProtons: Double
    public let cesiumNeutrons: Double
    /// C1u, C1d: the SM electron-axial x quark-vector couplings.
    public let c1u: Double
    public let c1d: Double
    /// The +0.00005 (per proton) and +0.00006 (per neutron) of eq. 4.35.
    public let protonCorrection: Double
    public let neutronCorrection: Double

    /// g_AV^ep = 2 C1u + C1d (tree level -1/2 + 2 sin^2 theta_W).
    public var electronProtonCoupling: Double { 2 * c1u + c1d }
    /// g_AV^en = C1u + 2 C1d (tree level 1/2).
    public var electronNeutronCoupling: Double { c1u + 2 * c1d }

    public init(contentsOf path: String) throws {
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(["name", "value", "uncertainty"])
        var values: [String: (value: Double, uncertainty: Double?, line: Int)] = [:]
        for row in csv.rows {
            let name = try csv.text(row, "name")
            guard values[name] == nil else {
                throw DataFileError(file: path, line: row.line, field: "name", message: "'\(name)' is defined twice")
            }
            values[name] = (try csv.number(row, "value"), try csv.optionalNumber(row, "uncertainty"), row.line)
        }
        for name in Self.requiredNames where values[name] == nil {
            throw DataFileError(file: path, message: "'\(name)' is missing")
        }
        func measurement(_ name: String) throws -> WeakChargeMeasurement {
            let entry = values[name]!
            guard let sigma = entry.uncertainty, sigma > 0 else {
                throw DataFileError(file: path, line: entry.line, field: "uncertainty",
                                    message: "a measurement needs a positive uncertainty")
            }
            return WeakChargeMeasurement(value: entry.value, uncertainty: sigma)
        }
        source = path
        measurements = [.proton: try measurement("Q_W_p_measured"), .cesium133: try measurement("Q_W_Cs_measured")]
        qweakQ2 = values["Q2_Qweak"]!.value
        cesiumProtons = values["Z_Cs"]!.value
        cesiumNeutrons = values["N_Cs"]!.value
        c1u = values["C1u_SM"]!.value
        c1d = values["C1d_SM"]!.value
        protonCorrection = values["delta_Z_correction"]!.value
        neutronCorrection = values["delta_N_correction"]!.value
    }
}
