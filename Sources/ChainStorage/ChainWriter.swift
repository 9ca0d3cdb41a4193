import Ensemble
import Foundation

/// Writes a chain file in emcee's HDFBackend layout (`EmceeLayout`) with darkz's sampler state
/// beside it (`DarkzLayout`), one checkpoint at a time.
///
///     let writer = try ChainWriter.create(at: url, for: sampler, metadata: ChainMetadata(
///         parameterNames: ["M_ZD", "epsilon"], priorsText: priors, seed: 42))
///     try writer.run(sampler, steps: 20_000, checkpointEvery: 500)
///     // after an interruption:
///     let file = try ChainFile(contentsOf: url)
///     let sampler = try EnsembleSampler(target: posterior, moves: moves, resumingFrom: file.samplerState!)
///     try ChainWriter.resume(at: url, expecting: file.shape).run(sampler, steps: 10_000, checkpointEvery: 500)
///
/// ## Crash safety: every checkpoint is a new file renamed over the old one
///
/// The file at `url` is never modified in place. A checkpoint (and the creation of the file)
/// 1. creates a partial file `.<name>.partial-<pid>-<random>` in the same directory;
/// 2. copies the current file's objects into it with `H5Ocopy` (raw chunks, attributes, layout
///    and chunking preserved; space freed by earlier rewrites is not carried over, so the file
///    does not accumulate garbage);
/// 3. appends the rows (extends `chain`, `log_prob`, `blobs`, rewrites `accepted`), then
///    replaces the sampler state and its `iteration` attribute, and sets the group's
///    `iteration` last, the order emcee's own `save_step` uses;
/// 4. closes it (HDF5 flushes everything), reopens it read-only and checks the header, the
///    expected iteration and the state (a partial file that does not read back is deleted and
///    the checkpoint fails, leaving the old file);
/// 5. `fsync`s it, `rename(2)`s it over `url` and `fsync`s the directory.
///
/// `rename` within one directory is atomic on POSIX: whenever the process dies (SIGKILL, power
/// cut after step 5's fsyncs), `url` is either the previous checkpoint's complete file or the new
/// one, and rows, accepted counts and sampler state always come from the same checkpoint, so a
/// reader never sees a state newer than the chain rows. A partial file left by a killed writer is
/// never renamed; `create` and `resume` delete those whose process has ended.
///
/// Why not append in place with flushes and a two-phase `iteration` update (emcee's approach)?
/// HDF5 1.10 does not order its metadata writes: a process killed inside `H5Fflush` or while the
/// metadata cache evicts can leave chunk B-trees, object headers and the superblock's end of
/// file disagreeing, and then the file does not open at all; only SWMR mode orders writes, and
/// it requires the 1.10+ file format and still leaves a superblock flag to clear by hand after a
/// crash. The cost of renaming is a copy of the file per checkpoint, about as fast as the disk
/// (15 ms for a 10 MB file on the development machine, fsyncs included), so choose the
/// checkpoint interval so that sampling between checkpoints takes much longer than that.
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

    /// Test hook: called at each phase of a checkpoint with the partial file; throwing
    /// `SimulatedCrash` stops the checkpoint as a kill would (the partial file stays).
    var faultInjection: ((CheckpointPhase, URL) throws -> Void)?

    private init(url: URL, groupName: String, shape: ChainShape, iteration: Int) {
        self.url = url
        self.groupName = groupName
        self.shape = shape
        self.iteration = iteration
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
        let writer = ChainWriter(url: url, groupName: groupName, shape: shape, iteration: 0)
        writer.faultInjection = faultInjection
        try writer.writeCheckpoint(iteration: 0, stateIteration: initialState?.iteration) { file, _ in
            try writer.buildNewGroup(in: file, metadata: metadata, initialState: initialState)
            if let initialTempering {
                try writer.buildTemperingGroup(in: file.openGroup(groupName).openGroup(DarkzLayout.group), state: initialTempering)
            }
        }
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
        return ChainWriter(url: url, groupName: groupName, shape: header.shape, iteration: header.iteration)
    }

    // MARK: Appending

    /// Appends `rows` (the steps after the file's last one) and replaces the stored sampler
    /// state by `state`, in one checkpoint (see the type's documentation).
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
        try writeCheckpoint(iteration: newIteration, stateIteration: newIteration) { file, partial in
            try copyCurrentFile(into: file)
            try faultInjection?(.contentsCopied, partial)
            let group = try file.openGroup(groupName)
            let stored = Int(try group.readInt64Attribute(EmceeLayout.iterationAttribute))
            guard stored == iteration else {
                throw ChainFileError.inconsistentFile(
                    path: url.path, reason: "it holds \(stored) steps but this writer last left it at \(iteration); another program changed it")
            }
            try appendRows(rows, to: group)
            try faultInjection?(.rowsWritten, partial)
            let darkz = try group.openGroup(DarkzLayout.group)
            if let tempering {
                if !darkz.hasLink(DarkzLayout.temperingGroup) { try buildTemperingGroup(in: darkz, state: nil, temperatures: tempering.history.temperatures) }
                try appendTempering(tempering, to: darkz.openGroup(DarkzLayout.temperingGroup))
            }
            try writeState(state, in: darkz)
            try group.writeAttribute(EmceeLayout.iterationAttribute, int64: Int64(newIteration))
        }
        iteration = newIteration
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
                if let tempering = try ChainFileHeader.readTempering(file, path: partial.path, groupName: groupName, header: header),
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

    /// The group of a new file, laid out as emcee's `HDFBackend.reset` and first `grow` make it.
    private func buildNewGroup(in file: H5Object, metadata: ChainMetadata, initialState: SamplerState?) throws {
        let group = try file.createGroup(groupName)
        try group.writeAttribute(EmceeLayout.versionAttribute, string: EmceeLayout.version)
        try group.writeAttribute(EmceeLayout.walkersAttribute, int64: Int64(shape.walkers))
        try group.writeAttribute(EmceeLayout.dimensionAttribute, int64: Int64(shape.dimension))
        try group.writeAttribute(EmceeLayout.hasBlobsAttribute, bool: shape.blobs > 0)
        try group.writeAttribute(EmceeLayout.iterationAttribute, int64: 0)
        let accepted = initialState?.acceptedCounts ?? Array(repeating: 0, count: shape.walkers)
        try group.createDoubleVector(EmceeLayout.acceptedDataset, accepted.map(Double.init))
        let w = shape.walkers, d = shape.dimension, b = shape.blobs
        try group.createRowDataset(EmceeLayout.chainDataset, rows: 0, rowShape: [w, d], elementCount: 1,
                                   chunkRows: EmceeLayout.chunkRows(valuesPerRow: w * d))
        try group.createRowDataset(EmceeLayout.logProbDataset, rows: 0, rowShape: [w], elementCount: 1,
                                   chunkRows: EmceeLayout.chunkRows(valuesPerRow: w))
        if b > 0 {
            try group.createRowDataset(EmceeLayout.blobsDataset, rows: 0, rowShape: [w], elementCount: b,
                                       chunkRows: EmceeLayout.chunkRows(valuesPerRow: w * b))
        }

        let darkz = try group.createGroup(DarkzLayout.group)
        try darkz.writeAttribute(DarkzLayout.formatAttribute, string: DarkzLayout.format)
        try darkz.writeAttribute(DarkzLayout.formatVersionAttribute, int64: DarkzLayout.formatVersion)
        try darkz.writeAttribute(DarkzLayout.writerAttribute, string: "darkz")
        try darkz.writeAttribute(DarkzLayout.blobCountAttribute, int64: Int64(b))
        if let seed = metadata.seed { try darkz.writeAttribute(DarkzLayout.seedAttribute, uint64: seed) }
        if let priors = metadata.priorsText { try darkz.writeAttribute(DarkzLayout.priorsAttribute, string: priors) }
        if !metadata.parameterNames.isEmpty {
            try darkz.createStringList(DarkzLayout.parameterNamesDataset, metadata.parameterNames)
        }
        if !metadata.blobNames.isEmpty {
            try darkz.createStringList(DarkzLayout.blobNamesDataset, metadata.blobNames)
        }
        if let initialState { try writeState(initialState, in: darkz) }
    }

    /// Grows the row datasets by `rows.stepCount` rows (dropping any capacity beyond
    /// `iteration`, as emcee leaves after an interrupted run) and writes the rows.
    private func appendRows(_ rows: ChainRows, to group: H5Object) throws {
        let start = iteration, end = iteration + rows.stepCount
        let w = shape.walkers
        let chain = try group.openDataset(EmceeLayout.chainDataset)
        try chain.setExtent([end, w, shape.dimension])
        try chain.writeRows(start: start, rows: rows.stepCount, rows.positions.values)
        let logProb = try group.openDataset(EmceeLayout.logProbDataset)
        try logProb.setExtent([end, w])
        try logProb.writeRows(start: start, rows: rows.stepCount, rows.logProbabilities.values)
        if shape.blobs > 0 {
            let blobs = try group.openDataset(EmceeLayout.blobsDataset)
            let layout = try blobs.numericShape()
            try blobs.setExtent(layout.dimensions.count == 3 ? [end, w, shape.blobs] : [end, w])
            try blobs.writeRows(start: start, rows: rows.stepCount, rows.blobs.values)
        }
        try group.openDataset(EmceeLayout.acceptedDataset).writeAll(rows.acceptedCounts.map(Double.init))
    }

    /// The tempering subgroup with empty row datasets (and the state at step 0, if given).
    private func buildTemperingGroup(in darkz: H5Object, state: TemperedSamplerState?, temperatures: Int? = nil) throws {
        let k = temperatures ?? state!.ladder.count, w = shape.walkers
        let tempering = try darkz.createGroup(DarkzLayout.temperingGroup)
        try tempering.writeAttribute(DarkzLayout.temperaturesAttribute, int64: Int64(k))
        try tempering.createRowDataset(DarkzLayout.betasDataset, rows: 0, rowShape: [k], elementCount: 1,
                                       chunkRows: EmceeLayout.chunkRows(valuesPerRow: k))
        try tempering.createRowDataset(DarkzLayout.logLikelihoodDataset, rows: 0, rowShape: [k, w], elementCount: 1,
                                       chunkRows: EmceeLayout.chunkRows(valuesPerRow: k * w))
        try tempering.createRowDataset(DarkzLayout.swapsAcceptedDataset, rows: 0, rowShape: [max(k - 1, 1)], elementCount: 1,
                                       chunkRows: EmceeLayout.chunkRows(valuesPerRow: k))
        if let state { try writeTemperedState(state, in: tempering) }
    }

    /// Appends the tempering rows after the file's last step and replaces the tempered state.
    private func appendTempering(_ rows: TemperingRows, to tempering: H5Object) throws {
        let h = rows.history, start = iteration, end = iteration + h.steps
        let k = Int(try tempering.readInt64Attribute(DarkzLayout.temperaturesAttribute))
        guard k == h.temperatures else {
            throw ChainFileError.invalidInput(path: url.path, reason: "the file's tempered run has \(k) temperatures, the rows \(h.temperatures)")
        }
        let betas = try tempering.openDataset(DarkzLayout.betasDataset)
        try betas.setExtent([end, k])
        try betas.writeRows(start: start, rows: h.steps, h.betas)
        let logL = try tempering.openDataset(DarkzLayout.logLikelihoodDataset)
        try logL.setExtent([end, k, shape.walkers])
        try logL.writeRows(start: start, rows: h.steps, h.logLikelihoods)
        let swaps = try tempering.openDataset(DarkzLayout.swapsAcceptedDataset)
        try swaps.setExtent([end, max(k - 1, 1)])
        try swaps.writeRows(start: start, rows: h.steps, k > 1 ? h.swapsAccepted : [Double](repeating: 0, count: h.steps))
        try writeTemperedState(rows.state, in: tempering)
    }

    private func writeTemperedState(_ state: TemperedSamplerState, in tempering: H5Object) throws {
        let text: String
        do { text = try StateCoding.encode(state) } catch {
            throw ChainFileError.invalidInput(path: url.path, reason: "the tempered state cannot be encoded (\(error))")
        }
        if tempering.hasLink(DarkzLayout.temperedStateDataset) { try tempering.deleteLink(DarkzLayout.temperedStateDataset) }
        try tempering.createString(DarkzLayout.temperedStateDataset, text)
        try tempering.openDataset(DarkzLayout.temperedStateDataset)
            .writeAttribute(DarkzLayout.stateIterationAttribute, int64: Int64(state.iteration))
    }

    /// Replaces the stored sampler state (JSON text) and its iteration attribute.
    private func writeState(_ state: SamplerState, in darkz: H5Object) throws {
        let text: String
        do { text = try StateCoding.encode(state) } catch {
            throw ChainFileError.invalidInput(path: url.path, reason: "the sampler state cannot be encoded (\(error))")
        }
        if darkz.hasLink(DarkzLayout.samplerStateDataset) {
            try darkz.deleteLink(DarkzLayout.samplerStateDataset)
        }
        try darkz.createString(DarkzLayout.samplerStateDataset, text)
        try darkz.openDataset(DarkzLayout.samplerStateDataset)
            .writeAttribute(DarkzLayout.stateIterationAttribute, int64: Int64(state.iteration))
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
