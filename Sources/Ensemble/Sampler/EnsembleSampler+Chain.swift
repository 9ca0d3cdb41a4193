extension EnsembleSampler {
    /// Steps stored by this object (since the start, or since the resume).
    public var storedStepCount: Int { logDensityHistory.count / walkerCount }

    /// Stored positions, shape (steps, walkers, dimension), as emcee's `get_chain(discard, thin)`.
    public func chain(discard: Int = 0, thin: Int = 1) -> ChainArray {
        stored(positionHistory, perWalker: dimension, discard: discard, thin: thin)
    }

    /// Stored positions flattened to (steps x walkers) points, step-major, as emcee's
    /// `get_chain(flat=True)`.
    public func flatChain(discard: Int = 0, thin: Int = 1) -> [[Double]] {
        chain(discard: discard, thin: thin).flattened()
    }

    /// Stored log-densities, shape (steps, walkers, 1), as emcee's `get_log_prob`.
    public func logDensities(discard: Int = 0, thin: Int = 1) -> ChainArray {
        stored(logDensityHistory, perWalker: 1, discard: discard, thin: thin)
    }

    /// Stored blobs, shape (steps, walkers, blobCount), as emcee's `get_blobs`.
    public func blobs(discard: Int = 0, thin: Int = 1) -> ChainArray {
        stored(blobHistory, perWalker: blobCount, discard: discard, thin: thin)
    }

    private func stored(_ values: [Double], perWalker: Int, discard: Int, thin: Int) -> ChainArray {
        let all = ChainArray(nSteps: storedStepCount, nWalkers: walkerCount, nDim: perWalker, values: values)
        return discard == 0 && thin == 1 ? all : all.slice(discard: discard, thin: thin)
    }

    /// Accepted proposals over steps, per walker (emcee's `acceptance_fraction`), counted from
    /// the start of the run, including steps before a resume.
    public var acceptanceFraction: [Double] {
        let steps = Double(max(iterationCount, 1))
        return (0..<walkerCount).map { Double(storage.accepted[$0]) / steps }
    }

    /// Accepted proposals per walker.
    public var acceptedCounts: [Int] { storage.array(storage.accepted, walkerCount) }

    /// Proposals whose log-density was NaN or +inf (rejected), per walker.
    public var nonFiniteCounts: [Int] { storage.array(storage.nonFinite, walkerCount) }

    /// Total number of proposals whose log-density was NaN or +inf (rejected).
    public var nonFiniteCount: Int { nonFiniteCounts.reduce(0, +) }

    /// Current position of every walker.
    public var currentPositions: [[Double]] {
        (0..<walkerCount).map { storage.array(storage.positions + $0 * dimension, dimension) }
    }

    /// Current log-density of every walker.
    public var currentLogDensities: [Double] { storage.array(storage.logDensities, walkerCount) }

    /// Current blobs of every walker.
    public var currentBlobs: [[Double]] {
        (0..<walkerCount).map { storage.array(storage.blobs + $0 * blobCount, blobCount) }
    }
}
