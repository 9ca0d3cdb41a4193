/// Shape of a set of walkers, to refuse degenerate initial ensembles: walkers confined to a
/// lower-dimensional subspace stay there under stretch and DE moves (Goodman & Weare 2010), and
/// emcee refuses them too (`walkers_independent`).
enum EnsembleGeometry {
    /// Smallest over largest eigenvalue of the walkers' sample correlation matrix (scale-free);
    /// 0 when a parameter does not vary. `positions` is walkers x dimension, walker-major.
    static func relativeSmallestEigenvalue(_ positions: [Double], walkers: Int, dimension d: Int) -> Double {
        let cov = positions.withUnsafeBufferPointer { meanAndCovariance($0.baseAddress!, walkers: walkers, dimension: d).covariance }
        for i in 0..<d where !(cov[i * d + i] > 0) { return 0 }
        var corr = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                let r = cov[i * d + j] / (cov[i * d + i] * cov[j * d + j]).squareRoot()
                corr[i * d + j] = r
                corr[j * d + i] = r
            }
        }
        let values = SymmetricEigen(corr, n: d).values
        guard let largest = values.max(), let smallest = values.min(), largest > 0 else { return 0 }
        return max(smallest, 0) / largest
    }

    /// Mean and sample covariance (divisor walkers - 1, row-major d x d, both triangles) of the
    /// walkers' positions (walker-major).
    static func meanAndCovariance(_ positions: UnsafePointer<Double>, walkers: Int, dimension d: Int)
        -> (mean: [Double], covariance: [Double]) {
        var mean = [Double](repeating: 0, count: d)
        for w in 0..<walkers { for k in 0..<d { mean[k] += positions[w * d + k] } }
        for k in 0..<d { mean[k] /= Double(walkers) }
        var cov = [Double](repeating: 0, count: d * d)
        for w in 0..<walkers {
            for i in 0..<d {
                let di = positions[w * d + i] - mean[i]
                for j in 0...i { cov[i * d + j] += di * (positions[w * d + j] - mean[j]) }
            }
        }
        for i in 0..<d {
            for j in 0...i {
                cov[i * d + j] /= Double(max(walkers - 1, 1))
                cov[j * d + i] = cov[i * d + j]
            }
        }
        return (mean, cov)
    }
}
