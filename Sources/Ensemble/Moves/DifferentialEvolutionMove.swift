/// Differential-evolution move (ter Braak 2006) in the form of Nelson et al. (2014, eq. 10) used
/// by emcee's `DEMove`: y = x + γ (c_j - c_i) for two distinct complementary walkers, with
/// γ = γ0 (1 + σ N(0, 1)). The proposal is symmetric (no Hastings factor).
@frozen
public struct DifferentialEvolutionMove: Move {
    /// Relative spread of γ (default 1e-5).
    public let sigma: Double
    /// Mean γ; `nil` means 2.38 / √(2 d) (ter Braak 2006).
    public let gamma0: Double?

    public init(sigma: Double = 1e-5, gamma0: Double? = nil) {
        self.sigma = sigma
        self.gamma0 = gamma0
    }

    public func validate(walkers: Int, dimension: Int) throws {
        guard walkers / 2 >= 2 else {
            throw SamplerError.invalidMove("DifferentialEvolutionMove needs at least 2 walkers in each half of the ensemble; use at least 4 walkers.")
        }
        guard sigma >= 0, sigma.isFinite, gamma0.map({ $0.isFinite && $0 > 0 }) ?? true else {
            throw SamplerError.invalidMove("DifferentialEvolutionMove needs sigma >= 0 and gamma0 > 0, both finite.")
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
        let i = random.nextInt(below: n)
        var j = random.nextInt(below: n - 1)
        if j >= i { j += 1 }
        let g0 = gamma0 ?? 2.38 / (2 * Double(d)).squareRoot()
        let gamma = g0 * (1 + sigma * random.nextGaussian())
        let ci = complement[i], cj = complement[j]
        for k in 0..<d {
            proposal[k] = position[k] + gamma * (cj[k] - ci[k])
        }
        return 0
    }
}
