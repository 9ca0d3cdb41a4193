import Ensemble
import Foundation

// The groups and the state datasets of a chain file, as a checkpoint writes them.
extension ChainWriter {
    /// The group of a new file, laid out as emcee's `HDFBackend.reset` and first `grow` make it.
    func buildNewGroup(in file: H5Object, metadata: ChainMetadata, initialState: SamplerState?) throws {
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

    /// The tempering subgroup with empty row datasets (and the state at step 0, if given).
    func buildTemperingGroup(in darkz: H5Object, state: TemperedSamplerState?, temperatures: Int? = nil) throws {
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

    func writeTemperedState(_ state: TemperedSamplerState, in tempering: H5Object) throws {
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
    func writeState(_ state: SamplerState, in darkz: H5Object) throws {
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
}
