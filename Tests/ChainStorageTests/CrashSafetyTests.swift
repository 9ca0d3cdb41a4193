@testable import ChainStorage
import ChainStorageCrashHelper
import Ensemble
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "Output is never left half-written": a checkpoint writes its rows as a new segment, then a new
/// small file beside the chain file that maps them, renamed over it, so after a crash at any moment
/// the file opens and holds the rows and the state of one complete checkpoint.
@Suite("Chain file crash safety")
struct CrashSafetyTests {
    // MARK: Faults injected at each phase of a checkpoint

    @Test("a checkpoint stopped at any phase leaves the previous file byte for byte",
          arguments: [CheckpointPhase.segmentWritten, .contentsCopied, .rowsWritten, .written, .verified])
    func interruptedCheckpoint(phase: CheckpointPhase) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        let writer = try ChainWriter.create(at: url, for: sampler, metadata: sampleMetadata)
        try writer.run(sampler, steps: 30, checkpointEvery: 10)
        let before = try Data(contentsOf: url)
        let stateBefore = sampler.state

        writer.faultInjection = { current, _ in if current == phase { throw SimulatedCrash() } }
        sampler.run(steps: 10)
        #expect(throws: SimulatedCrash.self) { try writer.append(from: sampler) }
        #expect(try Data(contentsOf: url) == before)
        #expect(writer.iteration == 30)
        // what a killed writer leaves: the new segment, unreferenced, and (after it) the partial file
        #expect(AtomicReplacement.partialFiles(beside: url).count == (phase == .segmentWritten ? 0 : 1))
        let file = try ChainFile(contentsOf: url)
        #expect(file.iteration == 30 && file.segments.count == 3)
        #expect(try segmentFileNames(url).count == 4)
        #expect(try file.resumableState() == stateBefore)
        #expect(bits(file.chain) == bits(prefix(sampler.chain(), steps: 30)))
        _ = try ChainWriter.resume(at: url)  // the next writer removes the orphan
        #expect(try segmentFileNames(url) == file.segments.map { String($0.split(separator: "/").last!) })

