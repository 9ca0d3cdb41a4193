import Ensemble

/// Consecutive sampler steps to append to a chain file, in the layouts of `EnsembleSampler`'s
/// `chain()`, `logDensities()` and `blobs()`, plus emcee's "accepted": accepted proposals per
/// walker counted from the start of the run up to the last of these steps.
public struct ChainRows: Equatable, Sendable {
    /// (steps, walkers, dimension).
    public var positions: ChainArray
    /// (steps, walkers, 1).
    public var logProbabilities: ChainArray
    /// (steps, walkers, blobs); (steps, walkers, 0) when there are no blobs.
    public var blobs: ChainArray
    /// Accepted proposals per walker since the start of the run, after the last step.
    public var acceptedCounts: [Int]

    public init(positions: ChainArray, logProbabilities: ChainArray, blobs: ChainArray? = nil, acceptedCounts: [Int]) {
        self.positions = positions
        self.logProbabilities = logProbabilities
        self.blobs = blobs ?? ChainArray(nSteps: positions.nSteps, nWalkers: positions.nWalkers, nDim: 0, values: [])
        self.acceptedCounts = acceptedCounts
    }

    public var stepCount: Int { positions.nSteps }

    /// Describes the first way these rows do not fit `shape`, or nil.
    func mismatch(with shape: ChainShape) -> String? {
        let steps = positions.nSteps
        if positions.nWalkers != shape.walkers || positions.nDim != shape.dimension {
            return "positions are \(positions.nWalkers) walkers x \(positions.nDim) parameters, the file holds \(shape)"
        }
        if logProbabilities.nSteps != steps || logProbabilities.nWalkers != shape.walkers || logProbabilities.nDim != 1 {
            return "log-probabilities are (\(logProbabilities.nSteps), \(logProbabilities.nWalkers), \(logProbabilities.nDim)), expected (\(steps), \(shape.walkers), 1)"
        }
        if blobs.nSteps != steps || blobs.nWalkers != shape.walkers || blobs.nDim != shape.blobs {
            return "blobs are (\(blobs.nSteps), \(blobs.nWalkers), \(blobs.nDim)), expected (\(steps), \(shape.walkers), \(shape.blobs))"
        }
        if acceptedCounts.count != shape.walkers {
            return "\(acceptedCounts.count) accepted counts for \(shape.walkers) walkers"
        }
        return nil
    }
}
