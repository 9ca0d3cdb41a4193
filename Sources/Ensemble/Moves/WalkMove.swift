/// The "walk move" of Goodman & Weare (2010, sec. 3), emcee's `WalkMove`: y = x + W with W
/// Gaussian with the sample covariance of `helpers` complementary walkers chosen without
/// replacement (all of them by default). W = Σ_j Z_j (c_j - c̄) / √(s - 1), Z_j ~ N(0, 1), which
/// has exactly that covariance and needs no factorisation. Symmetric: no Hastings factor.
@frozen
public struct WalkMove: Move {
    /// Number of helper walkers s; `nil` means the whole complement.
    public let helpers: Int?

    public init(helpers: Int? = nil) { self.helpers = helpers }

    public func scratchCount(dimension: Int) -> Int { dimension }

    public func validate(walkers: Int, dimension: Int) throws {
        let complement = walkers / 2
        if let s = helpers, s < 2 || s > complement {
            throw SamplerError.invalidMove("WalkMove(helpers: \(s)) needs 2 <= helpers <= \(complement) (the smaller half of \(walkers) walkers); pass nil to use the whole complement.")
        }
        if helpers == nil && complement < 2 {
            throw SamplerError.invalidMove("WalkMove needs at least 2 complementary walkers; use at least 4 walkers.")
        }
    }

    @inlinable
    public func propose(
        from position: UnsafeBufferPointer<Double>, complement: Complement,
        random: inout Xoshiro256StarStar, into proposal: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let d = position.count
        let n = complement.count
        let s = helpers ?? n
        // Accumulate, relative to x for accuracy: proposal = Σ Z_j (c_j - x), scratch = Σ (c_j - x).
        for k in 0..<d { proposal[k] = 0; scratch[k] = 0 }
        var zSum = 0.0
        var needed = s
        for j in 0..<n where needed > 0 {
            // Selection sampling (Knuth, TAOCP vol. 2, alg. 3.4.2 S): uniform s-subset, in order.
            if s < n && Double(n - j) * random.nextUniform() >= Double(needed) { continue }
            needed -= 1
            let c = complement[j]
            let z = random.nextGaussian()
            zSum += z
            for k in 0..<d {
                let y = c[k] - position[k]
                proposal[k] += z * y
                scratch[k] += y
            }
        }
        let meanWeight = zSum / Double(s)
        let norm = 1 / Double(s - 1).squareRoot()
        for k in 0..<d {
            proposal[k] = position[k] + norm * (proposal[k] - meanWeight * scratch[k])
        }
        return 0
    }
}