        writer.faultInjection = nil
        try writer.append(from: sampler)
        let after = try ChainFile(contentsOf: url)
        #expect(after.iteration == 40 && bits(after.chain) == bits(sampler.chain()))
        #expect(after.samplerState == sampler.state)
    }

    @Test("a truncated partial file never replaces the good file")
    func truncatedPartialIsRejected() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        let writer = try ChainWriter.create(at: url, for: sampler)
        try writer.run(sampler, steps: 20, checkpointEvery: 20)
        let before = try Data(contentsOf: url)

        for keptFraction in [0.0, 0.5, 0.97] {
            writer.faultInjection = { phase, partial in
                guard phase == .written else { return }
                let size = try FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int ?? 0
                let handle = try FileHandle(forWritingTo: partial)
                try handle.truncate(atOffset: UInt64(Double(size) * keptFraction))
                try handle.close()
            }
            sampler.run(steps: 5)
            do {
                try writer.append(from: sampler)
                Issue.record("a truncated checkpoint (\(keptFraction)) was accepted")
            } catch let error as ChainFileError {
                guard case .checkpointVerificationFailed = error else { Issue.record("unexpected \(error)"); continue }
            }
            #expect(try Data(contentsOf: url) == before)
            #expect(AtomicReplacement.partialFiles(beside: url).isEmpty)  // deleted, not renamed
        }
        writer.faultInjection = nil
        try writer.append(from: sampler)
        #expect(try ChainFile(contentsOf: url).iteration == 35)
    }

    @Test("creating a file is all or nothing")
    func interruptedCreation() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        #expect(throws: SimulatedCrash.self) {
            try ChainWriter.create(at: url, shape: ChainShape(walkers: 10, dimension: 3, blobs: 2), metadata: sampleMetadata,
                                   initialState: sampler.state, groupName: "mcmc", replacing: false,
                                   faultInjection: { phase, _ in if phase == .verified { throw SimulatedCrash() } })
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        _ = try ChainWriter.create(at: url, for: sampler)
        #expect(try ChainFile(contentsOf: url).iteration == 0)
    }

    @Test("partial files of crashed writers are removed when the file is resumed")
    func abandonedPartialsAreRemoved() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        try ChainWriter.create(at: url, for: sampler).run(sampler, steps: 3, checkpointEvery: 3)
        // A process that has ended: its id names the abandoned partial file.
        let finished = try runProgramPID(URL(fileURLWithPath: "/bin/sh"), ["-c", "exit 0"])
        let abandoned = directory.appendingPathComponent(".run.h5.partial-\(finished)-abc")
        let ours = directory.appendingPathComponent(".run.h5.partial-\(getpid())-def")
        try Data("half a checkpoint".utf8).write(to: abandoned)
        try Data("a checkpoint in progress".utf8).write(to: ours)
        _ = try ChainWriter.resume(at: url)
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: ours.path))  // a live writer's file is left alone
    }

    // MARK: A real writer killed with SIGKILL

    /// Runs `CrashRun` in a child process (ChainStorageCrashHelper) and kills it with SIGKILL after
    /// a random delay, again and again; each restart resumes the file. After every kill the file
    /// must open and equal an uninterrupted in-process run up to its last checkpoint, with the
    /// sampler state of that checkpoint; at the end the resumed-and-killed run must equal the
    /// uninterrupted one bit for bit.
    @Test("SIGKILL at any moment leaves a consistent prefix and its state", .timeLimit(.minutes(5)))
    func killedWriter() throws {
        let helper = try crashHelperURL()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")

        let reference = try CrashRun.freshSampler()
        var states = [0: reference.state]
        for end in stride(from: CrashRun.checkpointEvery, through: CrashRun.totalSteps, by: CrashRun.checkpointEvery) {
            reference.run(steps: CrashRun.checkpointEvery)
            states[end] = reference.state
        }

        func checkFile(after round: Int) throws {
            let file = try ChainFile(contentsOf: url, expecting: CrashRun.shape)
            let n = file.iteration
            #expect(n % CrashRun.checkpointEvery == 0, "round \(round): \(n) steps is not a checkpoint")
            #expect(try file.resumableState() == states[n], "round \(round): state differs at step \(n)")
            #expect(bits(file.chain) == bits(prefix(reference.chain(), steps: n)), "round \(round)")
            #expect(bits(file.logProbabilities) == bits(prefix(reference.logDensities(), steps: n)), "round \(round)")
            #expect(bits(file.blobs) == bits(prefix(reference.blobs(), steps: n)), "round \(round)")
            #expect(file.accepted == states[n]?.acceptedCounts.map(Double.init), "round \(round)")
            #expect(file.metadata == CrashRun.metadata, "round \(round)")
        }

        var delays = Xoshiro256StarStar(seed: 77, stream: 0)
        var killsMidCheckpoint = 0
        var kills = 0
        var maxSegments = 0
        for round in 0..<24 {
            let process = Process()
            process.executableURL = helper
            process.arguments = [url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = round < 2 ? 2_000 * UInt32(round) : UInt32(Double(delays.next() >> 11) * 0x1.0p-53 * 150_000)
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                kills += 1
                // inside a checkpoint: a partial file, or a segment (or its partial) nothing refers to yet
                let referenced = (try? ChainFile(contentsOf: url).segments.count) ?? 0
                let inFolder = try segmentFileNames(url).count
                if !AtomicReplacement.partialFiles(beside: url).isEmpty || inFolder > referenced {
                    killsMidCheckpoint += 1
                }
            } else {
                #expect(process.terminationStatus == 0, "the helper failed in round \(round)")
            }
            // Killed before the file was first renamed into place: nothing to check.
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            try checkFile(after: round)
            maxSegments = max(maxSegments, try ChainFile(contentsOf: url).segments.count)
            if try ChainFile(contentsOf: url).iteration == CrashRun.totalSteps { break }  // a fast machine
        }
        #expect(kills >= 5)
        #expect(killsMidCheckpoint > 0, "no kill landed inside a checkpoint; the test did not exercise what it claims")
        #expect(maxSegments >= 3, "the file never held many segments; the append path was not exercised")

        let last = try runProgram(helper, [url.path])
        #expect(last.status == 0, "\(last.stderr)")
        try checkFile(after: 24)
        let final = try ChainFile(contentsOf: url)
        #expect(final.iteration == CrashRun.totalSteps)
        #expect(final.segments.isEmpty)  // compacted at the end
        #expect(!FileManager.default.fileExists(atPath: SegmentFolder(chainFile: url).url.path))
        #expect(AtomicReplacement.partialFiles(beside: url).isEmpty)  // the final resume cleaned up
        print("ChainStorage crash test: \(kills) kills, \(killsMidCheckpoint) inside a checkpoint, up to \(maxSegments) segments")
    }

    /// The files in a chain file's segment folder (segments and partial files), sorted.
    private func segmentFileNames(_ url: URL) throws -> [String] {
        let folder = SegmentFolder(chainFile: url).url
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The helper executable, built beside the test bundle.
    private func crashHelperURL() throws -> URL {
        var directory = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ChainStorageCrashHelper")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("ChainStorageCrashHelper")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw HelperMissing()
    }

    private struct HelperMissing: Error, CustomStringConvertible {
        var description: String { "ChainStorageCrashHelper was not found beside the test bundle; build it with swift build" }
    }

    /// Runs a program to its end and returns its process id.
    private func runProgramPID(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
