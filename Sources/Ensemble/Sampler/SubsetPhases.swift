/// One step of an ensemble cut into its subset phases — propose every walker of the subset,
/// evaluate the proposals (anywhere), accept — so that the proposals of several ensembles (the
/// temperatures of a tempered run) are evaluated together across an `EvaluationGroup`. Each walker
/// draws the same random numbers in the same order as in `EnsembleSampler.advance(with:)`, and the
/// evaluations are pure, so a phased step equals the fused one bit for bit.
protocol PhasedStep: AnyObject {
    /// Subsets of this step's move.
    var subsetCount: Int { get }
    /// Proposes for every walker of `subset`; returns how many there are.
    func propose(subset: Int) -> Int
    /// Evaluates the proposal of member `i` of the current subset: log-density at `out[0]`, blobs after.
    func evaluate(member i: Int, into out: UnsafeMutablePointer<Double>)
    /// Accepts or rejects every member of the current subset from the evaluations in `results`
    /// (1 + blobCount values per member, in member order).
    func accept(from results: UnsafePointer<Double>)
    /// Ends the step (counts it).
    func finish()
}

/// `PhasedStep` for one sampler and the move chosen for the step.
final class SubsetPhases<Target: LogDensity, Moves: MoveSchedule, M: Move>: PhasedStep {
    let sampler: EnsembleSampler<Target, Moves>
    let move: M
    var update: WalkerUpdate<Target, M>?
    var logFactors: [Double]
    var memberCount = 0

    init(sampler: EnsembleSampler<Target, Moves>, move: M) {
        self.sampler = sampler
        self.move = move
        logFactors = [Double](repeating: 0, count: sampler.walkerCount)
        sampler.splitWalkers(into: move.subsetCount)
    }

    var subsetCount: Int { move.subsetCount }

    func propose(subset: Int) -> Int {
        let s = sampler, subsets = move.subsetCount
        let start = s.subsetStart[subset]
        memberCount = s.subsetStart[subset + 1] - start
        let complement = Complement(positions: s.storage.positions, dimension: s.dimension, order: s.order,
                                    subsetStart: s.subsetStart, subsetCount: subsets, ownSubset: subset)
        let update = WalkerUpdate(target: s.target, move: move, storage: s.storage, members: s.order + start,
                                  complement: complement)
        let scratch = UnsafeMutableBufferPointer(start: s.scratch, count: s.scratchPerChunk)
        for i in 0..<memberCount { logFactors[i] = update.propose(update.members[i], scratch: scratch) }
        self.update = update
        return memberCount
    }

    func evaluate(member i: Int, into out: UnsafeMutablePointer<Double>) {
        let update = update!
        out[0] = update.evaluate(update.members[i], blobs: out + 1)
    }

    func accept(from results: UnsafePointer<Double>) {
        let update = update!, storage = update.storage, nb = storage.blobCount
        for i in 0..<memberCount {
            let w = update.members[i], r = results + i * (1 + nb)
            if nb > 0 { (storage.proposalBlobs + w * nb).update(from: r + 1, count: nb) }
            update.accept(w, logFactor: logFactors[i], logDensity: r[0])
        }
    }

    func finish() {
        update = nil
        sampler.iterationCount += 1
    }
}

extension EnsembleSampler {
    /// Starts a phased step: the moves see the ensemble, the move is chosen, the walkers split —
    /// the sampler stream used exactly as `advanceOneStep` uses it.
    func beginPhasedStep() -> PhasedStep {
        moves.prepare(EnsembleSnapshot(positions: storage.positions, logDensities: storage.logDensities,
                                       accepted: storage.accepted, walkers: walkerCount, dimension: dimension))
        let u = moves.drawsMovePerStep ? samplerStream.nextUniform() : 0
        var chooser = PhaseChooser(sampler: self)
        moves.select(u, &chooser)
        return chooser.step!
    }
}

/// Makes the `SubsetPhases` of the move selected for a step.
struct PhaseChooser<Target: LogDensity, Moves: MoveSchedule>: MoveVisitor {
    let sampler: EnsembleSampler<Target, Moves>
    var step: PhasedStep?

    init(sampler: EnsembleSampler<Target, Moves>) { self.sampler = sampler }

    mutating func visit<M: Move>(_ move: M) { step = SubsetPhases(sampler: sampler, move: move) }
}
