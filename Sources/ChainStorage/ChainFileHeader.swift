import CHDF5
import Ensemble
import Foundation

/// Everything about a chain group except its rows and the sampler state's contents: read and
/// checked by the reader, by a resuming writer and by the verification of every checkpoint.
/// Only used inside `HDF5Library.run`.
struct ChainFileHeader {
    var shape: ChainShape
    /// Steps stored (emcee's `iteration`); the datasets may have more rows of capacity.
    var iteration: Int
    var emceeVersion: String?
    /// Whether the darkz subgroup is present.
    var hasDarkzGroup: Bool
    var metadata: ChainMetadata
    /// The `iteration` attribute of the stored sampler state, if there is one.
    var stateIteration: Int?
    /// The segment files the row datasets map (paths relative to the file's directory, in step
    /// order); empty for a self-contained file. Every one exists.
    var segments: [String] = []

    /// Reads and cross-checks the group `groupName` of an open file.
    static func read(_ file: H5Object, path: String, groupName: String) throws -> ChainFileHeader {
        func notChain(_ reason: String) -> ChainFileError {
            .notAChainFile(path: path, group: groupName, reason: reason)
        }
        guard file.hasLink(groupName) else {
            throw ChainFileError.groupMissing(path: path, group: groupName, available: (try? file.linkNames()) ?? [])
        }
        let group = try file.openGroup(groupName)
        for name in [EmceeLayout.walkersAttribute, EmceeLayout.dimensionAttribute, EmceeLayout.iterationAttribute]
        where !group.hasAttribute(name) {
            throw notChain("the attribute \"\(name)\" is missing")
        }
        let walkers = Int(try group.readInt64Attribute(EmceeLayout.walkersAttribute))
        let dimension = Int(try group.readInt64Attribute(EmceeLayout.dimensionAttribute))
        let iteration = Int(try group.readInt64Attribute(EmceeLayout.iterationAttribute))
        guard walkers >= 1, dimension >= 1, iteration >= 0 else {
            throw notChain("nwalkers = \(walkers), ndim = \(dimension), iteration = \(iteration)")
        }
        let version = group.hasAttribute(EmceeLayout.versionAttribute)
            ? try? group.readStringAttribute(EmceeLayout.versionAttribute) : nil
        let hasBlobs = group.hasAttribute(EmceeLayout.hasBlobsAttribute)
            ? try group.readBoolAttribute(EmceeLayout.hasBlobsAttribute) : group.hasLink(EmceeLayout.blobsDataset)

        /// The numeric shape of a dataset that must exist.
        func datasetShape(_ name: String) throws -> H5NumericShape {
            guard group.hasLink(name) else { throw notChain("the dataset \"\(name)\" is missing") }
            do { return try group.openDataset(name).numericShape() } catch let failure as HDF5Failure {
                throw notChain("the dataset \"\(name)\" cannot be read as numbers (\(failure.detail))")
            }
        }
        let chain = try datasetShape(EmceeLayout.chainDataset)
        guard chain.elementCount == 1, chain.dimensions.count == 3, chain.dimensions[1] == walkers,
              chain.dimensions[2] == dimension else {
            throw notChain("\"chain\" has extents \(chain.dimensions), expected (steps, \(walkers), \(dimension))")
        }
        let logProb = try datasetShape(EmceeLayout.logProbDataset)
        guard logProb.elementCount == 1, logProb.dimensions.count == 2, logProb.dimensions[1] == walkers else {
            throw notChain("\"log_prob\" has extents \(logProb.dimensions), expected (steps, \(walkers))")
        }
        let accepted = try datasetShape(EmceeLayout.acceptedDataset)
        guard accepted.elementCount == 1, accepted.dimensions == [walkers] else {
            throw notChain("\"accepted\" has extents \(accepted.dimensions), expected (\(walkers))")
        }
        guard chain.dimensions[0] >= iteration, logProb.dimensions[0] >= iteration else {
            throw ChainFileError.inconsistentFile(
                path: path, reason: "iteration is \(iteration) but \"chain\" has \(chain.dimensions[0]) rows and \"log_prob\" \(logProb.dimensions[0])")
        }
        var blobCount = 0
        if hasBlobs {
            let blobs = try datasetShape(EmceeLayout.blobsDataset)
            guard blobs.dimensions.count >= 2, blobs.dimensions[1] == walkers, blobs.dimensions[0] >= iteration else {
                throw notChain("\"blobs\" has extents \(blobs.dimensions), expected (at least \(iteration), \(walkers), ...)")
            }
            switch (blobs.dimensions.count, blobs.elementCount) {
            case (2, let count): blobCount = count                        // emcee: float64 or float64[n]
            case (3, 1): blobCount = blobs.dimensions[2]                  // a plain 3-d float array
            default: throw notChain("\"blobs\" has extents \(blobs.dimensions) of \(blobs.elementCount) values each")
            }
        }
        let shape = ChainShape(walkers: walkers, dimension: dimension, blobs: blobCount)

        var header = ChainFileHeader(shape: shape, iteration: iteration, emceeVersion: version,
                                     hasDarkzGroup: false, metadata: ChainMetadata(), stateIteration: nil)
        header.segments = try segments(of: group, path: path)
        guard group.hasLink(DarkzLayout.group) else { return header }
        header.hasDarkzGroup = true
        let darkz = try group.openGroup(DarkzLayout.group)
        if darkz.hasAttribute(DarkzLayout.blobCountAttribute) {
            let stored = Int(try darkz.readInt64Attribute(DarkzLayout.blobCountAttribute))
            guard stored == blobCount else {
                throw ChainFileError.inconsistentFile(
                    path: path, reason: "the darkz group records \(stored) blobs per walker, the emcee datasets hold \(blobCount)")
            }
        }
        if darkz.hasAttribute(DarkzLayout.seedAttribute) {
            header.metadata.seed = try darkz.readUInt64Attribute(DarkzLayout.seedAttribute)
        }
        if darkz.hasAttribute(DarkzLayout.priorsAttribute) {
            header.metadata.priorsText = try darkz.readStringAttribute(DarkzLayout.priorsAttribute)
        }
        if darkz.hasLink(DarkzLayout.parameterNamesDataset) {
            header.metadata.parameterNames = try darkz.openDataset(DarkzLayout.parameterNamesDataset).readStrings()
        }
        if darkz.hasLink(DarkzLayout.blobNamesDataset) {
            header.metadata.blobNames = try darkz.openDataset(DarkzLayout.blobNamesDataset).readStrings()
        }
        if let problem = header.metadata.mismatch(with: shape) {
            throw ChainFileError.inconsistentFile(path: path, reason: problem)
        }
        if darkz.hasLink(DarkzLayout.samplerStateDataset) {
            let state = try darkz.openDataset(DarkzLayout.samplerStateDataset)
            guard state.hasAttribute(DarkzLayout.stateIterationAttribute) else {
                throw ChainFileError.inconsistentFile(path: path, reason: "the sampler state has no iteration attribute")
            }
            let stateIteration = Int(try state.readInt64Attribute(DarkzLayout.stateIterationAttribute))
            // darkz writes the state and the rows it follows in one checkpoint, so a state can be
            // older than the rows (another program appended) but never newer.
            guard stateIteration <= iteration else {
                throw ChainFileError.inconsistentFile(
                    path: path, reason: "the sampler state is from step \(stateIteration) but the chain holds only \(iteration) steps")
            }
            header.stateIteration = stateIteration
        }
        return header
    }

