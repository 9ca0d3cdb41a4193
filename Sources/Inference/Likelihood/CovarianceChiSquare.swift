import CGSL
import DataFiles

/// The chi^2 of eq. 5.1 as a quadratic form over chosen table rows when they are correlated:
///   chi^2 = r^T C^{-1} r,   r_i = measured_i - predicted_i,   C = D R D + T,
/// with D = diag(sigma_exp,i) (the row's error components in quadrature under the error convention),
/// R the experimental correlation matrix (1 on the diagonal, `TableCovariance.correlations` off it)
/// and T the theory covariance (`TableCovariance.theory`, or diag(sm_err^2)). For independent rows
/// this is the sum of squares of eq. 5.1. C is factorised once (GSL's Cholesky) when sigma_exp does not
/// depend on the prediction (the `mean` convention) and per evaluation otherwise.
public struct CovarianceChiSquare: Sendable {
    /// Table row indices, in the order of the residuals.
    public let rows: [Int]
    /// R and T restricted to `rows`, row-major k x k.
    let correlation: [Double]
    let theory: [Double]
    /// The Cholesky factor of C for the `mean` convention (GSL's packed form), when it applies.
    let meanFactor: [Double]?

    /// The form for `rows` of `table`; throws when C is not positive definite.
    public init(table: MeasurementTable, rows: [Int]) throws {
        self.rows = rows
        let k = rows.count, n = table.measurements.count
        let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element, $0.offset) })
        var correlation = [Double](repeating: 0, count: k * k)
        for a in 0..<k { correlation[a * k + a] = 1 }
        for c in table.covariance.correlations {
            guard let a = position[c.i], let b = position[c.j] else { continue }
            correlation[a * k + b] = c.rho
            correlation[b * k + a] = c.rho
        }
        var theory = [Double](repeating: 0, count: k * k)
        for (a, i) in rows.enumerated() {
            for (b, j) in rows.enumerated() {
                if let t = table.covariance.theory { theory[a * k + b] = t[i * n + j] }
                else if a == b { theory[a * k + b] = table.measurements[i].smError * table.measurements[i].smError }
            }
        }
        self.correlation = correlation
        self.theory = theory
        let sigma = rows.map { table.measurements[$0].experimentalError(convention: .mean, prediction: table.measurements[$0].value) }
        guard let factor = Self.factor(correlation: correlation, theory: theory, sigmaExp: sigma) else {
            throw DataFileError(file: table.source, message: "the covariance of the chosen rows is not positive definite (check the correlation and theory-covariance files)")
        }
        meanFactor = factor
    }

    /// C = D R D + T factorised, or nil when it is not positive definite.
    static func factor(correlation: [Double], theory: [Double], sigmaExp: [Double]) -> [Double]? {
        _ = gslReturnsErrorCodes
        let k = sigmaExp.count
        var c = [Double](repeating: 0, count: k * k)
        for a in 0..<k { for b in 0..<k { c[a * k + b] = sigmaExp[a] * correlation[a * k + b] * sigmaExp[b] + theory[a * k + b] } }
        let status = c.withUnsafeMutableBufferPointer { p -> Int32 in
            var m = gsl_matrix_view_array(p.baseAddress, k, k)
            return gsl_linalg_cholesky_decomp1(&m.matrix)
        }
        return status == GSL_SUCCESS ? c : nil
    }

    /// r^T C^{-1} r for residuals r and experimental errors sigma_exp (both in `rows` order);
    /// `sigmaFixed` says that sigma_exp is the `mean` convention's (the precomputed factor is used,
    /// and nothing is allocated).
    public func value(residuals r: UnsafeBufferPointer<Double>, sigmaExp: UnsafeBufferPointer<Double>, sigmaFixed: Bool) -> Double {
        guard let factor = sigmaFixed ? meanFactor : Self.factor(correlation: correlation, theory: theory, sigmaExp: Array(sigmaExp)) else {
            return .infinity
        }
        let k = r.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { xp in
            factor.withUnsafeBufferPointer { fp in
                var m = gsl_matrix_const_view_array(fp.baseAddress, k, k)
                var bv = gsl_vector_const_view_array(r.baseAddress, k)
                var xv = gsl_vector_view_array(xp.baseAddress, k)
                _ = gsl_linalg_cholesky_solve(&m.matrix, &bv.vector, &xv.vector)
            }
            var chi2 = 0.0
            for a in 0..<k { chi2 += r[a] * xp[a] }
            return chi2
        }
    }

    public func value(residuals r: [Double], sigmaExp: [Double], sigmaFixed: Bool) -> Double {
        r.withUnsafeBufferPointer { rp in sigmaExp.withUnsafeBufferPointer { value(residuals: rp, sigmaExp: $0, sigmaFixed: sigmaFixed) } }
    }
}
