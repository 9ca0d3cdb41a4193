import ChainStorage
import Foundation
import Testing
import Inference

/// `darkz sample` / `darkz resume` at the library level on case C with a short run.
@Suite("Sampling runs with chain files", .serialized)
struct SamplingRunTests {
    func settings(maxSteps: Int) throws -> (PriorsFile, SamplerSettings) {
        setenv("DARKZ_DATA_DIR", RepositoryPaths.root + "/data", 1)
        let priors = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseC.toml")
        var s = priors.sampler
        s.walkers = 8; s.maxSteps = maxSteps; s.checkEvery = 40; s.checkpointEvery = 40; s.seed = 11
        return (priors, s)
    }

    func temporaryFile(_ name: String) -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("darkz-\(name)-\(getpid()).h5")
    }

    /// A run interrupted after a checkpoint and resumed equals the uninterrupted run bit for bit:
    /// untempered, and tempered (the shipped 12 temperatures) with the ladder's adaptation ending
    /// before or after the interruption at step 80.
    @Test(arguments: [(1, 0), (12, 60), (12, 120)])
    func resumedRunEqualsUninterrupted(temperatures: Int, adaptation: Int) throws {
        var (priors, s) = try settings(maxSteps: 160)
        s.temperatures = temperatures
        s.adaptationSteps = adaptation
        let whole = temporaryFile("whole"), parts = temporaryFile("parts")
        defer { try? FileManager.default.removeItem(at: whole); try? FileManager.default.removeItem(at: parts) }
        _ = try SamplingRun(priors: priors, settings: s, output: whole, overwrite: true, threads: 2).run()
        _ = try SamplingRun(priors: priors, settings: s, output: parts, overwrite: true, threads: 1).run(stoppingAt: 80)
        let halfway = try ChainFile(contentsOf: parts)
        #expect(halfway.iteration == 80)
        _ = try SamplingRun(resuming: parts, threads: 2).run()
        let a = try ChainFile(contentsOf: whole), b = try ChainFile(contentsOf: parts)
        #expect(a.iteration == b.iteration)
        #expect(a.chain.values.map(\.bitPattern) == b.chain.values.map(\.bitPattern))
        #expect(a.logProbabilities.values.map(\.bitPattern) == b.logProbabilities.values.map(\.bitPattern))
        #expect(a.blobs.values.map(\.bitPattern) == b.blobs.values.map(\.bitPattern))
        #expect(a.tempering == b.tempering)
        #expect(a.tempering?.history.temperatures == (temperatures > 1 ? temperatures : nil))
        #expect(a.metadata.parameterNames == ["log10(mZD)", "gMu"])
        #expect(a.metadata.priorsText?.contains("case = \"C\"") == true)
    }

    @Test func refusesToOverwrite() throws {
        let (priors, s) = try settings(maxSteps: 40)
        let file = temporaryFile("exists")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try SamplingRun(priors: priors, settings: s, output: file, overwrite: true, threads: 1).run()
        #expect(throws: (any Error).self) { try SamplingRun(priors: priors, settings: s, output: file, threads: 1) }
    }
}
