import Ensemble
import Testing

/// Statistical validation with fixed seeds: sample averages agree with exact values within five
/// Monte Carlo standard errors (the MCSE of the mean as ArviZ computes it, walkers as chains; a
/// variance is checked as the mean of (x - mu)^2 with the exact mean mu; burn-in of about ten
/// autocorrelation times discarded, thinned to a fraction of an autocorrelation time). One
/// thread: these densities cost well under a microsecond, and results do not depend on the
/// thread count (see `ReproducibilityTests`).
@Suite("Sampler validation against exact moments")
struct SamplerValidationTests {
    /// |estimate - exact| / MCSE, checked against 5.
    static let limit = 5.0

    @Test("10-D correlated Gaussian, condition number 100: means and variances within 5 MCSE")
    func correlatedGaussian() throws {
        let target = CorrelatedGaussian()
        let start = InitialEnsemble.ball(around: [Double](repeating: 0, count: 10), scale: 0.1, walkers: 40, seed: 11)
        let sampler = try EnsembleSampler(target: target, initialPositions: start, seed: 12, threads: 1)
        sampler.run(steps: 12_000)  // stretch move: τ ≈ 100 steps
        let chain = sampler.chain(discard: 2_000, thin: 10)
        for k in 0..<10 {
            let meanZ = zScore(chain, dim: k, exact: target.mean[k])
            let mu = target.mean[k]
            let varianceZ = zScore(mapped(chain, dim: k) { ($0 - mu) * ($0 - mu) }, exact: target.variance(k))
            #expect(abs(meanZ) < Self.limit, "mean of x\(k): z = \(meanZ)")
            #expect(abs(varianceZ) < Self.limit, "variance of x\(k): z = \(varianceZ)")
        }
    }

    /// The stretch move alone needs τ ≈ 4200 steps here (32 walkers; emcee 3.1.6 agrees), too slow
    /// for a test of seconds; this mixture needs τ ≈ 1000, so 100,000 steps hold about 90 τ.
    @Test("Rosenbrock density: the marginal of x is N(1, 10), E[x] = 1 within 5 MCSE")
    func rosenbrockMarginal() throws {
        let moves = MoveMixture(DifferentialEvolutionMove(), weight: 0.4, DESnookerMove(), weight: 0.3)
            .adding(StretchMove(), weight: 0.3)
        let start = InitialEnsemble.ball(around: [1, 1], scale: 0.1, walkers: 32, seed: 21)
        let sampler = try EnsembleSampler(target: Rosenbrock(), moves: moves, initialPositions: start, seed: 22, threads: 1)
        sampler.run(steps: 100_000)
        let z = zScore(sampler.chain(discard: 10_000, thin: 20), exact: 1)
        #expect(abs(z) < Self.limit, "E[x]: z = \(z)")
    }

    @Test("Two separated Gaussians with weights 0.3/0.7, DE + snooker + stretch: weight within 5 MCSE")
    func bimodalWeight() throws {
        let start = InitialEnsemble.ball(around: [0, 0], scale: 3, walkers: 32, seed: 31)
        let moves = MoveMixture(DifferentialEvolutionMove(), weight: 0.7, DESnookerMove(), weight: 0.2)
            .adding(StretchMove(), weight: 0.1)
        let sampler = try EnsembleSampler(target: TwoGaussianMixture(), moves: moves, initialPositions: start, seed: 32, threads: 1)
        sampler.run(steps: 20_000)
        let left = mapped(sampler.chain(discard: 2_000, thin: 5), dim: 0) { $0 < 0 ? 1.0 : 0.0 }
        let z = zScore(left, exact: TwoGaussianMixture.massBelowZero)
        #expect(abs(z) < Self.limit, "weight of the left mode: z = \(z)")
    }
}
