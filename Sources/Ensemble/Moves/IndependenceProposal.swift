import Foundation

/// The adaptive proposal of the DIME move (Boehl 2022; emcee's `DIMEMove`): a multivariate t with
/// ν degrees of freedom whose mean and covariance are running averages of the ensemble's, each
/// step's ensemble weighted by its probability mass, w_t = Σ_walkers p(x) · (fraction of walkers that
/// moved in the last step) / W, so that steps spent far from the posterior weigh little.
///
/// Owned by one ensemble: updated between steps by `update(positions:logDensities:accepted:)` (one
/// thread) and read by all walkers during a step. Its numbers are part of the sampler state
/// (`values`), so a resumed run continues bit for bit.
public final class IndependenceProposal: @unchecked Sendable {
    public let degreesOfFreedom: Double
    private(set) var dimension = 0
    /// ln Σ_t w_t (−∞ before the first update).
    private(set) var cumulativeLogWeight = -Double.infinity
    private(set) var mean: [Double] = []
    /// Row-major d × d running covariance of the ensemble.
    private(set) var covariance: [Double] = []
    /// Accepted counts per walker at the last update.
    private(set) var acceptedAtUpdate: [Int] = []
    // Σ_t = covariance (ν - 2)/ν = V Λ Vᵀ: rows of V Λ^(1/2) (for draws) and 1/λ (for densities).
    private(set) var eigenvectors: [Double] = []
    private(set) var inverseEigenvalues: [Double] = []
    private(set) var rootScale: [Double] = []

    public init(degreesOfFreedom: Double = 10) { self.degreesOfFreedom = degreesOfFreedom }

    /// A fresh proposal with the same settings, for another ensemble.
    public func copy() -> IndependenceProposal { IndependenceProposal(degreesOfFreedom: degreesOfFreedom) }

    public var isReady: Bool { !mean.isEmpty }

    /// Folds the current ensemble (W walkers x d, walker-major) into the running mean and covariance.
    func update(positions: UnsafePointer<Double>, logDensities: UnsafePointer<Double>, accepted: UnsafePointer<Int>,
                walkers w: Int, dimension d: Int) {
        if !isReady {
            dimension = d
            mean = [Double](repeating: 0, count: d)
            covariance = [Double](repeating: 0, count: d * d)
            acceptedAtUpdate = [Int](repeating: 0, count: w)
        }
        var moved = 0
        for i in 0..<w where accepted[i] != acceptedAtUpdate[i] || cumulativeLogWeight == -.infinity { moved += 1 }
        for i in 0..<w { acceptedAtUpdate[i] = accepted[i] }
        var top = -Double.infinity
        for i in 0..<w where logDensities[i] > top { top = logDensities[i] }
        var sum = 0.0
        for i in 0..<w { sum += exp(logDensities[i] - top) }
        let logWeight = moved == 0 || !top.isFinite ? -.infinity : top + log(sum) + log(Double(moved)) - log(Double(w))
        guard logWeight > -.infinity else { return }
        let newCumulative = cumulativeLogWeight == -.infinity ? logWeight
            : max(cumulativeLogWeight, logWeight) + log1p(exp(-abs(cumulativeLogWeight - logWeight)))
        let keep = cumulativeLogWeight == -.infinity ? 0 : exp(cumulativeLogWeight - newCumulative)
        let take = exp(logWeight - newCumulative)
        let (m, c) = EnsembleGeometry.meanAndCovariance(positions, walkers: w, dimension: d)
        for k in 0..<d { mean[k] = keep * mean[k] + take * m[k] }
        for k in 0..<(d * d) { covariance[k] = keep * covariance[k] + take * c[k] }
        cumulativeLogWeight = newCumulative
        factorise()
    }

    private func factorise() {
        let d = dimension, nu = degreesOfFreedom
        let scale = covariance.map { $0 * (nu - 2) / nu }
        let eigen = SymmetricEigen(scale, n: d)
        let largest = max(eigen.values.max() ?? 0, .leastNormalMagnitude)
        let lambda = eigen.values.map { max($0, 1e-14 * largest) }
        eigenvectors = eigen.vectors
        inverseEigenvalues = lambda.map { 1 / $0 }
        rootScale = (0..<(d * d)).map { eigen.vectors[$0] * lambda[$0 % d].squareRoot() }
    }

    /// Draws y ~ t_ν(mean, Σ_t) into `y`: y = mean + V Λ^(1/2) z / √(χ²_ν / ν).
    func draw(into y: UnsafeMutableBufferPointer<Double>, scratch z: UnsafeMutableBufferPointer<Double>,
              random: inout Xoshiro256StarStar) {
        let d = dimension
        for k in 0..<d { z[k] = random.nextGaussian() }
        var chi2 = 0.0
        for _ in 0..<Int(degreesOfFreedom) { let g = random.nextGaussian(); chi2 += g * g }
        let factor = 1 / (chi2 / degreesOfFreedom).squareRoot()
        for i in 0..<d {
            var s = 0.0
            for j in 0..<d { s += rootScale[i * d + j] * z[j] }
            y[i] = mean[i] + factor * s
        }
    }

    /// ln t_ν(x) up to the constant: -(ν + d)/2 ln(1 + δ²/ν), δ² = (x - mean)ᵀ Σ_t⁻¹ (x - mean).
    func logDensity(_ x: UnsafeBufferPointer<Double>) -> Double {
        let d = dimension
        var delta2 = 0.0
        for j in 0..<d {
            var projection = 0.0
            for i in 0..<d { projection += eigenvectors[i * d + j] * (x[i] - mean[i]) }
            delta2 += projection * projection * inverseEigenvalues[j]
        }
        return -(degreesOfFreedom + Double(d)) / 2 * log1p(delta2 / degreesOfFreedom)
    }

    /// The state as numbers: [ln Σw, d, mean (d), covariance (d²), accepted counts (W)]; empty before
    /// the first update.
    public var values: [Double] {
        guard isReady else { return [] }
        return [cumulativeLogWeight, Double(dimension)] + mean + covariance + acceptedAtUpdate.map(Double.init)
    }

    /// Restores `values` (as written by `values`).
    public func restore(_ v: [Double]) {
        guard v.count >= 2 else { return }
        let d = Int(v[1])
        cumulativeLogWeight = v[0]
        dimension = d
        mean = Array(v[2..<(2 + d)])
        covariance = Array(v[(2 + d)..<(2 + d + d * d)])
        acceptedAtUpdate = v[(2 + d + d * d)...].map { Int($0) }
        if cumulativeLogWeight > -.infinity { factorise() }
    }
}
