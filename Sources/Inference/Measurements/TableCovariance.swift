import DataFiles
import Foundation

/// The correlations between the rows of a measurement table, read from the files beside it: for a
/// table X.csv,
/// - X_correlations.csv (`id_a,id_b,correlation`): correlation coefficients of the total experimental
///   errors of two rows of the same `correlation` group, each unordered pair once;
/// - X_theory_covariance.csv (`id_a,id_b,covariance`): the SM theory covariance in physical units
///   (value x scale), each unordered pair once with every diagonal entry given; its diagonal is the
///   square of the `sm_err` column (checked to 1%).
/// Without them the rows are independent and eq. 5.1 is a sum of squares.
public struct TableCovariance: Sendable {
    /// Experimental correlation coefficients, row indices i != j.
    public let correlations: [(i: Int, j: Int, rho: Double)]
    /// The theory covariance, row-major n x n, or nil when only the diagonal sm_err is known.
    public let theory: [Double]?

    public static let none = TableCovariance(correlations: [], theory: nil)

    public init(correlations: [(i: Int, j: Int, rho: Double)], theory: [Double]?) {
        self.correlations = correlations
        self.theory = theory
    }

    /// Whether every row is independent of the others.
    public var isDiagonal: Bool { correlations.isEmpty && theory == nil }

    /// The files beside `tablePath` that hold the covariance.
    public static func files(besideTable tablePath: String) -> (correlations: String, theory: String) {
        let stem = tablePath.hasSuffix(".csv") ? String(tablePath.dropLast(4)) : tablePath
        return (stem + "_correlations.csv", stem + "_theory_covariance.csv")
    }

    /// Reads the covariance files beside a table if they exist.
    public init(besideTable tablePath: String, measurements: [Measurement]) throws {
        let files = Self.files(besideTable: tablePath)
        let index = Dictionary(uniqueKeysWithValues: measurements.enumerated().map { ($0.element.id, $0.offset) })
        func rows(_ csv: CSVTable, _ row: CSVTable.Row) throws -> (Int, Int) {
            let a = try csv.text(row, "id_a"), b = try csv.text(row, "id_b")
            guard let i = index[a] else { throw DataFileError(file: csv.file, line: row.line, field: "id_a", message: "no row '\(a)' in the table") }
            guard let j = index[b] else { throw DataFileError(file: csv.file, line: row.line, field: "id_b", message: "no row '\(b)' in the table") }
            return (i, j)
        }
        var correlations: [(i: Int, j: Int, rho: Double)] = []
        if FileManager.default.fileExists(atPath: files.correlations) {
            let csv = try CSVTable(contentsOf: files.correlations)
            try csv.requireColumns(["id_a", "id_b", "correlation"])
            var seen = Set<[Int]>()
            for row in csv.rows {
                let (i, j) = try rows(csv, row)
                let rho = try csv.number(row, "correlation")
                func fail(_ message: String) -> DataFileError {
                    DataFileError(file: csv.file, line: row.line, field: "correlation", message: message)
                }
                guard i != j else { throw fail("a row is not correlated with itself (the diagonal is 1)") }
                guard abs(rho) <= 1 else { throw fail("correlation \(rho) outside [-1, 1]") }
                guard let group = measurements[i].correlationGroup, group == measurements[j].correlationGroup else {
                    throw fail("'\(measurements[i].id)' and '\(measurements[j].id)' are not in one correlation group")
                }
                guard seen.insert([min(i, j), max(i, j)]).inserted else { throw fail("the pair appears twice") }
                correlations.append((i, j, rho))
            }
        }
        var theory: [Double]?
        if FileManager.default.fileExists(atPath: files.theory) {
            let csv = try CSVTable(contentsOf: files.theory)
            try csv.requireColumns(["id_a", "id_b", "covariance"])
            let n = measurements.count
            var matrix = [Double](repeating: 0, count: n * n), diagonal = Set<Int>()
            for row in csv.rows {
                let (i, j) = try rows(csv, row)
                let c = try csv.number(row, "covariance")
                if i == j {
                    let sm = measurements[i].smError
                    guard c >= 0, abs(c.squareRoot() - sm) <= 0.01 * sm else {
                        throw DataFileError(file: csv.file, line: row.line, field: "covariance",
                                            message: "diagonal of '\(measurements[i].id)' is \(c), not sm_err^2 = \(sm * sm) (to 1%)")
                    }
                    diagonal.insert(i)
                }
                matrix[i * n + j] = c
                matrix[j * n + i] = c
            }
            if let missing = (0..<n).first(where: { !diagonal.contains($0) }) {
                throw DataFileError(file: csv.file, message: "no diagonal entry for row '\(measurements[missing].id)'")
            }
            theory = matrix
        }
        self.init(correlations: correlations, theory: theory)
    }
}
