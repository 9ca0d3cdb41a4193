@testable import ChainStorage
import Ensemble
import Foundation
import Testing

/// Files of another shape, and files that are not chain files, fail with errors that say so.
@Suite("Chain file shape and kind")
struct ShapeMismatchTests {
    @Test("a file written with another walker count is refused with a clear message")
    func otherWalkerCount() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler(walkers: 10)
        try ChainWriter.create(at: url, for: sampler).run(sampler, steps: 4, checkpointEvery: 4)

        let wanted = ChainShape(walkers: 32, dimension: 3, blobs: 2)
        let found = ChainShape(walkers: 10, dimension: 3, blobs: 2)
        let expected = ChainFileError.shapeMismatch(path: url.path, expected: wanted, found: found)
        #expect(throws: expected) { try ChainFile(contentsOf: url, expecting: wanted) }
        #expect(throws: expected) { try ChainWriter.resume(at: url, expecting: wanted) }
        #expect(expected.description.contains("10 walkers where 32 are expected"))
        #expect(throws: ChainFileError.shapeMismatch(path: url.path, expected: ChainShape(walkers: 10, dimension: 4, blobs: 0),
                                                     found: found)) {
            try ChainFile(contentsOf: url, expecting: ChainShape(walkers: 10, dimension: 4, blobs: 0))
        }
        // The sampler state of another ensemble cannot be appended either.
        let other = try gaussianSampler(walkers: 32)
        other.run(steps: 4)
        #expect(throws: ChainFileError.self) { try ChainWriter.resume(at: url).append(from: other) }
    }

    @Test("missing files, non-HDF5 files and files without a darkz state")
    func notChainFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.h5")
        #expect(throws: ChainFileError.fileNotFound(path: missing.path)) { try ChainFile(contentsOf: missing) }
        #expect(throws: ChainFileError.fileNotFound(path: missing.path)) { try ChainWriter.resume(at: missing) }

        let text = directory.appendingPathComponent("notes.h5")
        try Data("not an HDF5 file\n".utf8).write(to: text)
        do {
            _ = try ChainFile(contentsOf: text)
            Issue.record("a text file was read as a chain file")
        } catch let error as ChainFileError {
            guard case .notHDF5 = error else { Issue.record("unexpected \(error)"); return }
        }

        // An emcee-style file without the darkz group reads, but cannot be resumed.
        let url = directory.appendingPathComponent("plain.h5")
        let shape = ChainShape(walkers: 4, dimension: 2)
        let writer = try ChainWriter.create(at: url, shape: shape)
        #expect(try ChainFile(contentsOf: url).samplerState == nil)
        #expect(throws: ChainFileError.noSamplerState(path: url.path)) { try ChainWriter.resume(at: url) }
        #expect(throws: ChainFileError.noSamplerState(path: url.path)) { try ChainFile(contentsOf: url).resumableState() }
        _ = writer
    }
}
