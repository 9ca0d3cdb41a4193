import Ensemble
import Foundation

extension ChainWriter {
    /// Creates a chain file for `sampler` (its shape, and its state if it has not stepped yet)
    /// and appends the steps it has stored so far, if any.
    ///
    /// - Throws: `ChainFileError.invalidInput` if the sampler was resumed from a state at a
    ///   step other than 0 (append to the file it came from instead); as `create`.
    public static func create<T, M>(
        at url: URL, for sampler: EnsembleSampler<T, M>, metadata: ChainMetadata = ChainMetadata(),
        groupName: String = "mcmc", replacing: Bool = false
    ) throws -> ChainWriter {
        try checkStartsChain(firstStoredIteration: sampler.firstStoredIteration, url: url)
        let shape = ChainShape(walkers: sampler.walkerCount, dimension: sampler.dimension, blobs: sampler.blobCount)
        let writer = try create(at: url, shape: shape, metadata: metadata,
                                initialState: sampler.iteration == 0 ? sampler.state : nil,
                                groupName: groupName, replacing: replacing)
        try writer.append(from: sampler)
        return writer
    }

    /// Appends the steps `sampler` stored after the file's last step, with its current state:
    /// one checkpoint. Does nothing if there are no new steps.
    ///
    /// - Throws: `ChainFileError.invalidInput` if the sampler does not continue this file (its
    ///   shape differs, its stored steps start after the file's end, or the file is ahead of it).
    public func append<T, M>(from sampler: EnsembleSampler<T, M>) throws {
        let samplerShape = ChainShape(walkers: sampler.walkerCount, dimension: sampler.dimension, blobs: sampler.blobCount)
        guard samplerShape == shape else {
            throw ChainFileError.invalidInput(path: url.path, reason: "the sampler has \(samplerShape), the file holds \(shape)")
        }
        guard let alreadyWritten = try stepsAlreadyWritten(firstStored: sampler.firstStoredIteration, stored: sampler.storedStepCount,
                                                           current: sampler.iteration) else { return }
        let rows = ChainRows(positions: sampler.chain(discard: alreadyWritten),
                             logProbabilities: sampler.logDensities(discard: alreadyWritten),
                             blobs: sampler.blobs(discard: alreadyWritten),
                             acceptedCounts: sampler.acceptedCounts)
        try append(rows, state: sampler.state)
    }

    /// Refuses a sampler resumed from a later step as the start of a new file.
    static func checkStartsChain(firstStoredIteration: Int, url: URL) throws {
        guard firstStoredIteration == 0 else {
            throw ChainFileError.invalidInput(
                path: url.path, reason: "the sampler was resumed at step \(firstStoredIteration), so its rows do not start a chain; append them to the file it was resumed from")
        }
    }

    /// How many of a sampler's stored steps (from `firstStored`, `stored` of them, up to `current`)
    /// the file holds already; nil when it holds them all. Throws when the sampler does not
    /// continue this file.
    func stepsAlreadyWritten(firstStored: Int, stored: Int, current: Int) throws -> Int? {
        let alreadyWritten = iteration - firstStored
        guard alreadyWritten >= 0, alreadyWritten <= stored else {
            throw ChainFileError.invalidInput(
                path: url.path, reason: "the file ends at step \(iteration) and the sampler holds steps \(firstStored)..<\(current); it does not continue this file")
        }
        return alreadyWritten < stored ? alreadyWritten : nil
    }

    /// Runs `sampler` for `steps` steps, appending to the file every `interval` steps and after
    /// the last step. If the process dies, the file holds the run up to the last checkpoint.
    public func run<T, M>(_ sampler: EnsembleSampler<T, M>, steps: Int, checkpointEvery interval: Int) throws {
        precondition(steps >= 0 && interval >= 1, "steps must be >= 0 and checkpointEvery >= 1")
        try append(from: sampler)  // anything stored before this call
        sampler.reserveCapacity(forAdditionalSteps: steps)
        var done = 0
        while done < steps {
            let n = min(interval, steps - done)
            for _ in 0..<n { sampler.step() }
            done += n
            try append(from: sampler)
        }
    }
}
