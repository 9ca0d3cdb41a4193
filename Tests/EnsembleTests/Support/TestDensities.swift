import Ensemble
import Foundation

/// N(μ, Σ) with Σ = H diag(λ) H, λ spaced geometrically from 1 to `conditionNumber`, H the
/// Householder reflection along (1, 2, ..., d): every parameter correlated with every other.
/// μ_k = k - (d - 1)/2.
struct CorrelatedGaussian: LogDensity {
    let dimension: Int
    let mean: [Double]
    let covariance: [Double]  // row-major
    let precision: [Double]   // row-major

    init(dimension d: Int = 10, conditionNumber: Double = 100) {
        let lambda = (0..<d).map { pow(conditionNumber, Double($0) / Double(d - 1)) }
        let v = (1...d).map(Double.init)
        let vv = v.reduce(0) { $0 + $1 * $1 }
        func h(_ i: Int, _ j: Int) -> Double { (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv }
        func conjugate(_ diag: [Double]) -> [Double] {
            var m = [Double](repeating: 0, count: d * d)
            for i in 0..<d { for j in 0..<d { for k in 0..<d { m[i * d + j] += h(i, k) * diag[k] * h(k, j) } } }
            return m
        }
        dimension = d
        mean = (0..<d).map { Double($0) - Double(d - 1) / 2 }
        covariance = conjugate(lambda)
        precision = conjugate(lambda.map { 1 / $0 })
    }

    func variance(_ k: Int) -> Double { covariance[k * dimension + k] }

    /// Rows of the covariance matrix.
    var covarianceRows: [[Double]] {
        (0..<dimension).map { Array(covariance[($0 * dimension)..<(($0 + 1) * dimension)]) }
    }

    func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        let d = dimension
        return precision.withUnsafeBufferPointer { p in
            mean.withUnsafeBufferPointer { mu in
                var q = 0.0
                for i in 0..<d {
                    var row = 0.0
                    for j in 0..<d { row += p[i * d + j] * (x[j] - mu[j]) }
                    q += (x[i] - mu[i]) * row
                }
                return -0.5 * q
            }
        }
    }
}

/// The Rosenbrock density of Goodman & Weare (2010, eq. 16), p ∝ exp(-(100 (y - x²)² + (1 - x)²)/20):
/// x ~ N(1, 10) exactly, y | x ~ N(x², 0.1). Blob: the exponent's first term.
struct Rosenbrock: LogDensity {
    let dimension = 2
    let blobCount = 1

    func logDensity(_ p: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        let x = p[0], y = p[1]
        let ridge = 100 * (y - x * x) * (y - x * x)
        blobs[0] = ridge
        return -(ridge + (1 - x) * (1 - x)) / 20
    }
}

/// 0.3 N((-4, 0), I) + 0.7 N((4, 0), I): two modes 8 standard deviations apart.
struct TwoGaussianMixture: LogDensity {
    let dimension = 2
    static let leftWeight = 0.3
    static let separation = 4.0

    func logDensity(_ p: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        let s = TwoGaussianMixture.separation
        let left = log(TwoGaussianMixture.leftWeight) - 0.5 * ((p[0] + s) * (p[0] + s) + p[1] * p[1])
        let right = log(1 - TwoGaussianMixture.leftWeight) - 0.5 * ((p[0] - s) * (p[0] - s) + p[1] * p[1])
        let top = max(left, right)
        return top + log(exp(left - top) + exp(right - top))
    }

    /// P(x < 0) exactly: the left weight plus the tails that cross zero.
    static var massBelowZero: Double {
        let tail = 0.5 * erfc(separation / 2.0.squareRoot())  // Φ(-4)
        return leftWeight * (1 - tail) + (1 - leftWeight) * tail
    }
}

/// Values of parameter `dim` of a chain, flattened step-major (as emcee's flat chain).
func flatSeries(_ chain: ChainArray, dim: Int) -> [Double] {
    (0..<(chain.nSteps * chain.nWalkers)).map { chain.values[$0 * chain.nDim + dim] }
}

/// One parameter of a chain mapped through `f`, as a one-dimensional chain (walkers stay chains).
func mapped(_ chain: ChainArray, dim: Int, _ f: (Double) -> Double) -> ChainArray {
    let values = (0..<(chain.nSteps * chain.nWalkers)).map { f(chain.values[$0 * chain.nDim + dim]) }
    return ChainArray(nSteps: chain.nSteps, nWalkers: chain.nWalkers, nDim: 1, values: values)
}

/// (sample mean - exact) / MCSE of the mean, the MCSE as ArviZ computes it (walkers as chains).
func zScore(_ chain: ChainArray, dim: Int = 0, exact: Double) -> Double {
    let series = flatSeries(chain, dim: dim)
    let mean = series.reduce(0, +) / Double(series.count)
    return (mean - exact) / chain.monteCarloStandardErrorOfMean(dim: dim)
}
