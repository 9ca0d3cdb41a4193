@testable import ChainStorage
import Ensemble
import Foundation
import Testing

/// emcee 3.1.6's own HDFBackend reads what darkz writes, and darkz reads what emcee writes,
/// through scripts/emcee_chain_file.py. Skipped, with the reason, when python3 with emcee and
/// h5py is not installed (`pip install emcee==3.1.6 h5py`).
@Suite("emcee interoperability",
       .enabled(if: EmceeScript.isAvailable, "python3 with emcee and h5py is not installed (pip install emcee==3.1.6 h5py)"))
struct EmceeInteropTests {
    /// With the rows in segments (virtual datasets mapping FILE.segments/...) and compacted, read
    /// from another working directory through a relative path, so that the segments are found
    /// beside the file and not in the working directory.
    @Test("emcee's HDFBackend reads darkz's chain, log_prob, blobs, accepted and last sample",
          arguments: [0, 1, 3], [false, true])
    func emceeReadsDarkz(blobs: Int, compacted: Bool) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs = directory.appendingPathComponent("runs"), elsewhere = directory.appendingPathComponent("elsewhere")
        for folder in [runs, elsewhere] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let url = runs.appendingPathComponent("darkz.h5")
        let sampler = try gaussianSampler(blobs: blobs)
        let writer = try ChainWriter.create(at: url, for: sampler)
        try writer.run(sampler, steps: 25, checkpointEvery: 10)
        if compacted { try writer.compact() }

        let emcee = try EmceeScript.run(["read", "../runs/darkz.h5", "--arviz"], directory: elsewhere)
        #expect(emcee.layout == (compacted ? "chunked" : "virtual"))
        #expect(emcee.compression == "gzip")
        #expect(emcee.iteration == 25)
        #expect(emcee.shape == [10, 3])
        #expect(emcee.chain_shape == [25, 10, 3])
        #expect(try emcee.values(\.chain) == bits(sampler.chain()))
        #expect(emcee.log_prob_shape == [25, 10])
        #expect(try emcee.values(\.log_prob) == bits(sampler.logDensities()))
        #expect(try emcee.values(\.accepted) == bits(sampler.acceptedCounts.map(Double.init)))
        switch blobs {
        case 0: #expect(emcee.blobs_shape == nil)
        case 1: #expect(emcee.blobs_shape == [25, 10])       // emcee's shape for one blob per walker
        default: #expect(emcee.blobs_shape == [25, 10, blobs])
        }
        if blobs > 0 { #expect(try emcee.values(\.blobs) == bits(sampler.blobs())) }
        #expect(try emcee.values(\.last_coords) == bits(sampler.state.positions))
        #expect(try emcee.values(\.last_log_prob) == bits(sampler.state.logDensities))
        if blobs > 0 { #expect(try emcee.values(\.last_blobs) == bits(sampler.state.blobs)) }
        #expect(emcee.last_random_state_is_none)
        if let arviz = emcee.arviz {  // ArviZ installed: InferenceData straight from the backend
            #expect(arviz.groups.contains("posterior"))
            #expect(arviz.posterior_dims["chain"] == 10 && arviz.posterior_dims["draw"] == 25)
        }
    }

    @Test("darkz reads a chain emcee wrote, with unused capacity after an interrupted run", arguments: [0, 1, 3])
    func darkzReadsEmcee(blobs: Int) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("emcee.h5")
        let emcee = try EmceeScript.run(["write", url.path, "--walkers", "8", "--ndim", "3", "--blobs", "\(blobs)",
                                         "--steps", "12", "--capacity", "20"])
        let file = try ChainFile(contentsOf: url, expecting: ChainShape(walkers: 8, dimension: 3, blobs: blobs))
        #expect(file.iteration == 12)
        #expect(bits(file.chain) == (try emcee.values(\.chain)))
        #expect(bits(file.logProbabilities) == (try emcee.values(\.log_prob)))
        #expect(bits(file.accepted) == (try emcee.values(\.accepted)))
        if blobs > 0 { #expect(bits(file.blobs) == (try emcee.values(\.blobs))) }
        #expect(file.samplerState == nil && file.metadata == ChainMetadata())
        #expect(file.emceeVersion == emcee.emcee_version)
        #expect(throws: ChainFileError.noSamplerState(path: url.path)) { try ChainWriter.resume(at: url) }
    }

    /// emcee cannot grow virtual datasets (h5py resizes chunked datasets only): on a file with
    /// segments its append fails and leaves the file as it was; a compacted file takes it.
    @Test("steps appended by emcee make darkz's state stale: readable, not resumable")
    func emceeAppendsToDarkz() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("darkz.h5")
        let sampler = try gaussianSampler(blobs: 3)
        let writer = try ChainWriter.create(at: url, for: sampler)
        try writer.run(sampler, steps: 10, checkpointEvery: 5)
        let segmented = try Data(contentsOf: url)
        #expect(throws: EmceeScript.Failed.self) { try EmceeScript.output(["append-step", url.path]) }
        #expect(try Data(contentsOf: url) == segmented)
        #expect(try ChainFile(contentsOf: url).iteration == 10)
        try writer.compact()
        try EmceeScript.output(["append-step", url.path])
        let file = try ChainFile(contentsOf: url)
        #expect(file.iteration == 11 && file.samplerState?.iteration == 10)
        #expect(bits(prefix(file.chain, steps: 10)) == bits(sampler.chain()))
        let stale = ChainFileError.staleSamplerState(path: url.path, stateIteration: 10, chainIteration: 11)
        #expect(throws: stale) { try ChainWriter.resume(at: url) }
        #expect(throws: stale) { try file.resumableState() }
    }
}

