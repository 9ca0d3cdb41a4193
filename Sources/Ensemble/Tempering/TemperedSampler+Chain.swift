extension TemperedSampler {
    /// The β = 1 chain's positions, (steps, walkers, dimension), as `EnsembleSampler.chain`.
    public func chain(discard: Int = 0, thin: Int = 1) -> ChainArray {
        ensembles[0].chain(discard: discard, thin: thin)
    }

    /// The β = 1 chain's log-posteriors, (steps, walkers, 1).
    public func logDensities(discard: Int = 0, thin: Int = 1) -> ChainArray {
        ensembles[0].logDensities(discard: discard, thin: thin)
    }

    /// The β = 1 chain's blobs of the base target, (steps, walkers, blobCount).
    public func blobs(discard: Int = 0, thin: Int = 1) -> ChainArray {
        let all = ensembles[0].blobs(discard: discard, thin: thin)
        let nb = blobCount, extended = nb + 2
        var values = [Double]()
        values.reserveCapacity(all.nSteps * all.nWalkers * nb)
        for row in 0..<(all.nSteps * all.nWalkers) {
            values.append(contentsOf: all.values[(row * extended)..<(row * extended + nb)])
        }
        return ChainArray(nSteps: all.nSteps, nWalkers: all.nWalkers, nDim: nb, values: values)
    }

    /// Accepted moves per walker of the β = 1 ensemble since the start (swaps not counted).
    public var acceptedCounts: [Int] { ensembles[0].acceptedCounts }

    /// Accepted fraction of moves per walker of the β = 1 ensemble (emcee's `acceptance_fraction`).
    public var acceptanceFraction: [Double] { ensembles[0].acceptanceFraction }

    /// Accepted fraction of moves per walker of every temperature, coldest first.
    public var acceptanceFractions: [[Double]] { ensembles.map(\.acceptanceFraction) }

    /// Rejected proposals with NaN or +inf log-density, over all temperatures.
    public var nonFiniteCount: Int { ensembles.reduce(0) { $0 + $1.nonFiniteCount } }

    /// Current positions of temperature k.
    public func currentPositions(temperature k: Int) -> [[Double]] { ensembles[k].currentPositions }
}
