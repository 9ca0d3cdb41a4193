@testable import ChainStorage
import Ensemble
import Foundation
import Testing

/// A 3-parameter Gaussian likelihood on a uniform box, split into prior and likelihood, with two
/// blobs, for tempered chain files.
struct TemperedGaussian: TemperableDensity {
    let dimension = 3
    let blobCount = 2
    func logPriorAndLikelihood(_ x: UnsafeBufferPointer<Double>,
                               blobs: UnsafeMutableBufferPointer<Double>) -> (logPrior: Double, logLikelihood: Double) {
        blobs[0] = x[0]
        blobs[1] = 2 * x[0]
        for v in x where abs(v) > 5 { return (-.infinity, .nan) }
        return (0, -0.5 * (x[0] * x[0] + 4 * x[1] * x[1] + 0.25 * x[2] * x[2]))
    }
}

func temperedSampler(temperatures k: Int = 4, seed: UInt64 = 3, resumingFrom state: TemperedSamplerState? = nil) throws
    -> TemperedSampler<TemperedGaussian, StretchMove>
{
    if let state { return try TemperedSampler(target: TemperedGaussian(), moves: StretchMove(), resumingFrom: state, threads: 1) }
    let starts = (0..<k).map { InitialEnsemble.ball(around: [0.2, -0.1, 0.3], scale: 0.3, walkers: 10, seed: seed &+ 100 &+ UInt64($0)) }
    return try TemperedSampler(target: TemperedGaussian(), moves: StretchMove(),
                               ladder: .geometric(temperatures: k, dimension: 3, adaptationSteps: 20),
                               initialPositions: starts, seed: seed, threads: 1)
}

/// Tempered runs in chain files: the β = 1 chain in emcee's layout, the tempering record beside it,
/// and a resume through the file identical to an uninterrupted run.
@Suite("Tempered chain files")
struct TemperedFileTests {
    @Test("Round trip: β = 1 rows, history and tempered state read back bit for bit")
    func roundTrip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("tempered.h5")
        let sampler = try temperedSampler()
        let writer = try ChainWriter.create(at: url, for: sampler, metadata: sampleMetadata)
        for _ in 0..<3 {
            sampler.run(steps: 15)
            try writer.append(from: sampler)
        }
        let file = try ChainFile(contentsOf: url)
        #expect(file.iteration == 45)
        #expect(file.shape == ChainShape(walkers: 10, dimension: 3, blobs: 2))
        #expect(bits(file.chain) == bits(sampler.chain()))
        #expect(bits(file.logProbabilities) == bits(sampler.logDensities()))
        #expect(bits(file.blobs) == bits(sampler.blobs()))
        #expect(file.samplerState == sampler.coldState)
        let tempering = try #require(file.tempering)
        #expect(tempering.history == sampler.history)
        #expect(tempering.state == sampler.state)
        #expect(try file.resumableTemperedState() == sampler.state)
    }

    @Test("Resume from the file's last checkpoint equals the uninterrupted run")
    func resumeThroughFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("tempered.h5")
        let whole = try temperedSampler()
        whole.run(steps: 60)
        let first = try temperedSampler()
        let writer = try ChainWriter.create(at: url, for: first)
        first.run(steps: 25)
        try writer.append(from: first)
        let stored = try ChainFile(contentsOf: url)
        let second = try temperedSampler(resumingFrom: stored.resumableTemperedState())
        second.run(steps: 35)
        try ChainWriter.resume(at: url, expecting: stored.shape).append(from: second)
        let file = try ChainFile(contentsOf: url)
        #expect(bits(file.chain) == bits(whole.chain()))
        #expect(file.tempering?.history == whole.history)
        #expect(file.tempering?.state == whole.state)
    }

    @Test("One temperature writes no tempering record: the file is an untempered run's")
    func oneTemperature() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("plain.h5")
        let sampler = try temperedSampler(temperatures: 1)
        let writer = try ChainWriter.create(at: url, for: sampler)
        sampler.run(steps: 10)
        try writer.append(from: sampler)
        let file = try ChainFile(contentsOf: url)
        #expect(file.tempering == nil)
        #expect(try file.resumableTemperedState() == TemperedSamplerState(untempered: sampler.coldState))
    }

    @Test("emcee's HDFBackend and ArviZ read the β = 1 chain of a tempered file",
          .enabled(if: EmceeScript.isAvailable, "python3 with emcee and h5py is not installed"))
    func emceeReadsColdChain() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("tempered.h5")
        let sampler = try temperedSampler()
        let writer = try ChainWriter.create(at: url, for: sampler)
        sampler.run(steps: 25)
        try writer.append(from: sampler)
        let emcee = try EmceeScript.run(["read", url.path, "--arviz"])
        #expect(emcee.chain_shape == [25, 10, 3])
        if let arviz = emcee.arviz {  // ArviZ installed: InferenceData of the beta = 1 chain
            #expect(arviz.posterior_dims["chain"] == 10 && arviz.posterior_dims["draw"] == 25)
        }
        #expect(try emcee.values(\.chain) == bits(sampler.chain()))
        #expect(try emcee.values(\.log_prob) == bits(sampler.logDensities()))
        #expect(try emcee.values(\.blobs) == bits(sampler.blobs()))
    }
}
