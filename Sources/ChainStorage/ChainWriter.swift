import Ensemble
import Foundation

/// Writes a chain file in emcee's HDFBackend layout (`EmceeLayout`) with darkz's sampler state
/// beside it (`DarkzLayout`), one checkpoint at a time.
///
///     let writer = try ChainWriter.create(at: url, for: sampler, metadata: ChainMetadata(
///         parameterNames: ["M_ZD", "epsilon"], priorsText: priors, seed: 42))
///     try writer.run(sampler, steps: 20_000, checkpointEvery: 500)
///     try writer.compact()   // optional: one self-contained file again
///     // after an interruption:
///     let file = try ChainFile(contentsOf: url)
///     let sampler = try EnsembleSampler(target: posterior, moves: moves, resumingFrom: file.samplerState!)
///     try ChainWriter.resume(at: url, expecting: file.shape).run(sampler, steps: 10_000, checkpointEvery: 500)
///
/// ## Crash safety: append-only segments, a small file renamed over the old one
///
/// No file a reader can see is ever modified in place. A checkpoint
/// 1. writes its new rows (chain, log_prob, blobs, and a tempered run's betas, log-likelihoods and
///    swaps) as a new *segment*: a small chunked, deflate-compressed HDF5 file in the folder
///    `<name>.segments` beside the file, written under a partial name, read back and compared bit
///    for bit, `fsync`ed and renamed into place (`SegmentFolder`); nothing refers to it yet;
/// 2. creates a partial file `.<name>.partial-<pid>-<random>` beside the chain file and copies the
///    current file's objects into it with `H5Ocopy`: metadata, `accepted`, the sampler state and,
///    for the rows, *virtual datasets* (HDF5 1.10's VDS) that only map rows to segments;
/// 3. replaces each row dataset by a virtual dataset with one more mapping (the new segment), then
///    replaces `accepted`, the sampler state and its `iteration` attribute, and sets the group's
///    `iteration` last, the order emcee's own `save_step` uses;
/// 4. closes it, reopens it read-only and checks the header, the expected iteration, the state and
///    that every mapped segment exists (a partial file that does not read back is deleted, with
///    the new segment, and the checkpoint fails, leaving the old file);
/// 5. `fsync`s it, `rename(2)`s it over `url` and `fsync`s the directory.
///
/// `rename` within one directory is atomic on POSIX: whenever the process dies (SIGKILL, or a power
/// cut after the fsyncs), `url` is either the previous checkpoint's file, whose segments are all
/// complete and never change, or the new one, whose new segment was durable before it was renamed
/// in. Rows, accepted counts and sampler state always come from the same checkpoint, so a reader
/// never sees a state newer than the chain rows. A segment or partial file left by a killed writer
/// is referred to by nothing; `create`, `resume` and `compact` delete them (`removeUnreferenced`).
///
/// The cost of a checkpoint is that of writing its own rows plus rewriting the small file (state
/// and one mapping per segment and row dataset, about 240 bytes each): it does not grow with the
/// rows stored, as copying the whole file at every checkpoint (darkz before issue #14) did. Only
/// the mappings grow, by a few hundred bytes per checkpoint (case C untempered, 40 checkpoints of
/// 1000 steps: 30 KB to 58 KB, each checkpoint 22-75 ms; before, 19 ms rising to 329-424 ms), and
/// they are bounded by `maximumSegments`.
///
/// A file maps at most `maximumSegments` (128) segments: libhdf5 keeps every segment open while it
/// reads a virtual dataset and reads those beyond the open-file limit (`ulimit -n`; 256 by default
/// on macOS) as NaN without an error. The checkpoint that would map one more first rewrites all rows
/// into one segment (streamed, read back, renamed in like any segment), so one checkpoint in 128
/// costs a pass over the chain; the segments it replaces are deleted one checkpoint later, when a
/// reader that had the previous file open has long opened them. With the shipped settings (1000
/// steps per checkpoint, at most 40,000 steps) a run never gets there.
///
/// `compact()` (called by `darkz sample` and `resume` at the end of a run, and by `darkz compact`)
/// writes the rows back into ordinary chunked, compressed datasets of one self-contained file, as
/// one more checkpoint of the same kind (partial file, verify, rename), then deletes the folder:
/// killed before the rename, the segmented file stays; after it, the folder is unreferenced. A
/// self-contained file (compacted, older darkz) that is resumed moves its rows into a first
/// segment at its next checkpoint, once.
///
/// Why virtual datasets: emcee and h5py read them as ordinary datasets (h5py 3.16 / HDF5 2.0 and
/// libhdf5 1.10.8 resolve the relative segment paths beside the virtual dataset's file, whatever
/// the working directory), and they keep every file written once. Their limits: a chain file with
/// a segment folder must be copied or moved with its folder, under the same name (a mapping names
/// `<name>.segments/...`); libhdf5 reads rows of a missing segment as the fill value, NaN, without
/// an error, so `ChainFile` checks that every segment exists first; h5py cannot resize a virtual
/// dataset, so emcee can append only to a compacted file; HDF5 older than 1.10 cannot read them;
/// a reader that opened the segmented file just before a compaction deleted the folder reads the
/// rows it had not read yet as NaN (`ChainFile` reads again from the new file when that happens).
///
/// Why not append in place with flushes and a two-phase `iteration` update (emcee's approach)?
/// HDF5 1.10 does not order its metadata writes: a process killed inside `H5Fflush` or while the
/// metadata cache evicts can leave chunk B-trees, object headers and the superblock's end of
/// file disagreeing, and then the file does not open at all; only SWMR mode orders writes, and
/// it requires the 1.10+ file format and still leaves a superblock flag to clear by hand after a
/// crash. Appending in place to a spare copy and renaming it in (two files in turn) would modify
/// a file that a reader may still have open from an earlier checkpoint. HDF5's external raw
/// storage (rows appended to a plain file) cannot be chunked, so it cannot be compressed.
///
/// Partial files are private, so they are written and verified without HDF5's flock-based file
/// locking; every descriptor darkz opens is close-on-exec, so child processes do not inherit
/// chain files or their locks.
///
/// One writer per file: two writers on one path would each replace the other's checkpoints.
/// A `ChainWriter` is a reference to the file's state and is not thread-safe.
public final class ChainWriter {
    /// The chain file.
    public let url: URL
    /// The HDF5 group holding the chain (emcee's `name`, "mcmc" by default).
    public let groupName: String
    public let shape: ChainShape
    /// Steps in the file (emcee's `iteration`).
    public private(set) var iteration: Int
    /// The segments the file maps (paths relative to its directory); empty when it is self-contained.
    public internal(set) var segments: [String]
    /// Whether the rows live in segments (`<name>.segments`) rather than in the file itself.
    public var isSegmented: Bool { !segments.isEmpty }
    /// The most segments a file maps: the checkpoint that would add one more first rewrites all
    /// rows into one segment. libhdf5 keeps every segment of a file open while it reads, and
    /// reads those beyond the process's open-file limit (256 by default on macOS) as NaN.
    public var maximumSegments = 128 {
        didSet { precondition(maximumSegments >= 2, "maximumSegments must be at least 2") }
    }
    /// Segments that the last checkpoint stopped mapping, deleted at the next one, so that a reader
    /// who opened the file just before has time to open them.
    private var retired: [String] = []
    /// Called after every checkpoint that appended rows and after a compaction, with its
    /// duration and sizes.
    public var checkpointObserver: ((CheckpointRecord) -> Void)?

