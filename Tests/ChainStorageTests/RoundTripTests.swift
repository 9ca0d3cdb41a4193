@testable import ChainStorage
import Ensemble
import Foundation
import Testing

/// What darkz writes, darkz reads back bit for bit: rows, accepted counts, sampler state and
/// metadata, for every blob layout of emcee's (none, one float, an array of floats).
@Suite("Chain file round trip")
struct RoundTripTests {
    @Test("a sampler's run reads back bit for bit", arguments: [0, 1, 3])
    func samplerRoundTrip(blobs: Int) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler(blobs: blobs)
        var metadata = sampleMetadata
        metadata.blobNames = (0..<blobs).map { "blob\($0)" }
        let writer = try ChainWriter.create(at: url, for: sampler, metadata: metadata)
        try writer.run(sampler, steps: 40, checkpointEvery: 40)

        let file = try ChainFile(contentsOf: url)
        #expect(file.shape == ChainShape(walkers: 10, dimension: 3, blobs: blobs))
        #expect(file.iteration == 40)
        #expect(file.emceeVersion == "3.1.6")
        #expect(bits(file.chain) == bits(sampler.chain()))
        #expect(bits(file.logProbabilities) == bits(sampler.logDensities()))
        #expect(bits(file.blobs) == bits(sampler.blobs()))
        #expect(file.blobs.nDim == blobs)
        #expect(file.accepted == sampler.acceptedCounts.map(Double.init))
        #expect(file.acceptanceFraction == sampler.acceptanceFraction)
        #expect(file.metadata == metadata)
        let state = try file.resumableState()
        #expect(state == sampler.state)
        #expect(bits(state.positions) == bits(sampler.state.positions))
        #expect(bits(state.logDensities) == bits(sampler.state.logDensities))
    }

    @Test("special values and the sign of zero survive; no metadata is fine")
    func specialValues() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("special.h5")
        let shape = ChainShape(walkers: 2, dimension: 2, blobs: 2)
        let specials: [Double] = [-0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan, -.infinity, .infinity,
                                  Double(bitPattern: 0x7FF8_0000_DEAD_BEEF), Double(bitPattern: 0x0000_1234_5678_9ABC)]
        let positions = ChainArray(nSteps: 2, nWalkers: 2, nDim: 2, values: specials)
        let logProbabilities = ChainArray(nSteps: 2, nWalkers: 2, nDim: 1, values: [-0.0, -.infinity, .nan, 0])
        let blobs = ChainArray(nSteps: 2, nWalkers: 2, nDim: 2, values: specials.reversed())
        let state = SamplerState(
            walkerCount: 2, dimension: 2, blobCount: 2, iteration: 2, positions: [1, 2, 3, 4], logDensities: [-1, -2],
            blobs: [.nan, .infinity, -0.0, 5], walkerStreams: [.init(seed: 1, stream: 1), .init(seed: 1, stream: 2)],
            samplerStream: .init(seed: 1, stream: 0), acceptedCounts: [2, 0], nonFiniteCounts: [0, 1])
        let writer = try ChainWriter.create(at: url, shape: shape)
        try writer.append(ChainRows(positions: positions, logProbabilities: logProbabilities, blobs: blobs,
                                    acceptedCounts: [2, 0]), state: state)

        let file = try ChainFile(contentsOf: url, expecting: shape)
        #expect(bits(file.chain) == bits(positions))
        #expect(bits(file.logProbabilities) == bits(logProbabilities))
        #expect(bits(file.blobs) == bits(blobs))
        #expect(file.metadata == ChainMetadata())
        let stored = try #require(file.samplerState)
        #expect(stored.walkerStreams == state.walkerStreams && stored.samplerStream == state.samplerStream)
        #expect(stored.blobs[0].isNaN && stored.blobs[1] == .infinity)
        #expect(bits(Array(stored.blobs[2...])) == bits(Array(state.blobs[2...])))
    }

    @Test("a new file holds no steps and the initial state; emcee's group name is configurable")
    func emptyFileAndGroupName() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("empty.h5")
        let sampler = try gaussianSampler()
        _ = try ChainWriter.create(at: url, for: sampler, metadata: sampleMetadata, groupName: "case_a")
        let file = try ChainFile(contentsOf: url, groupName: "case_a")
        #expect(file.iteration == 0 && file.chain.nSteps == 0)
        #expect(try file.resumableState() == sampler.state)
        #expect(throws: ChainFileError.groupMissing(path: url.path, group: "mcmc", available: ["case_a"])) {
            try ChainFile(contentsOf: url)
        }
        #expect(throws: ChainFileError.invalidGroupName("a/b")) {
            try ChainWriter.create(at: directory.appendingPathComponent("x.h5"), for: sampler, groupName: "a/b")
        }
    }
}
