@testable import ChainStorage
import Ensemble
import Foundation
import Testing

/// Checkpoints append segments (`<name>.segments`) and rewrite only the small chain file;
/// `compact()` makes the file self-contained again; a self-contained file that is resumed moves its
/// rows into a first segment.
@Suite("Chain file segments")
struct SegmentTests {
    @Test("each checkpoint adds one segment; the chain file itself stays small")
    func checkpointsAppendSegments() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler(walkers: 16)
        let writer = try ChainWriter.create(at: url, for: sampler, metadata: sampleMetadata)
        var records: [CheckpointRecord] = []
        writer.checkpointObserver = { records.append($0) }
        try writer.run(sampler, steps: 400, checkpointEvery: 20)
        let file = try ChainFile(contentsOf: url)
        #expect(file.segments.count == 20 && writer.isSegmented)
        #expect(file.segments.allSatisfy { $0.hasPrefix("run.h5.segments/steps-") })
        #expect(bits(file.chain) == bits(sampler.chain()) && bits(file.blobs) == bits(sampler.blobs()))
        #expect(records.map(\.iteration) == Array(stride(from: 20, through: 400, by: 20)))
        #expect(records.allSatisfy { $0.steps == 20 && $0.segmentBytes > 0 && $0.seconds > 0 })
        // the mappings add about 1 KB per checkpoint; the rows (20 x 16 x 6 doubles) go to segments
        let growth = records.last!.fileBytes - records.first!.fileBytes
        #expect(growth < 19 * 1_500, "the chain file grew by \(growth) bytes over 19 checkpoints")
    }

    @Test("compaction keeps every row bit for bit, removes the folder, and a resume continues it")
    func compactionAndResume() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let first = try gaussianSampler()
        let writer = try ChainWriter.create(at: url, for: first, metadata: sampleMetadata)
        try writer.run(first, steps: 30, checkpointEvery: 10)
        let segmented = try ChainFile(contentsOf: url)
        try writer.compact()
        let compact = try ChainFile(contentsOf: url)
        #expect(compact.segments.isEmpty && !writer.isSegmented)
        #expect(!FileManager.default.fileExists(atPath: writer.folder.url.path))
        #expect(bits(compact.chain) == bits(segmented.chain) && bits(compact.logProbabilities) == bits(segmented.logProbabilities))
        #expect(bits(compact.blobs) == bits(segmented.blobs) && compact.samplerState == segmented.samplerState)
        #expect(compact.metadata == sampleMetadata)
        try writer.compact()  // nothing to do

        // resumed: the rows move to a first segment at the next checkpoint
        let second = try resumedSampler(try compact.resumableState())
        let resumed = try ChainWriter.resume(at: url, expecting: compact.shape)
        #expect(!resumed.isSegmented)
        try resumed.run(second, steps: 20, checkpointEvery: 10)
        let file = try ChainFile(contentsOf: url)
        #expect(file.segments.count == 3 && file.segments[0].contains("steps-000000000-000000030-"))
        let reference = try gaussianSampler()
        reference.run(steps: 50)
        #expect(bits(file.chain) == bits(reference.chain()) && bits(file.blobs) == bits(reference.blobs()))
        #expect(file.samplerState == reference.state)
    }

    @Test("at most maximumSegments segments: the checkpoint that would add one more rewrites all rows into one")
    func segmentCountIsBounded() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        let writer = try ChainWriter.create(at: url, for: sampler, metadata: sampleMetadata)
        writer.maximumSegments = 4
        var counts: [Int] = []
        for _ in 0..<10 {
            sampler.run(steps: 10)
            try writer.append(from: sampler)
            let file = try ChainFile(contentsOf: url)
            counts.append(file.segments.count)
            #expect(file.segments == writer.segments)
            #expect(bits(file.chain) == bits(sampler.chain()) && bits(file.blobs) == bits(sampler.blobs()))
            #expect(file.samplerState == sampler.state)
            // the replaced segments stay for one more checkpoint, then go
            let inFolder = try FileManager.default.contentsOfDirectory(atPath: writer.folder.url.path).count
            #expect(inFolder <= file.segments.count + 4)
        }
        #expect(counts == [1, 2, 3, 4, 2, 3, 4, 2, 3, 4])
        #expect(try ChainFile(contentsOf: url).segments[0].contains("steps-000000000-000000070-"))
    }

    @Test("a compaction stopped at any phase leaves the segmented file")
    func interruptedCompaction() throws {
        for phase in [CheckpointPhase.written, .verified] {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let url = directory.appendingPathComponent("run.h5")
            let sampler = try gaussianSampler()
            let writer = try ChainWriter.create(at: url, for: sampler)
            try writer.run(sampler, steps: 20, checkpointEvery: 10)
            let before = try Data(contentsOf: url)
            writer.faultInjection = { current, _ in if current == phase { throw SimulatedCrash() } }
            #expect(throws: SimulatedCrash.self) { try writer.compact() }
            #expect(try Data(contentsOf: url) == before)
            #expect(try ChainFile(contentsOf: url).segments.count == 2)
            writer.faultInjection = nil
            try writer.compact()
            #expect(try ChainFile(contentsOf: url).segments.isEmpty)
        }
    }

    @Test("a checkpoint that fails takes its new segment with it")
    func failedCheckpointRemovesItsSegment() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        let writer = try ChainWriter.create(at: url, for: sampler)
        try writer.run(sampler, steps: 10, checkpointEvery: 10)
        struct DiskFull: Error {}
        writer.faultInjection = { phase, _ in if phase == .rowsWritten { throw DiskFull() } }
        sampler.run(steps: 5)
        #expect(throws: DiskFull.self) { try writer.append(from: sampler) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: writer.folder.url.path).count == 1)
        #expect(AtomicReplacement.partialFiles(beside: url).isEmpty)
    }

    @Test("a file moved with its folder reads; without it, the error names the folder")
    func movedAndMissingSegments() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler()
        try ChainWriter.create(at: url, for: sampler).run(sampler, steps: 20, checkpointEvery: 10)
        let moved = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        let target = moved.appendingPathComponent("run.h5")
        try FileManager.default.moveItem(at: url, to: target)
        try FileManager.default.moveItem(at: SegmentFolder(chainFile: url).url, to: SegmentFolder(chainFile: target).url)
        #expect(bits(try ChainFile(contentsOf: target).chain) == bits(sampler.chain()))

        let segments = try ChainFile(contentsOf: target).segments
        try FileManager.default.removeItem(at: SegmentFolder(chainFile: target).resolve(segments[1]))
        #expect(throws: ChainFileError.missingSegment(path: target.path, segment: segments[1])) { try ChainFile(contentsOf: target) }
        #expect(ChainFileError.missingSegment(path: target.path, segment: segments[1]).description.contains("run.h5.segments"))
        #expect(throws: ChainFileError.self) { try ChainWriter.resume(at: target) }
    }

    @Test("segments are compressed: repeated rows of rejected proposals take little space")
    func segmentsAreCompressed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.h5")
        let sampler = try gaussianSampler(walkers: 32, blobs: 2)
        let writer = try ChainWriter.create(at: url, for: sampler)
        var segmentBytes = 0
        writer.checkpointObserver = { segmentBytes += $0.segmentBytes }
        try writer.run(sampler, steps: 1_000, checkpointEvery: 500)
        let raw = 1_000 * 32 * (3 + 1 + 2) * 8
        #expect(segmentBytes < raw, "segments hold \(segmentBytes) bytes for \(raw) bytes of rows")
    }
}