    /// Test hook: called at each phase of a checkpoint with the partial file; throwing
    /// `SimulatedCrash` stops the checkpoint as a kill would (the partial file stays).
    var faultInjection: ((CheckpointPhase, URL) throws -> Void)?

    var folder: SegmentFolder { SegmentFolder(chainFile: url) }

    private init(url: URL, groupName: String, shape: ChainShape, iteration: Int, segments: [String]) {
        self.url = url
        self.groupName = groupName
        self.shape = shape
        self.iteration = iteration
        self.segments = segments
    }

    // MARK: Creating and resuming

    /// Creates a chain file with no steps yet (and `initialState`, if given, so that a run killed
    /// before its first checkpoint can still resume).
    ///
    /// - Parameters:
    ///   - initialState: the sampler's state at step 0; its shape must be `shape`.
    ///   - groupName: the HDF5 group, emcee's `name` argument ("mcmc").
    ///   - replacing: replace an existing file at `url` (atomically) instead of failing.
    public static func create(
        at url: URL, shape: ChainShape, metadata: ChainMetadata = ChainMetadata(),
        initialState: SamplerState? = nil, initialTempering: TemperedSamplerState? = nil,
        groupName: String = "mcmc", replacing: Bool = false
    ) throws -> ChainWriter {
        try create(at: url, shape: shape, metadata: metadata, initialState: initialState, initialTempering: initialTempering,
                   groupName: groupName, replacing: replacing, faultInjection: nil)
    }

