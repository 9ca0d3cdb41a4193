@preconcurrency import CGSL
import DataFiles

/// A function tabulated on increasing abscissae, interpolated linearly with GSL (gsl_interp_linear,
/// evaluated without an accelerator so one table serves all threads). Zero below the first point;
/// the last value above the last point.
public final class TabulatedFunction: @unchecked Sendable {
    public let x: [Double]
    public let y: [Double]
    private let interpolation: UnsafeMutablePointer<gsl_interp>

    public init(x: [Double], y: [Double], source: String) throws {
        _ = gslReturnsErrorCodes
        guard x.count >= 2, x.count == y.count else {
            throw DataFileError(file: source, message: "a table needs at least two (x, y) rows")
        }
        for k in 1..<x.count where !(x[k] > x[k - 1]) {
            throw DataFileError(file: source, message: "abscissae must increase (row \(k + 1): \(x[k]) after \(x[k - 1]))")
        }
        self.x = x
        self.y = y
        interpolation = gsl_interp_alloc(gsl_interp_linear, x.count)
        _ = x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in gsl_interp_init(interpolation, xs.baseAddress, ys.baseAddress, x.count) }
        }
    }

    /// Reads a two-column whitespace table (x, y).
    public convenience init(contentsOf path: String) throws {
        let table = try NumericTable(contentsOf: path, columns: 2)
        try self.init(x: table.column(0), y: table.column(1), source: path)
    }

    deinit { gsl_interp_free(interpolation) }

    public func callAsFunction(_ t: Double) -> Double {
        if t < x[0] { return 0 }
        if t >= x[x.count - 1] { return y[y.count - 1] }
        return x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in gsl_interp_eval(interpolation, xs.baseAddress, ys.baseAddress, t, nil) }
        }
    }
}
