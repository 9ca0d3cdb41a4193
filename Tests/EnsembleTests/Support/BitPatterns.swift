import Ensemble

/// Bit patterns, for bit-for-bit comparisons (== on Double ignores the sign of zero and NaN).
func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

/// Bit patterns of a chain's values.
func bits(_ chain: ChainArray) -> [UInt64] { bits(chain.values) }

/// A 4-D Gaussian with two blobs (the squared radius and 2 x0), for exactness tests.
struct BlobGaussian: LogDensity {
    let dimension = 4
    let blobCount = 2

    func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        var r2 = 0.0
        for k in 0..<4 { r2 += Double(k + 1) * x[k] * x[k] }
        blobs[0] = r2
        blobs[1] = 2 * x[0]
        return -0.5 * r2
    }
}

/// Every move once: the weighted mixture used by the exactness tests.
func allMoves() throws -> some MoveSchedule {
    MoveMixture(StretchMove(), weight: 1, DifferentialEvolutionMove(), weight: 1)
        .adding(DESnookerMove(), weight: 1)
        .adding(WalkMove(), weight: 1)
        .adding(WalkMove(helpers: 3), weight: 1)
        .adding(try GaussianMove(covariance: .diagonal(variances: [0.5, 0.4, 0.3, 0.2])), weight: 1)
        .adding(try GaussianMove(covariance: .full([[1, 0.5, 0, 0], [0.5, 1, 0, 0], [0, 0, 0.3, 0], [0, 0, 0, 0.2]])), weight: 1)
        .adding(try GaussianMove(covariance: .isotropic(variance: 0.3)), weight: 1)
}
