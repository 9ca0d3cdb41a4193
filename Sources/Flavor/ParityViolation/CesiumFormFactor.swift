import DataFiles
import Foundation

/// f_Cs(M): how much of a Z_D's contact-limit contribution to the 133Cs weak charge survives at
/// mass M (the f of eqs. 4.37-4.38 for cesium; 1 for M -> infinity).
///
/// The paper quotes f ≈ 0.5 at 2.4 MeV and f ≈ 1 at 100 MeV and refers to its ref. [56]. darkz
/// tabulates the ratio of the electron's s_1/2 - p_1/2 parity-violating matrix element with the
/// nuclear weak density smeared by the Z_D's Yukawa potential to the contact one, computed by
/// scripts/derive_cesium_apv_form_factor.py (data/apv_cesium_form_factor.dat, header there; it gives
/// 0.50 at 2.4 MeV and 0.975 at 100 MeV). Interpolated linearly in ln M; outside the table
/// (1 MeV - 10 GeV) the edge values are used.
public struct CesiumFormFactor: Sendable {
    public static let fileName = "apv_cesium_form_factor.dat"

    private let table: TabulatedFunction
    private let lowerEdge: Double
    private let upperEdge: Double

    /// Reads a two-column table (M in GeV, f).
    public init(contentsOf path: String) throws {
        let rows = try NumericTable(contentsOf: path, columns: 2)
        let masses = rows.column(0)
        guard masses.allSatisfy({ $0 > 0 }) else {
            throw DataFileError(file: path, message: "masses must be positive (GeV)")
        }
        table = try TabulatedFunction(x: masses.map { log($0) }, y: rows.column(1), source: path)
        lowerEdge = table.y[0]
        upperEdge = table.y[table.y.count - 1]
    }

    /// f_Cs at Z_D mass M (GeV).
    public func callAsFunction(_ mass: Double) -> Double {
        let t = log(mass)
        if t <= table.x[0] { return lowerEdge }
        if t >= table.x[table.x.count - 1] { return upperEdge }
        return table(t)
    }
}
