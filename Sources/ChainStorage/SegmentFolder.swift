import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rows of one row dataset (chain, log_prob, blobs, a tempering dataset) for one segment:
/// `rows` rows of `rowShape` elements of `elementCount` doubles each, row-major.
struct RowBlock {
    /// The dataset's name in a segment file.
    var name: String
    var rows: Int
    var rowShape: [Int]
    var elementCount: Int
    var values: [Double]

    /// Doubles per row.
    var valuesPerRow: Int { rowShape.reduce(1, *) * elementCount }
}

/// The folder `<chain file name>.segments` beside a chain file: one small HDF5 file per checkpoint
/// with that checkpoint's rows, written beside its final name, verified, fsynced, renamed into
/// place, and never modified afterwards (see `ChainWriter` for how the chain file maps them).
///
/// A segment `steps-<first>-<end>-<token>.h5` holds the steps `first ..< end` in root datasets
/// named as the chain group's (`chain`, `log_prob`, `blobs`, and `betas`, `log_likelihood`,
/// `swaps_accepted` of a tempered run), chunked and deflate-compressed, with the root attributes
/// `format` ("darkz-chain-segment"), `first_step` and `steps`. The token keeps the segments of
/// different attempts at the same steps (a crash, then a resume) apart.
struct SegmentFolder {
    static let format = "darkz-chain-segment"
    static let firstStepAttribute = "first_step"
    static let stepsAttribute = "steps"

    /// The chain file the folder belongs to.
    let chainFile: URL

    var name: String { chainFile.lastPathComponent + ".segments" }
    var url: URL { chainFile.deletingLastPathComponent().appendingPathComponent(name, isDirectory: true) }

    /// A segment's path (as the chain file's mappings store it, relative to its directory) as a URL.
    func resolve(_ relativePath: String) -> URL {
        relativePath.hasPrefix("/") ? URL(fileURLWithPath: relativePath)
            : chainFile.deletingLastPathComponent().appendingPathComponent(relativePath)
    }

    /// Writes the steps `firstStep ..< firstStep + steps` as a new segment and returns its path
    /// relative to the chain file's directory. When this returns, the segment is durable under its
    /// final name; nothing refers to it until a checkpoint of the chain file does.
    func write(_ blocks: [RowBlock], firstStep: Int, steps: Int) throws -> String {
        precondition(steps >= 1 && blocks.allSatisfy { $0.rows == steps && $0.values.count == steps * $0.valuesPerRow })
        let segment = try newSegment(firstStep: firstStep, steps: steps)
        do {
            try HDF5Library.run(path: segment.partial.path) {
                let file = try createSegmentFile(segment.partial, firstStep: firstStep, steps: steps)
                for block in blocks {
                    try file.createSegmentDataset(block.name, rows: steps, rowShape: block.rowShape, elementCount: block.elementCount)
                        .writeRows(start: 0, rows: steps, block.values)
                }
                try file.close("closing \(segment.partial.lastPathComponent)")
            }
            try verify(segment.partial, blocks, steps: steps)
            try commit(segment)
        } catch {
            try? FileManager.default.removeItem(at: segment.partial)
            throw error
        }
        return segment.path
    }

    /// A new segment's path (relative to the chain file's directory), final URL and partial URL,
    /// with the folder created if needed.
    func newSegment(firstStep: Int, steps: Int) throws -> (path: String, final: URL, partial: URL) {
        try createFolderIfNeeded()
        let fileName = String(format: "steps-%09d-%09d-%08x.h5", firstStep, firstStep + steps, UInt32.random(in: 0...UInt32.max))
        let final = url.appendingPathComponent(fileName)
        return (name + "/" + fileName, final, AtomicReplacement.partialURL(beside: final))
    }

    /// Creates a partial segment file with its attributes (inside `HDF5Library.run`).
    func createSegmentFile(_ partial: URL, firstStep: Int, steps: Int) throws -> H5Object {
        let file = try H5Object.createFile(partial.path, locking: false)
        try file.writeAttribute("format", string: Self.format)
        try file.writeAttribute(Self.firstStepAttribute, int64: Int64(firstStep))
        try file.writeAttribute(Self.stepsAttribute, int64: Int64(steps))
        return file
    }

    /// Makes a written and verified partial segment durable under its final name.
    func commit(_ segment: (path: String, final: URL, partial: URL)) throws {
        try AtomicReplacement.synchronize(segment.partial)
        try AtomicReplacement.replace(segment.final, with: segment.partial)
    }

    /// Reads a written segment back and compares it bit for bit with what was meant.
    private func verify(_ partial: URL, _ blocks: [RowBlock], steps: Int) throws {
        let matches = try HDF5Library.run(path: partial.path) {
            let file = try H5Object.openFile(partial.path, locking: false)
            guard try file.readInt64Attribute(Self.stepsAttribute) == Int64(steps) else { return false }
            for block in blocks {
                let stored = try file.openDataset(block.name).readRows(steps).values
                guard stored.count == block.values.count,
                      zip(stored, block.values).allSatisfy({ $0.bitPattern == $1.bitPattern }) else { return false }
            }
            return true
        }
        guard matches else {
            throw ChainFileError.checkpointVerificationFailed(path: chainFile.path, reason: "the segment \(partial.lastPathComponent) does not read back as written")
        }
    }

    private func createFolderIfNeeded() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) } catch {
            throw ChainFileError.io(path: url.path, operation: "creating the segment folder", detail: "\(error)")
        }
        try AtomicReplacement.synchronizeDirectory(chainFile.deletingLastPathComponent())
    }

    /// Deletes the files of the folder that `referenced` (paths relative to the chain file's
    /// directory) does not name, except partial files of running processes (this one's included),
    /// and the folder itself once it is empty. Called by the one writer of the chain file, whose
    /// committed file names every segment a reader may need; failures are ignored (a leftover
    /// file is only disk space).
    func removeUnreferenced(keeping referenced: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        var left = 0
        for fileName in names {
            if referenced.contains(name + "/" + fileName) { left += 1; continue }
            if let pid = Self.partialWriter(fileName), pid == getpid() || AtomicReplacement.isRunning(pid) { left += 1; continue }
            if (try? FileManager.default.removeItem(at: url.appendingPathComponent(fileName))) == nil { left += 1 }
        }
        if left == 0 { try? FileManager.default.removeItem(at: url) }
    }

    /// The process id in a partial file's name (`.<name>.partial-<pid>-<random>`), or nil.
    private static func partialWriter(_ fileName: String) -> pid_t? {
        guard fileName.hasPrefix("."), let range = fileName.range(of: ".partial-") else { return nil }
        return fileName[range.upperBound...].split(separator: "-").first.flatMap { pid_t($0) }
    }
}
