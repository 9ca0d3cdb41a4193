import DataFiles
import Numerics

/// The two-loop O(alpha_s) matrix elements of the current-current operators O1, O2 in b -> s l l,
/// the functions F_1^(7), F_1^(9), F_2^(7), F_2^(9) of Greub, Pilipovic, Schupbach (arXiv:0810.4077),
/// tabulated in data/bsll_two_loop_charm_functions.dat on a regular grid in muh = mu/m_b,
/// z = m_c^2/m_b^2 and sh = q^2/m_b^2, and interpolated linearly in all three (as flavio does).
///
/// `slice(muHat:z:)` fixes (muh, z) once, by bilinear interpolation, and returns the four functions
/// of sh alone.
public struct CurrentCurrentTwoLoopGrid: Sendable {
    public static let fileName = "bsll_two_loop_charm_functions.dat"

    public let muHats: [Double]
    public let zs: [Double]
    public let shs: [Double]
    /// Column k (0...7: Re F17, Im F17, Re sh F19, Im sh F19, Re F27, Im F27, Re sh F29, Im sh F29)
    /// at (muh index i, z index j, sh index l): values[k][(i * zs.count + j) * shs.count + l].
    let values: [[Double]]

    public init(contentsOf path: String) throws {
        let table = try NumericTable(contentsOf: path, columns: 11)
        func axis(_ column: Int) -> [Double] { Array(Set(table.rows.map { $0[column] })).sorted() }
        muHats = axis(0); zs = axis(1); shs = axis(2)
        guard muHats.count * zs.count * shs.count == table.rows.count, muHats.count > 1, zs.count > 1, shs.count > 1 else {
            throw DataFileError(file: path, message: "the rows do not form a complete muh x z x sh grid")
        }
        var values = [[Double]](repeating: [Double](repeating: .nan, count: table.rows.count), count: 8)
        let muIndex = Dictionary(uniqueKeysWithValues: muHats.enumerated().map { ($1, $0) })
        let zIndex = Dictionary(uniqueKeysWithValues: zs.enumerated().map { ($1, $0) })
        let shIndex = Dictionary(uniqueKeysWithValues: shs.enumerated().map { ($1, $0) })
        for row in table.rows {
            let index = (muIndex[row[0]]! * zs.count + zIndex[row[1]]!) * shs.count + shIndex[row[2]]!
            for k in 0..<8 { values[k][index] = row[3 + k] }
        }
        guard values.allSatisfy({ $0.allSatisfy { !$0.isNaN } }) else {
            throw DataFileError(file: path, message: "a grid point is missing")
        }
        self.values = values
    }

    public static func standard() throws -> CurrentCurrentTwoLoopGrid {
        try CurrentCurrentTwoLoopGrid(contentsOf: DataDirectory.path(of: fileName))
    }

    /// The four functions at fixed muh and z (inside the grid; linear extrapolation outside).
    public func slice(muHat: Double, z: Double) -> CurrentCurrentTwoLoopFunctions {
        let (i, u) = Self.bracket(muHats, muHat)
        let (j, v) = Self.bracket(zs, z)
        let n = shs.count
        var columns: [[Double]] = []
        for k in 0..<8 {
            let column = values[k]
            func at(_ a: Int, _ b: Int, _ l: Int) -> Double { column[(a * zs.count + b) * n + l] }
            columns.append((0..<n).map { l in
                (1 - u) * (1 - v) * at(i, j, l) + u * (1 - v) * at(i + 1, j, l)
                    + (1 - u) * v * at(i, j + 1, l) + u * v * at(i + 1, j + 1, l)
            })
        }
        return CurrentCurrentTwoLoopFunctions(shs: shs, columns: columns)
    }

    /// The cell [axis[i], axis[i+1]] holding x (the first or last cell outside the axis) and the
    /// fractional position of x in it.
    static func bracket(_ axis: [Double], _ x: Double) -> (Int, Double) {
        var i = 0
        while i < axis.count - 2 && x > axis[i + 1] { i += 1 }
        return (i, (x - axis[i]) / (axis[i + 1] - axis[i]))
    }
}

/// F_1^(7), F_1^(9), F_2^(7), F_2^(9) as functions of sh = q^2/m_b^2 at fixed mu/m_b and m_c/m_b,
/// interpolated linearly in sh with GSL (`TabulatedFunction`).
public struct CurrentCurrentTwoLoopFunctions: Sendable {
    let tables: [TabulatedFunction]

    init(shs: [Double], columns: [[Double]]) {
        tables = columns.map { try! TabulatedFunction(x: shs, y: $0, source: CurrentCurrentTwoLoopGrid.fileName) }
    }

    private func complex(_ k: Int, _ sh: Double) -> Complex<Double> {
        Complex(tables[k](sh), tables[k + 1](sh))
    }

    public func f17(sh: Double) -> Complex<Double> { complex(0, sh) }
    public func f27(sh: Double) -> Complex<Double> { complex(4, sh) }
    /// F_1^(9) = (sh F_1^(9)) / sh; 0 at sh = 0 (as tabulated).
    public func f19(sh: Double) -> Complex<Double> { sh > 0 ? complex(2, sh) / sh : .zero }
    public func f29(sh: Double) -> Complex<Double> { sh > 0 ? complex(6, sh) / sh : .zero }
}
