import Ensemble
import Foundation

extension ChainWriter {
    /// Creates a chain file for a tempered `sampler`: its β = 1 chain in emcee's layout and, with
    /// more than one temperature, the tempering record beside it; then appends what it has stored.
    public static func create<T, M>(
        at url: URL, for sampler: TemperedSampler<T, M>, metadata: ChainMetadata = ChainMetadata(),
        groupName: String = "mcmc", replacing: Bool = false
    ) throws -> ChainWriter {
        try checkStartsChain(firstStoredIteration: sampler.firstStoredIteration, url: url)
        let shape = ChainShape(walkers: sampler.walkerCount, dimension: sampler.dimension, blobs: sampler.blobCount)
        let fresh = sampler.iteration == 0
        let writer = try create(at: url, shape: shape, metadata: metadata, initialState: fresh ? sampler.coldState : nil,
                                initialTempering: fresh && sampler.temperatureCount > 1 ? sampler.state : nil,
                                groupName: groupName, replacing: replacing)
        try writer.append(from: sampler)
        return writer
    }

    /// Appends the steps `sampler` stored after the file's last step, with its current state: one
    /// checkpoint. Does nothing if there are no new steps.
    public func append<T, M>(from sampler: TemperedSampler<T, M>) throws {
        guard let alreadyWritten = try stepsAlreadyWritten(firstStored: sampler.firstStoredIteration, stored: sampler.storedStepCount,
                                                           current: sampler.iteration) else { return }
        let rows = ChainRows(positions: sampler.chain(discard: alreadyWritten),
                             logProbabilities: sampler.logDensities(discard: alreadyWritten),
                             blobs: sampler.blobs(discard: alreadyWritten),
                             acceptedCounts: sampler.acceptedCounts)
        let tempering = sampler.temperatureCount > 1
            ? TemperingRows(history: sampler.history.suffix(from: alreadyWritten), state: sampler.state) : nil
        try append(rows, state: sampler.coldState, tempering: tempering)
    }
}

extension ChainFile {
    /// The tempered state to resume from: the tempering record's, or for an untempered run the
    /// sampler state as a one-temperature state.
    ///
    /// - Throws: as `resumableState()`, and `.staleSamplerState` if the tempering record is older
    ///   than the chain.
    public func resumableTemperedState() throws -> TemperedSamplerState {
        let cold = try resumableState()
        guard let tempering else { return TemperedSamplerState(untempered: cold) }
        guard tempering.state.iteration == iteration else {
            throw ChainFileError.staleSamplerState(path: url.path, stateIteration: tempering.state.iteration, chainIteration: iteration)
        }
        return tempering.state
    }
}
