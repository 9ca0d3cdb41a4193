import Ensemble
import Foundation

/// A chain file read back whole: what `darkz resume` needs to continue a run bit for bit and
/// what `darkz diagnose` needs to judge it. Reads files darkz wrote (self-contained, or with their
/// rows in a segment folder, each of which must be there: `ChainFileError.missingSegment`) and,
/// without the darkz extras (`samplerState` nil, empty metadata), files written by emcee's
/// HDFBackend.
///
///     let file = try ChainFile(contentsOf: url, expecting: ChainShape(walkers: 32, dimension: 3))
///     let tau = file.chain.slice(discard: 1_000)   // diagnostics take a ChainArray
public struct ChainFile: Sendable {
    public let url: URL
    public let groupName: String
    public let shape: ChainShape
    /// Steps stored (emcee's `iteration`).
    public let iteration: Int
    /// The `version` attribute: the emcee version whose layout the file follows.
    public let emceeVersion: String?
    /// Positions, (iteration, walkers, dimension), as emcee's `get_chain()`.
    public let chain: ChainArray
    /// Log-probabilities, (iteration, walkers, 1), as emcee's `get_log_prob()`.
    public let logProbabilities: ChainArray
    /// Blobs, (iteration, walkers, blobs); no values when the file has no blobs.
    public let blobs: ChainArray
    /// Accepted proposals per walker since the start of the run (emcee's `accepted`).
    public let accepted: [Double]
    /// Parameter and blob names, priors text and seed, as far as the file records them.
    public let metadata: ChainMetadata
    /// The sampler state darkz stored with the last checkpoint, nil for a file without one. Its
    /// `iteration` equals `iteration` unless another program appended steps after darkz
    /// (`ChainWriter.resume` refuses such a file).
    public let samplerState: SamplerState?
    /// The tempering record of a tempered run (ladder, log-likelihoods, swaps, tempered state);
    /// nil for an untempered run.
    public let tempering: TemperingRecord?
    /// The segment files holding the rows (paths relative to the file's directory, inside the
    /// folder `<name>.segments`), empty for a self-contained file (see `ChainWriter`).
    public let segments: [String]

    /// Reads group `groupName` (emcee's default "mcmc").
    ///
    /// - Parameter expected: the shape the caller needs; a file of another shape, such as one
    ///   written with another walker count, throws `ChainFileError.shapeMismatch`.
    /// - Throws: `ChainFileError`.
    public init(contentsOf url: URL, groupName: String = "mcmc", expecting expected: ChainShape? = nil) throws {
        let path = url.path
        let folder = SegmentFolder(chainFile: url)
        func readOnce() throws -> (ChainFileHeader, [Double], [Double], [Double], [Double], SamplerState?, TemperingRecord?) {
            try HDF5Library.run(path: path) {
                let file = try H5Object.openForReading(url)
                let header = try ChainFileHeader.read(file, path: path, groupName: groupName)
                if let expected, expected != header.shape {
                    throw ChainFileError.shapeMismatch(path: path, expected: expected, found: header.shape)
                }
                let group = try file.openGroup(groupName)
                let n = header.iteration
                let positions = try group.openDataset(EmceeLayout.chainDataset).readRows(n).values
                let logProbabilities = try group.openDataset(EmceeLayout.logProbDataset).readRows(n).values
                let blobs = header.shape.blobs > 0 ? try group.openDataset(EmceeLayout.blobsDataset).readRows(n).values : []
                let accepted = try group.openDataset(EmceeLayout.acceptedDataset).readAll().values
                let state = try ChainFileHeader.readState(file, path: path, groupName: groupName, header: header)
                let tempering = try ChainFileHeader.readTempering(file, path: path, groupName: groupName, header: header)
                return (header, positions, logProbabilities, blobs, accepted, state, tempering)
            }
        }
        // A compaction renames the self-contained file in before it deletes the segments, so rows
        // read while a segment vanished are read again from the new file.
        var contents = try readOnce()
        for _ in 0..<3 where !contents.0.segments.allSatisfy({ FileManager.default.fileExists(atPath: folder.resolve($0).path) }) {
            contents = try readOnce()
        }
        let (header, positions, logProbabilities, blobs, accepted, state, tempering) = contents
        let n = header.iteration, w = header.shape.walkers
        self.url = url
        self.groupName = groupName
        shape = header.shape
        iteration = n
        emceeVersion = header.emceeVersion
        chain = ChainArray(nSteps: n, nWalkers: w, nDim: header.shape.dimension, values: positions)
        self.logProbabilities = ChainArray(nSteps: n, nWalkers: w, nDim: 1, values: logProbabilities)
        self.blobs = ChainArray(nSteps: n, nWalkers: w, nDim: header.shape.blobs, values: blobs)
        self.accepted = accepted
        metadata = header.metadata
        samplerState = state
        self.tempering = tempering
        segments = header.segments
    }

    /// Accepted fraction per walker (emcee's `acceptance_fraction`: accepted / iteration).
    public var acceptanceFraction: [Double] {
        accepted.map { $0 / Double(max(iteration, 1)) }
    }

    /// The stored sampler state if it belongs to the last stored step, for resuming.
    ///
    /// - Throws: `ChainFileError.noSamplerState` or `.staleSamplerState`.
    public func resumableState() throws -> SamplerState {
        guard let state = samplerState else { throw ChainFileError.noSamplerState(path: url.path) }
        guard state.iteration == iteration else {
            throw ChainFileError.staleSamplerState(path: url.path, stateIteration: state.iteration, chainIteration: iteration)
        }
        return state
    }
}
