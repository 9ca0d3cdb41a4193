import CGSL

/// Eigen-decomposition of a real symmetric matrix by GSL (`gsl_eigen_symmv`), used for the square
/// root of a proposal covariance and for the rank of an initial ensemble.
struct SymmetricEigen {
    /// Eigenvalues, in GSL's (unspecified) order.
    let values: [Double]
    /// Eigenvectors as columns of an n x n row-major matrix: vector j is `vectors[i * n + j]`.
    let vectors: [Double]
    let n: Int

    /// Decomposes the n x n row-major symmetric `matrix`.
    init(_ matrix: [Double], n: Int) {
        precondition(matrix.count == n * n && n > 0, "SymmetricEigen needs an n x n matrix")
        var a = matrix
        var values = [Double](repeating: 0, count: n)
        var vectors = [Double](repeating: 0, count: n * n)
        let workspace = gsl_eigen_symmv_alloc(n)
        defer { gsl_eigen_symmv_free(workspace) }
        a.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { vp in
                vectors.withUnsafeMutableBufferPointer { ep in
                    var am = gsl_matrix_view_array(ap.baseAddress, n, n)
                    var vv = gsl_vector_view_array(vp.baseAddress, n)
                    var em = gsl_matrix_view_array(ep.baseAddress, n, n)
                    _ = gsl_eigen_symmv(&am.matrix, &vv.vector, &em.matrix, workspace)
                }
            }
        }
        self.values = values
        self.vectors = vectors
        self.n = n
    }
}