    static func create(
        at url: URL, shape: ChainShape, metadata: ChainMetadata, initialState: SamplerState?,
        initialTempering: TemperedSamplerState? = nil,
        groupName: String, replacing: Bool, faultInjection: ((CheckpointPhase, URL) throws -> Void)?
    ) throws -> ChainWriter {
        try validate(groupName: groupName)
        guard shape.walkers >= 1, shape.dimension >= 1, shape.blobs >= 0 else {
            throw ChainFileError.invalidInput(path: url.path, reason: "the shape \(shape) has no walkers or no parameters")
        }
        if let problem = metadata.mismatch(with: shape) {
            throw ChainFileError.invalidInput(path: url.path, reason: problem)
        }
        if let state = initialState {
            try check(state, fits: shape, at: 0, path: url.path)
        }
        if !replacing && FileManager.default.fileExists(atPath: url.path) {
            throw ChainFileError.fileExists(path: url.path)
        }
        AtomicReplacement.removeAbandoned(beside: url)
        let writer = ChainWriter(url: url, groupName: groupName, shape: shape, iteration: 0, segments: [])
        writer.faultInjection = faultInjection
        try writer.writeCheckpoint(iteration: 0, stateIteration: initialState?.iteration) { file, _ in
            try writer.buildNewGroup(in: file, metadata: metadata, initialState: initialState)
            if let initialTempering {
                try writer.buildTemperingGroup(in: file.openGroup(groupName).openGroup(DarkzLayout.group), state: initialTempering)
            }
        }
        writer.folder.removeUnreferenced(keeping: [])  // a replaced file's segments
        return writer
    }

    /// Opens an existing chain file to append to it.
    ///
    /// - Parameter shape: the shape the caller's sampler has; a file of another shape (say, another
    ///   walker count) throws `ChainFileError.shapeMismatch`.
    /// - Throws: `ChainFileError` if the file is missing, not a chain file, of another shape, or
    ///   has no sampler state for its last step (`noSamplerState`, `staleSamplerState`).
    public static func resume(at url: URL, expecting shape: ChainShape? = nil,
                              groupName: String = "mcmc") throws -> ChainWriter {
        try validate(groupName: groupName)
        AtomicReplacement.removeAbandoned(beside: url)
        let header = try HDF5Library.run(path: url.path) {
            let file = try H5Object.openForReading(url)
            return try ChainFileHeader.read(file, path: url.path, groupName: groupName)
        }
        if let shape, shape != header.shape {
            throw ChainFileError.shapeMismatch(path: url.path, expected: shape, found: header.shape)
        }
        guard let stateIteration = header.stateIteration else { throw ChainFileError.noSamplerState(path: url.path) }
        guard stateIteration == header.iteration else {
            throw ChainFileError.staleSamplerState(path: url.path, stateIteration: stateIteration, chainIteration: header.iteration)
        }
        let writer = ChainWriter(url: url, groupName: groupName, shape: header.shape, iteration: header.iteration,
                                 segments: header.segments)
        writer.folder.removeUnreferenced(keeping: Set(header.segments))
        return writer
    }

    // MARK: Appending

