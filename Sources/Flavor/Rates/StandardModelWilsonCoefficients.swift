import DataFiles

/// The Standard-Model Wilson coefficients of the b -> s effective Hamiltonian at one scale,
///   H_eff = -(4 G_F / sqrt 2) V_tb V_ts^* sum_i C_i O_i,
/// O1..O6 in the CMM basis (Chetyrkin, Misiak, Muenz, hep-ph/9612313), C7eff and C8eff the effective
/// dipole coefficients, C9 and C10 normalised with e^2 / (16 pi^2) in O9, O10 (the flavio /
/// Altmannshofer-Straub convention). Real in the SM. Values: data/bsll_wilson_coefficients_sm.csv.
public struct StandardModelWilsonCoefficients: Sendable, Equatable {
    public let scale: Double
    public let c1, c2, c3, c4, c5, c6: Double
    public let c7eff, c8eff: Double
    public let c9, c10: Double

    public static let fileName = "bsll_wilson_coefficients_sm.csv"
    static let names = ["C1", "C2", "C3", "C4", "C5", "C6", "C7eff", "C8eff", "C9", "C10"]

    public init(scale: Double, c1: Double, c2: Double, c3: Double, c4: Double, c5: Double, c6: Double,
                c7eff: Double, c8eff: Double, c9: Double, c10: Double) {
        self.scale = scale
        self.c1 = c1; self.c2 = c2; self.c3 = c3; self.c4 = c4; self.c5 = c5; self.c6 = c6
        self.c7eff = c7eff; self.c8eff = c8eff; self.c9 = c9; self.c10 = c10
    }

    /// The coefficients at `scale` (GeV) from a `name,scale,value` table; every name must appear
    /// at that scale (matched to 1e-9 GeV).
    public init(contentsOf path: String, scale: Double) throws {
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(["name", "scale", "value"])
        var values: [String: Double] = [:]
        for row in csv.rows where abs(try csv.number(row, "scale") - scale) < 1e-9 {
            let name = try csv.text(row, "name")
            guard Self.names.contains(name) else {
                throw DataFileError(file: path, line: row.line, field: "name", message: "unknown coefficient '\(name)'")
            }
            guard values[name] == nil else {
                throw DataFileError(file: path, line: row.line, message: "\(name) at \(scale) GeV is defined twice")
            }
            values[name] = try csv.number(row, "value")
        }
        for name in Self.names where values[name] == nil {
            throw DataFileError(file: path, message: "no value of \(name) at mu = \(scale) GeV")
        }
        self.init(scale: scale, c1: values["C1"]!, c2: values["C2"]!, c3: values["C3"]!, c4: values["C4"]!,
                  c5: values["C5"]!, c6: values["C6"]!, c7eff: values["C7eff"]!, c8eff: values["C8eff"]!,
                  c9: values["C9"]!, c10: values["C10"]!)
    }

    /// The non-effective C7 = C7eff - sum_{i=3..6} y_i C_i with y = (-1/3, -4/9, -20/3, -80/9)
    /// (the CMM-basis definition of the effective dipole coefficient, hep-ph/9612313).
    public var c7: Double {
        c7eff - (-c3 / 3 - 4 * c4 / 9 - 20 * c5 / 3 - 80 * c6 / 9)
    }
}
