import Foundation

/// Why a chain file cannot be read, created or appended to. Each message names the file and
/// says what to do.
public enum ChainFileError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// `create` found a file where the new chain should go.
    case fileExists(path: String)
    case fileNotFound(path: String)
    /// libhdf5 cannot open the file at all.
    case notHDF5(path: String, detail: String)
    /// The file has no group of that name.
    case groupMissing(path: String, group: String, available: [String])
    /// The group lacks an attribute or dataset of emcee's layout, or holds one of the wrong kind.
    case notAChainFile(path: String, group: String, reason: String)
    /// The file holds chains of another shape than the caller expects.
    case shapeMismatch(path: String, expected: ChainShape, found: ChainShape)
    /// The parts of the file disagree with one another.
    case inconsistentFile(path: String, reason: String)
    /// Resuming needs the sampler state darkz stores at every checkpoint, and there is none.
    case noSamplerState(path: String)
    /// The stored sampler state is older than the chain (steps were appended by another writer).
    case staleSamplerState(path: String, stateIteration: Int, chainIteration: Int)
    /// Rows, state or metadata passed to a writer do not fit the file.
    case invalidInput(path: String, reason: String)
    /// A group name that is empty or has a "/" in it.
    case invalidGroupName(String)
    /// A libhdf5 call failed.
    case hdf5(path: String, detail: String)
    /// A file-system call failed.
    case io(path: String, operation: String, detail: String)
    /// A freshly written checkpoint did not read back as expected, so it did not replace the file.
    case checkpointVerificationFailed(path: String, reason: String)
    /// The file maps rows to a segment file (in its segment folder) that is not there.
    case missingSegment(path: String, segment: String)
    /// A command needs the run description darkz sample stores (priors, settings) and the file
    /// lacks it or holds a damaged one; a read, not a write.
    case notADarkzRun(path: String, reason: String)

    public var description: String {
        switch self {
        case let .fileExists(path):
            return "Chain file \(path) already exists; resume it, choose another path, or ask to replace it."
        case let .fileNotFound(path):
            return "Chain file \(path) does not exist."
        case let .notHDF5(path, detail):
            return "\(path) is not a readable HDF5 file (\(detail))."
        case let .groupMissing(path, group, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "Chain file \(path) has no group \"\(group)\" (groups: \(list)); pass the group name the chain was written under."
        case let .notAChainFile(path, group, reason):
            return "Group \"\(group)\" of \(path) is not in emcee's HDFBackend layout: \(reason)."
        case let .shapeMismatch(path, expected, found):
            var differences: [String] = []
            if found.walkers != expected.walkers { differences.append("\(found.walkers) walkers where \(expected.walkers) are expected") }
            if found.dimension != expected.dimension { differences.append("\(found.dimension) parameters where \(expected.dimension) are expected") }
            if found.blobs != expected.blobs { differences.append("\(found.blobs) blobs per walker where \(expected.blobs) are expected") }
            return "Chain file \(path) holds \(found): \(differences.joined(separator: ", ")). Resume with the settings of the file, or start a new chain file."
        case let .inconsistentFile(path, reason):
            return "Chain file \(path) is inconsistent: \(reason)."
        case let .noSamplerState(path):
            return "Chain file \(path) has no darkz sampler state, so it cannot be resumed bit for bit (was it written by emcee?). Start a new run from its last sample instead."
        case let .staleSamplerState(path, stateIteration, chainIteration):
            return "Chain file \(path) holds \(chainIteration) steps but its darkz sampler state is from step \(stateIteration) (steps were appended by another program); it cannot be resumed."
        case let .invalidInput(path, reason):
            return "Cannot write to chain file \(path): \(reason)."
        case let .invalidGroupName(name):
            return "Invalid chain group name \"\(name)\": use a non-empty name without \"/\"."
        case let .hdf5(path, detail):
            return "HDF5 error on \(path): \(detail)."
        case let .io(path, operation, detail):
            return "\(operation) failed for \(path): \(detail)."
        case let .checkpointVerificationFailed(path, reason):
            return "The checkpoint written for \(path) did not read back (\(reason)); the chain file was left as it was."
        case let .notADarkzRun(path, reason):
            return "Chain file \(path) \(reason)."
        case let .missingSegment(path, segment):
            let folder = segment.split(separator: "/").first.map(String.init) ?? segment
            return "Chain file \(path) keeps its rows in the folder \(folder) beside it, and \(segment) is missing: a chain file with a segment folder must be copied or moved together with its folder (or made self-contained first with `darkz compact \(path)`)."
        }
    }

    public var errorDescription: String? { description }
}