    /// Appends `rows` (the steps after the file's last one) and replaces the stored sampler
    /// state by `state`, in one checkpoint (see the type's documentation); does nothing for no rows.
    ///
    /// - Throws: `ChainFileError.invalidInput` if the rows or the state do not fit the file, or
    ///   `state.iteration` is not `iteration + rows.stepCount`; I/O and HDF5 errors, after which
    ///   the file is still the previous checkpoint.
    public func append(_ rows: ChainRows, state: SamplerState, tempering: TemperingRows? = nil) throws {
        if let problem = rows.mismatch(with: shape) {
            throw ChainFileError.invalidInput(path: url.path, reason: problem)
        }
        if let tempering {
            let h = tempering.history
            guard h.steps == rows.stepCount, h.walkers == shape.walkers, tempering.state.iteration == iteration + rows.stepCount,
                  tempering.state.ladder.count == h.temperatures else {
                throw ChainFileError.invalidInput(
                    path: url.path, reason: "the tempering rows (\(h.steps) steps of \(h.temperatures) temperatures x \(h.walkers) walkers, state at step \(tempering.state.iteration)) do not fit \(rows.stepCount) new steps of \(shape)")
            }
        }
        let newIteration = iteration + rows.stepCount
        try Self.check(state, fits: shape, at: newIteration, path: url.path)
        guard rows.stepCount > 0 else { return }
        let started = Date()
        for segment in retired { try? FileManager.default.removeItem(at: folder.resolve(segment)) }
        retired = []
        let blocks = rowBlocks(rows, tempering: tempering?.history)
        // A self-contained file's rows move to a first segment (once, for a resumed file), and so
        // do all rows when the segments reach their maximum.
        let consolidate = iteration > 0 && (!isSegmented || segments.count >= maximumSegments)
        let base = consolidate ? try writeConsolidatedSegment() : nil
        var written = base.map { [$0.path] } ?? []
        do {
            let segment = try folder.write(blocks, firstStep: iteration, steps: rows.stepCount)
            written.append(segment)
            try faultInjection?(.segmentWritten, folder.resolve(segment))
            try writeCheckpoint(iteration: newIteration, stateIteration: newIteration) { file, partial in
                try copyCurrentFile(into: file)
                try faultInjection?(.contentsCopied, partial)
                let group = try file.openGroup(groupName)
                let stored = Int(try group.readInt64Attribute(EmceeLayout.iterationAttribute))
                guard stored == iteration else {
                    throw ChainFileError.inconsistentFile(
                        path: url.path, reason: "it holds \(stored) steps but this writer last left it at \(iteration); another program changed it")
                }
                let darkz = try group.openGroup(DarkzLayout.group)
                if let tempering {
                    if !darkz.hasLink(DarkzLayout.temperingGroup) {
                        try buildTemperingGroup(in: darkz, state: nil, temperatures: tempering.history.temperatures)
                    }
                    let k = Int(try darkz.openGroup(DarkzLayout.temperingGroup).readInt64Attribute(DarkzLayout.temperaturesAttribute))
                    guard k == tempering.history.temperatures else {
                        throw ChainFileError.invalidInput(path: url.path, reason: "the file's tempered run has \(k) temperatures, the rows \(tempering.history.temperatures)")
                    }
                }
                try mapRows(blocks, segment: segment, base: base, in: group)
                try group.openDataset(EmceeLayout.acceptedDataset).writeAll(rows.acceptedCounts.map(Double.init))
                try faultInjection?(.rowsWritten, partial)
                if let tempering { try writeTemperedState(tempering.state, in: darkz.openGroup(DarkzLayout.temperingGroup)) }
                try writeState(state, in: darkz)
                try group.writeAttribute(EmceeLayout.iterationAttribute, int64: Int64(newIteration))
            }
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            for segment in written { try? FileManager.default.removeItem(at: folder.resolve(segment)) }
            throw error
        }
        iteration = newIteration
        if base != nil { retired = segments }
        segments = written.count == 2 ? written : segments + written
        if let checkpointObserver {
            checkpointObserver(CheckpointRecord(
                iteration: newIteration, steps: rows.stepCount, seconds: Date().timeIntervalSince(started),
                segmentBytes: fileSize(folder.resolve(written.last!)), fileBytes: fileSize(url)))
        }
    }

    // MARK: The checkpoint

