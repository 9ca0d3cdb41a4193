import Foundation

/// The differential-independence mixture ensemble move (DIME; Boehl 2022, "Ensemble MCMC sampling
/// for robust Bayesian inference", emcee's `DIMEMove`): each walker proposes, with probability
/// `independenceProbability`, a draw from an adaptive multivariate t fitted to the ensemble's
/// history (`IndependenceProposal`; Hastings factor t(x)/t(y)), and otherwise a
/// differential-evolution step y = x + γ (c_i - c_j) + σ ε with ε ~ N(0, 1) added to every
/// coordinate, γ = 2.38/√(2d). The independence draws can jump between separated modes that the
/// local moves do not cross.
///
/// The proposal adapts (diminishingly: each step's weight is its probability mass relative to the
/// sum so far); one `DIMEMove` value belongs to one ensemble (`independentCopy()` makes another).
public struct DIMEMove: Move {
    public let sigma: Double
    public let independenceProbability: Double
    public let proposal: IndependenceProposal

    public init(sigma: Double = 1e-5, independenceProbability: Double = 0.1, degreesOfFreedom: Double = 10) {
        self.sigma = sigma
        self.independenceProbability = independenceProbability
        proposal = IndependenceProposal(degreesOfFreedom: degreesOfFreedom)
    }

    private init(sigma: Double, independenceProbability: Double, proposal: IndependenceProposal) {
        self.sigma = sigma
        self.independenceProbability = independenceProbability
        self.proposal = proposal
    }

    public func validate(walkers: Int, dimension: Int) throws {
        guard walkers / 2 >= 2 else {
            throw SamplerError.invalidMove("DIMEMove needs at least 2 walkers in each half of the ensemble; use at least 4 walkers.")
        }
        guard sigma >= 0, sigma.isFinite, (0...1).contains(independenceProbability),
              proposal.degreesOfFreedom > 2, proposal.degreesOfFreedom == proposal.degreesOfFreedom.rounded() else {
            throw SamplerError.invalidMove("DIMEMove needs sigma >= 0, an independence probability in [0, 1] and integer degrees of freedom > 2.")
        }
    }

    public func scratchCount(dimension: Int) -> Int { dimension }

    public func independentCopy() -> DIMEMove {
        DIMEMove(sigma: sigma, independenceProbability: independenceProbability, proposal: proposal.copy())
    }

    public func prepare(_ ensemble: EnsembleSnapshot) {
        proposal.update(positions: ensemble.positions, logDensities: ensemble.logDensities, accepted: ensemble.accepted,
                        walkers: ensemble.walkers, dimension: ensemble.dimension)
    }

    public var adaptiveState: [Double] { proposal.values }
    public func restoreAdaptiveState(_ values: [Double]) { proposal.restore(values) }

    public func propose(
        from position: UnsafeBufferPointer<Double>, complement: Complement,
        random: inout Xoshiro256StarStar, into proposalPoint: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let d = position.count
        if proposal.isReady && random.nextUniform() < independenceProbability {
            proposal.draw(into: proposalPoint, scratch: scratch, random: &random)
            return proposal.logDensity(position) - proposal.logDensity(UnsafeBufferPointer(proposalPoint))
        }
        let n = complement.count
        let i = random.nextInt(below: n)
        var j = random.nextInt(below: n - 1)
        if j >= i { j += 1 }
        let gamma = 2.38 / (2 * Double(d)).squareRoot()
        let noise = sigma * random.nextGaussian()
        let ci = complement[i], cj = complement[j]
        for k in 0..<d { proposalPoint[k] = position[k] + gamma * (ci[k] - cj[k]) + noise }
        return 0
    }
}
