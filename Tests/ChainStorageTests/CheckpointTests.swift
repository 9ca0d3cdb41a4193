@testable import ChainStorage
import Ensemble
import Foundation
import Testing

/// Checkpoints append; a run resumed from the file continues it exactly as an uninterrupted run.
@Suite("Chain file checkpoints")
struct CheckpointTests {
    @Test("appending in checkpoints equals writing once")
    func appendAcrossCheckpoints() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let once = directory.appendingPathComponent("once.h5")
        let often = directory.appendingPathComponent("often.h5")
        let a = try gaussianSampler()
        try ChainWriter.create(at: once, for: a, metadata: sampleMetadata).run(a, steps: 53, checkpointEvery: 53)
        let b = try gaussianSampler()
        let writer = try ChainWriter.create(at: often, for: b, metadata: sampleMetadata)
        try writer.run(b, steps: 53, checkpointEvery: 7)   // 7 full checkpoints and a short one
        #expect(writer.iteration == 53)

        let x = try ChainFile(contentsOf: once), y = try ChainFile(contentsOf: often)
        #expect(bits(x.chain) == bits(y.chain) && bits(x.chain) == bits(b.chain()))
        #expect(bits(x.logProbabilities) == bits(y.logProbabilities))
        #expect(bits(x.blobs) == bits(y.blobs))
        #expect(x.accepted == y.accepted)
        #expect(x.samplerState == y.samplerState && y.samplerState == b.state)
        #expect(y.metadata == sampleMetadata)
    }

    @Test("resuming from the file continues bit for bit")
    func resumeContinuesExactly() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let first = try gaussianSampler()
        try ChainWriter.create(at: url, for: first, metadata: sampleMetadata).run(first, steps: 30, checkpointEvery: 10)

        let saved = try ChainFile(contentsOf: url, expecting: ChainShape(walkers: 10, dimension: 3, blobs: 2))
        let second = try resumedSampler(try saved.resumableState())
        let writer = try ChainWriter.resume(at: url, expecting: saved.shape)
        #expect(writer.iteration == 30)
        try writer.run(second, steps: 25, checkpointEvery: 10)

        let reference = try gaussianSampler()
        reference.run(steps: 55)
        let file = try ChainFile(contentsOf: url)
        #expect(file.iteration == 55)
        #expect(bits(file.chain) == bits(reference.chain()))
        #expect(bits(file.logProbabilities) == bits(reference.logDensities()))
        #expect(bits(file.blobs) == bits(reference.blobs()))
        #expect(file.accepted == reference.acceptedCounts.map(Double.init))
        #expect(file.samplerState == reference.state)
        #expect(file.metadata == sampleMetadata)
    }

    @Test("rows or states that do not continue the file are refused, the file unchanged")
    func refusesMisfits() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        let writer = try ChainWriter.create(at: url, for: sampler)
        try writer.run(sampler, steps: 5, checkpointEvery: 5)
        let before = try Data(contentsOf: url)

        sampler.run(steps: 3)
        let rows = ChainRows(positions: sampler.chain(discard: 5), logProbabilities: sampler.logDensities(discard: 5),
                             blobs: sampler.blobs(discard: 5), acceptedCounts: sampler.acceptedCounts)
        var old = sampler.state
        old.iteration = 7  // a state that is not the one after the rows
        #expect(throws: ChainFileError.self) { try writer.append(rows, state: old) }
        var narrow = rows
        narrow.acceptedCounts = [1, 2]
        #expect(throws: ChainFileError.self) { try writer.append(narrow, state: sampler.state) }
        let other = try gaussianSampler(walkers: 12)
        other.run(steps: 8)
        #expect(throws: ChainFileError.self) {
            try writer.append(ChainRows(positions: other.chain(discard: 5), logProbabilities: other.logDensities(discard: 5),
                                        blobs: other.blobs(discard: 5), acceptedCounts: other.acceptedCounts),
                              state: other.state)
        }
        #expect(try Data(contentsOf: url) == before)
        try writer.append(rows, state: sampler.state)
        #expect(try ChainFile(contentsOf: url).iteration == 8)

        #expect(throws: ChainFileError.fileExists(path: url.path)) { try ChainWriter.create(at: url, for: try gaussianSampler()) }
        let fresh = try gaussianSampler(seed: 9)
        _ = try ChainWriter.create(at: url, for: fresh, replacing: true)
        #expect(try ChainFile(contentsOf: url).iteration == 0)
    }
}