/// scripts/emcee_chain_file.py, run with python3.
enum EmceeScript {
    static let script = repositoryRoot.appendingPathComponent("scripts/emcee_chain_file.py")
    static let env = URL(fileURLWithPath: "/usr/bin/env")

    static let isAvailable: Bool = {
        (try? runProgram(env, ["python3", "-c", "import emcee, h5py"]).status) == 0
    }()

    /// What the script prints: emcee's view of a chain file; floats as float.hex() strings.
    struct View: Decodable {
        struct ArviZ: Decodable {
            var groups: [String]
            var posterior_dims: [String: Int]
        }
        var emcee_version: String
        var iteration: Int
        var shape: [Int]
        var chain_shape: [Int]
        var chain: [String]
        var log_prob_shape: [Int]
        var log_prob: [String]
        var accepted: [String]
        var blobs_shape: [Int]?
        var blobs: [String]?
        var last_coords: [String]
        var last_log_prob: [String]
        var last_blobs: [String]?
        var last_random_state_is_none: Bool
        /// "virtual" (rows in segments), "chunked" or "contiguous".
        var layout: String?
        /// The rows' compression filter ("gzip"), nil without one.
        var compression: String?
        /// nil without --arviz or without ArviZ installed.
        var arviz: ArviZ?

        /// Bit patterns of a list of float.hex() strings.
        func values(_ key: KeyPath<View, [String]>) throws -> [UInt64] { try Self.parse(self[keyPath: key]) }
        func values(_ key: KeyPath<View, [String]?>) throws -> [UInt64] { try Self.parse(self[keyPath: key] ?? []) }

        private static func parse(_ strings: [String]) throws -> [UInt64] {
            try strings.map { text in
                guard let value = Double(text) else { throw BadFloat(text: text) }
                return value.bitPattern
            }
        }
    }

    struct BadFloat: Error { var text: String }
    struct Failed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "scripts/emcee_chain_file.py exited with \(status): \(stderr)" }
    }

    /// Runs the script (in `directory`, if given) and returns what it printed.
    @discardableResult
    static func output(_ arguments: [String], directory: URL? = nil) throws -> Data {
        let result = try runProgram(env, ["python3", script.path] + arguments, directory: directory)
        guard result.status == 0 else { throw Failed(status: result.status, stderr: result.stderr) }
        return result.stdout
    }

    /// Runs `read` or `write` and decodes emcee's view of the file.
    static func run(_ arguments: [String], directory: URL? = nil) throws -> View {
        try JSONDecoder().decode(View.self, from: output(arguments, directory: directory))
    }
}
