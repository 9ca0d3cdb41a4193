extension EnsembleSampler {
    /// Advances the ensemble by one step and appends it to the stored chain.
    @inlinable
    public func step() {
        advanceOneStep()
        appendCurrentToHistory()
    }

    /// One step without storing it (a tempered run stores the cold chain after its swaps).
    @inlinable
    func advanceOneStep() {
        moves.prepare(EnsembleSnapshot(positions: storage.positions, logDensities: storage.logDensities,
                                       accepted: storage.accepted, walkers: walkerCount, dimension: dimension))
        let u = moves.drawsMovePerStep ? samplerStream.nextUniform() : 0
        var visitor = StepVisitor(sampler: self)
        moves.select(u, &visitor)
        iterationCount += 1
    }

    /// Runs `steps` steps, reserving chain storage first.
    @inlinable
    public func run(steps: Int) {
        reserveCapacity(forAdditionalSteps: steps)
        for _ in 0..<steps { step() }
    }

    /// Runs until `isDone` returns true, checked every `interval` steps, or `maxSteps` steps;
    /// returns the number of steps done. For convergence checks, e.g. on the autocorrelation time.
    @inlinable @discardableResult
    public func run(maxSteps: Int, checkEvery interval: Int,
                    until isDone: (EnsembleSampler) -> Bool) -> Int {
        precondition(interval >= 1, "checkEvery must be >= 1")
        reserveCapacity(forAdditionalSteps: maxSteps)
        var done = 0
        while done < maxSteps {
            let n = min(interval, maxSteps - done)
            for _ in 0..<n { step() }
            done += n
            if isDone(self) { break }
        }
        return done
    }

    /// One step with `move`: split the walkers into `move.subsetCount` subsets and update each in
    /// turn against the others.
    @inlinable
    func advance<M: Move>(with move: M) {
        let subsets = move.subsetCount
        splitWalkers(into: subsets)
        for subset in 0..<subsets {
            let start = subsetStart[subset]
            let count = subsetStart[subset + 1] - start
            let complement = Complement(
                positions: storage.positions, dimension: dimension, order: order,
                subsetStart: subsetStart, subsetCount: subsets, ownSubset: subset)
            let update = WalkerUpdate(target: target, move: move, storage: storage,
                                      members: order + start, complement: complement)
            let scratch = SharedBuffer(self.scratch, count: scratchPerChunk * workers.chunkLimit)
            let perChunk = scratchPerChunk
            workers.forEachChunk(of: count) { range, chunk in
                update.update(range, scratch: scratch.slice(chunk * perChunk, perChunk))
            }
        }
    }

    /// Splits the walkers into k subsets of sizes ⌈n/k⌉ or ⌊n/k⌋, larger ones first, as emcee's
    /// red-blue split: `order` is a uniformly random permutation of the walkers drawn from the
    /// sampler stream (emcee's `randomize_split`; the identity otherwise), cut into consecutive
    /// blocks.
    @usableFromInline
    func splitWalkers(into k: Int) {
        let n = walkerCount
        for w in 0..<n { order[w] = w }
        if randomizeSplit && k > 1 {
            var random = samplerStream  // a local copy: no exclusivity checks in the loop
            var i = n - 1
            while i > 0 {
                let j = random.nextInt(below: i + 1)
                (order[i], order[j]) = (order[j], order[i])
                i -= 1
            }
            samplerStream = random
        }
        let size = n / k, larger = n % k
        subsetStart[0] = 0
        for j in 0..<k { subsetStart[j + 1] = subsetStart[j] + size + (j < larger ? 1 : 0) }
    }

    @usableFromInline
    func appendCurrentToHistory() {
        positionHistory.append(contentsOf: UnsafeBufferPointer(start: storage.positions, count: walkerCount * dimension))
        logDensityHistory.append(contentsOf: UnsafeBufferPointer(start: storage.logDensities, count: walkerCount))
        if blobCount > 0 {
            blobHistory.append(contentsOf: UnsafeBufferPointer(start: storage.blobs, count: walkerCount * blobCount))
        }
    }

    /// Reserves chain storage for `steps` more steps (at least doubling, so repeated short runs
    /// stay linear).
    public func reserveCapacity(forAdditionalSteps steps: Int) {
        func grow(_ array: inout [Double], perStep: Int) {
            let needed = array.count + steps * perStep
            if array.capacity < needed { array.reserveCapacity(max(needed, 2 * array.capacity)) }
        }
        grow(&positionHistory, perStep: walkerCount * dimension)
        grow(&logDensityHistory, perStep: walkerCount)
        grow(&blobHistory, perStep: walkerCount * blobCount)
    }
}

/// Hands the move selected for a step to `EnsembleSampler.advance(with:)` with its static type.
@usableFromInline
struct StepVisitor<Target: LogDensity, Moves: MoveSchedule>: MoveVisitor {
    @usableFromInline let sampler: EnsembleSampler<Target, Moves>

    @inlinable
    init(sampler: EnsembleSampler<Target, Moves>) { self.sampler = sampler }

    @inlinable
    mutating func visit<M: Move>(_ move: M) { sampler.advance(with: move) }
}
