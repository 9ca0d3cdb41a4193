/// A Metropolis step with a Gaussian proposal y = x + L z, z ~ N(0, I), L Lᵀ = Σ: emcee's
/// `GaussianMove` in "vector" mode. Every walker proposes independently from its own stream
/// (no complement; `subsetCount == 1`), all walkers in parallel.
///
/// For a full covariance L = V Λ^(1/2) from the eigen-decomposition Σ = V Λ Vᵀ, which also admits
/// semi-definite Σ.
public struct GaussianMove: Move {
    public let covariance: ProposalCovariance
    /// Number of parameters the covariance is for; `nil` for an isotropic one (any dimension).
    public let dimension: Int?
    @usableFromInline let kind: Kind
    /// Standard deviations (diagonal) or row-major square root L (full).
    @usableFromInline let root: [Double]

    @usableFromInline enum Kind: Sendable { case isotropic(Double), diagonal, full }

    /// Throws `SamplerError.invalidMove` for a negative or non-finite variance, a non-square
    /// matrix, or one that is not symmetric positive semi-definite.
    public init(covariance: ProposalCovariance) throws {
        self.covariance = covariance
        func bad(_ why: String) -> SamplerError {
            .invalidMove("GaussianMove: \(why). Pass a covariance that is symmetric positive semi-definite with finite entries.")
        }
        switch covariance {
        case .isotropic(let v):
            guard v >= 0, v.isFinite else { throw bad("the variance \(v) is negative or not finite") }
            kind = .isotropic(v.squareRoot()); root = []; dimension = nil
        case .diagonal(let vs):
            guard !vs.isEmpty, vs.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw bad("the diagonal variances are empty, negative or not finite")
            }
            kind = .diagonal; root = vs.map { $0.squareRoot() }; dimension = vs.count
        case .full(let rows):
            let n = rows.count
            guard n > 0, rows.allSatisfy({ $0.count == n }) else { throw bad("the matrix is empty or not square") }
            let flat = rows.flatMap { $0 }
            guard flat.allSatisfy(\.isFinite) else { throw bad("the matrix has non-finite entries") }
            let scale = flat.lazy.map(abs).max() ?? 0
            for i in 0..<n { for j in 0..<i where abs(rows[i][j] - rows[j][i]) > 1e-12 * scale {
                throw bad("the matrix is not symmetric (entry \(i),\(j))")
            } }
            let eigen = SymmetricEigen(flat, n: n)
            let largest = eigen.values.max() ?? 0
            guard eigen.values.allSatisfy({ $0 >= -1e-12 * largest }) else {
                throw bad("the matrix has a negative eigenvalue \(eigen.values.min()!)")
            }
            var l = [Double](repeating: 0, count: n * n)
            for j in 0..<n {
                let s = max(eigen.values[j], 0).squareRoot()
                for i in 0..<n { l[i * n + j] = eigen.vectors[i * n + j] * s }
            }
            kind = .full; root = l; dimension = n
        }
    }

    public var subsetCount: Int { 1 }

    public func scratchCount(dimension: Int) -> Int {
        if case .full = kind { return dimension }
        return 0
    }

    public func validate(walkers: Int, dimension: Int) throws {
        if let own = self.dimension, own != dimension {
            throw SamplerError.invalidMove("GaussianMove has a \(own)-dimensional covariance but the target has \(dimension) parameters.")
        }
    }

    @inlinable
    public func propose(
        from position: UnsafeBufferPointer<Double>, complement: Complement,
        random: inout Xoshiro256StarStar, into proposal: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let d = position.count
        switch kind {
        case .isotropic(let sigma):
            for k in 0..<d { proposal[k] = position[k] + sigma * random.nextGaussian() }
        case .diagonal:
            root.withUnsafeBufferPointer { sd in
                for k in 0..<d { proposal[k] = position[k] + sd[k] * random.nextGaussian() }
            }
        case .full:
            for k in 0..<d { scratch[k] = random.nextGaussian() }
            root.withUnsafeBufferPointer { l in
                for i in 0..<d {
                    var sum = 0.0
                    for j in 0..<d { sum += l[i * d + j] * scratch[j] }
                    proposal[i] = position[i] + sum
                }
            }
        }
        return 0
    }
}
