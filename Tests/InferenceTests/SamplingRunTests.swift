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

    /// [output] blobs: none, the two chi^2 parts (default; they add up to -2 log p inside the prior)
    /// or those and the 26 predictions; stored in the run settings, so a resume keeps the choice.
    @Test(arguments: BlobSelection.allCases)
    func blobsChoice(blobs: BlobSelection) throws {
        var (priors, s) = try settings(maxSteps: 40)
        s.temperatures = 1
        let file = temporaryFile("blobs-\(blobs.rawValue)")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try SamplingRun(priors: priors, settings: s, output: file, blobs: blobs, overwrite: true, threads: 1).run()
        let f = try ChainFile(contentsOf: file)
        #expect(f.shape.blobs == blobs.count(rows: 26) && f.metadata.blobNames.count == f.shape.blobs)
        #expect(f.metadata.blobNames.prefix(2) == (blobs == .none ? [] : ["chi2_binned", "chi2_constraints"]))
        if blobs != .none {
            for i in 0..<(f.iteration * f.shape.walkers) {
                let chi2 = f.blobs.values[i * f.shape.blobs] + f.blobs.values[i * f.shape.blobs + 1]
                #expect(abs(-0.5 * chi2 - f.logProbabilities.values[i]) <= 1e-9 * max(1, abs(chi2)))
            }
        }
        #expect(try SamplingRun.StoredRun(f).blobs == blobs)
        _ = try SamplingRun(resuming: file, maxSteps: 60, threads: 1).run(untilConverged: false)
        #expect(try ChainFile(contentsOf: file).shape.blobs == f.shape.blobs)
    }

    /// A chain file written by darkz before issue #14 (self-contained, uncompressed, all 28 blobs,
    /// no blobs in its run settings; Tests/Fixtures/chains/make_old_format.sh) resumes with its
    /// predictions: its 80 steps stay bit for bit, and continuing to 120 steps in one go equals
    /// continuing in two resumes (so the continuation does not depend on the physics code being the
    /// one that wrote the fixture); the resumed file ends compacted.
    @Test func resumesAnOldFormatFile() throws {
        setenv("DARKZ_DATA_DIR", RepositoryPaths.root + "/data", 1)
        let once = temporaryFile("old-format-once"), twice = temporaryFile("old-format-twice")
        defer { try? FileManager.default.removeItem(at: once); try? FileManager.default.removeItem(at: twice) }
        for copy in [once, twice] {
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(atPath: RepositoryPaths.root + "/Tests/Fixtures/chains/old-format-caseC.h5", toPath: copy.path)
        }
        let old = try ChainFile(contentsOf: once)
        #expect(old.shape == ChainShape(walkers: 4, dimension: 2, blobs: 28) && old.iteration == 80 && old.segments.isEmpty)
        #expect(try SamplingRun.StoredRun(old).blobs == .predictions)

        _ = try SamplingRun(resuming: once, maxSteps: 120, threads: 1).run(untilConverged: false)
        _ = try SamplingRun(resuming: twice, maxSteps: 100, threads: 2).run(untilConverged: false)
        _ = try SamplingRun(resuming: twice, maxSteps: 120, threads: 1).run(untilConverged: false)
        let a = try ChainFile(contentsOf: once), b = try ChainFile(contentsOf: twice)
        #expect(a.iteration == 120 && b.iteration == 120 && a.segments.isEmpty && a.shape.blobs == 28)
        #expect(a.chain.values.map(\.bitPattern) == b.chain.values.map(\.bitPattern))
        #expect(a.logProbabilities.values.map(\.bitPattern) == b.logProbabilities.values.map(\.bitPattern))
        #expect(a.blobs.values.map(\.bitPattern) == b.blobs.values.map(\.bitPattern))
        #expect(a.tempering == b.tempering && a.samplerState == b.samplerState)
        for (kept, original) in [(a.chain, old.chain), (a.logProbabilities, old.logProbabilities), (a.blobs, old.blobs)] {
            #expect(Array(kept.values.prefix(original.values.count)).map(\.bitPattern) == original.values.map(\.bitPattern))
        }
    }

    @Test func refusesToOverwrite() throws {
        let (priors, s) = try settings(maxSteps: 40)
        let file = temporaryFile("exists")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try SamplingRun(priors: priors, settings: s, output: file, overwrite: true, threads: 1).run()
        #expect(throws: (any Error).self) { try SamplingRun(priors: priors, settings: s, output: file, threads: 1) }
    }
}
