import Ensemble
import Testing

@Suite("Running until converged")
struct ConvergenceRunTests {
    func sampler(seed: UInt64) throws -> EnsembleSampler<ClosureLogDensity, StretchMove> {
        let target = ClosureLogDensity(dimension: 3) { x in -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]) }
        let start = InitialEnsemble.ball(around: [0, 0, 0], scale: 0.5, walkers: 16, seed: seed)
        return try EnsembleSampler(target: target, initialPositions: start, seed: seed, threads: 1)
    }

    @Test func stopsWhenTheRuleHolds() throws {
        let s = try sampler(seed: 5)
        var checks = 0
        let last = try #require(s.run(maxSteps: 50_000, checkEvery: 200) { _ in checks += 1 })
        #expect(last.check.isConverged)
        #expect(s.iteration < 50_000)
        #expect(s.iteration == 200 * checks)
        #expect(last.tau.allSatisfy { Double(s.iteration) >= 50 * $0 })
        #expect(!last.chainTooShortForTau)
    }

    @Test func stopsAtTheMaximumOtherwise() throws {
        let s = try sampler(seed: 6)
        let last = try #require(s.run(maxSteps: 400, checkEvery: 200))
        #expect(s.iteration == 400)
        #expect(!last.check.isConverged)
        #expect(last.chainTooShortForTau)
    }
}