    /// Writes a partial file with `build`, checks it, and renames it over `url`.
    func writeCheckpoint(iteration expected: Int, stateIteration: Int?, build: (H5Object, URL) throws -> Void) throws {
        let partial = AtomicReplacement.partialURL(beside: url)
        do {
            try HDF5Library.run(path: url.path) {
                let file = try H5Object.createFile(partial.path, locking: false)
                try build(file, partial)
                try file.close("closing \(partial.lastPathComponent)")
            }
            try faultInjection?(.written, partial)
            try verify(partial, iteration: expected, stateIteration: stateIteration)
            try faultInjection?(.verified, partial)
            try AtomicReplacement.synchronize(partial)
            try AtomicReplacement.replace(url, with: partial)
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Reads the partial file back as a reader would.
    private func verify(_ partial: URL, iteration expected: Int, stateIteration: Int?) throws {
        do {
            try HDF5Library.run(path: partial.path) {
                let file = try H5Object.openForReading(partial, locking: false)
                let header = try ChainFileHeader.read(file, path: partial.path, groupName: groupName)
                guard header.shape == shape, header.iteration == expected, header.stateIteration == stateIteration else {
                    throw ChainFileError.inconsistentFile(
                        path: partial.path, reason: "it reads back as \(header.shape) at step \(header.iteration) with state of step \(header.stateIteration.map(String.init) ?? "none"), expected \(shape) at step \(expected)")
                }
                _ = try ChainFileHeader.readState(file, path: partial.path, groupName: groupName, header: header)
                if let tempering = try ChainFileHeader.readTempering(file, path: partial.path, groupName: groupName, header: header,
                                                                     rows: false),
                   tempering.state.iteration != expected {
                    throw ChainFileError.inconsistentFile(
                        path: partial.path, reason: "its tempered state is at step \(tempering.state.iteration), expected \(expected)")
                }
            }
        } catch {
            throw ChainFileError.checkpointVerificationFailed(path: url.path, reason: "\(error)")
        }
    }

    func copyCurrentFile(into file: H5Object) throws {
        let source: H5Object
        do { source = try H5Object.openFile(url.path) } catch let failure as HDF5Failure {
            throw ChainFileError.notHDF5(path: url.path, detail: failure.detail)
        }
        try source.copyLinks(to: file)
        try source.close("closing \(url.lastPathComponent)")
    }

    // MARK: Checks

    private static func validate(groupName: String) throws {
        guard !groupName.isEmpty, !groupName.contains("/"), groupName != ".", groupName != ".." else {
            throw ChainFileError.invalidGroupName(groupName)
        }
    }

    private static func check(_ state: SamplerState, fits shape: ChainShape, at iteration: Int, path: String) throws {
        let stateShape = ChainShape(walkers: state.walkerCount, dimension: state.dimension, blobs: state.blobCount)
        guard stateShape == shape else {
            throw ChainFileError.invalidInput(path: path, reason: "the sampler state is for \(stateShape), the file holds \(shape)")
        }
        guard state.iteration == iteration else {
            throw ChainFileError.invalidInput(
                path: path, reason: "the sampler state is at step \(state.iteration) but the file will hold \(iteration) steps; a checkpoint stores the state after its last row")
        }
        guard state.positions.count == shape.walkers * shape.dimension, state.logDensities.count == shape.walkers,
              state.blobs.count == shape.walkers * shape.blobs, state.acceptedCounts.count == shape.walkers else {
            throw ChainFileError.invalidInput(path: path, reason: "the sampler state's arrays do not have the lengths its extents give")
        }
    }
}

/// The phases of a checkpoint at which tests inject faults.
enum CheckpointPhase: Sendable {
    /// The new segment is in its folder, durable, and nothing refers to it (the URL is the segment).
    case segmentWritten
    /// The current file's objects are in the partial file (HDF5 file open).
    case contentsCopied
    /// The rows are written, the state and iteration not yet (HDF5 file open).
    case rowsWritten
    /// The partial file is complete and closed, not yet verified.
    case written
    /// The partial file is verified, not yet synchronised and renamed.
    case verified
}

/// Thrown by a test's fault injection to stop a checkpoint as a kill would: the writer does not
/// clean up.
struct SimulatedCrash: Error {}