    /// The segment files that the row datasets of `group` map, each checked to exist beside the
    /// file at `path` (libhdf5 would read a missing one as NaN without a word).
    private static func segments(of group: H5Object, path: String) throws -> [String] {
        var datasets: [H5Object] = []
        for name in [EmceeLayout.chainDataset, EmceeLayout.logProbDataset, EmceeLayout.blobsDataset] where group.hasLink(name) {
            datasets.append(try group.openDataset(name))
        }
        if group.hasLink(DarkzLayout.group), try group.openGroup(DarkzLayout.group).hasLink(DarkzLayout.temperingGroup) {
            let tempering = try group.openGroup(DarkzLayout.group).openGroup(DarkzLayout.temperingGroup)
            for name in DarkzLayout.temperingRowDatasets where tempering.hasLink(name) {
                datasets.append(try tempering.openDataset(name))
            }
        }
        var files: [String] = []
        for dataset in datasets {
            for mapping in try dataset.virtualRows() where !files.contains(mapping.file) { files.append(mapping.file) }
        }
        let folder = SegmentFolder(chainFile: URL(fileURLWithPath: path))
        for file in files where !FileManager.default.fileExists(atPath: folder.resolve(file).path) {
            throw ChainFileError.missingSegment(path: path, segment: file)
        }
        return files.sorted()
    }

    /// Reads the sampler state's JSON text and checks it against the header.
    static func readState(_ file: H5Object, path: String, groupName: String, header: ChainFileHeader) throws -> SamplerState? {
        guard header.stateIteration != nil else { return nil }
        let text = try file.openGroup(groupName).openGroup(DarkzLayout.group)
            .openDataset(DarkzLayout.samplerStateDataset).readStrings().first ?? ""
        let state: SamplerState
        do { state = try StateCoding.decode(text, as: SamplerState.self) } catch {
            throw ChainFileError.inconsistentFile(path: path, reason: "the sampler state is not valid JSON of a SamplerState (\(error))")
        }
        let stateShape = ChainShape(walkers: state.walkerCount, dimension: state.dimension, blobs: state.blobCount)
        guard stateShape == header.shape, state.iteration == header.stateIteration else {
            throw ChainFileError.inconsistentFile(
                path: path, reason: "the sampler state (\(stateShape), step \(state.iteration)) does not match the chain (\(header.shape), state attribute at step \(header.stateIteration ?? -1))")
        }
        return state
    }
}
