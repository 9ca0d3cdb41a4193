import Ensemble
import Testing

@Suite("Sampler benchmark")
struct SamplerBenchmarkTests {
    @Test("A tiny benchmark run returns finite, positive figures (no timing assertions)")
    func tinyRun() throws {
        let result = try SamplerBenchmark.run(
            overheadSeconds: 0.01, overheadWalkers: 8, evaluationMicroseconds: 2,
            parallelWalkers: 8, parallelSteps: 2, repetitions: 1, threads: 2)
        #expect(result.proposalsPerSecond > 0 && result.proposalsPerSecond.isFinite)
        #expect(result.overheadProposals >= 5_000 * 8)
        #expect(result.evaluationMicroseconds > 0)
        #expect(result.speedup > 0 && result.speedup.isFinite)
        #expect(result.threads == 2)
    }
}
