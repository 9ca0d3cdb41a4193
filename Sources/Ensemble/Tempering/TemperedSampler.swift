import Foundation

/// Parallel-tempered ensemble sampler in the design of ptemcee (Vousden, Farr & Mandel 2016):
/// K ensembles of W walkers, ensemble k sampling π(x) L(x)^β_k, each updated with the usual
/// moves (an `EnsembleSampler` per temperature), then swaps proposed between adjacent
/// temperatures, hottest pair first, pairing the walkers of the two ensembles by two random
/// permutations; a swap of x (at β_i) and y (at β_{i-1}) is accepted with probability
/// min(1, exp((β_{i-1} - β_i)(log L(x) - log L(y)))). The ladder is fixed or adapts during the
/// first steps (`TemperatureLadder`).
///
///     let sampler = try TemperedSampler(target: posterior, moves: StretchMove(),
///         ladder: .geometric(temperatures: 8, dimension: 2, adaptationSteps: 2_000),
///         initialPositions: starts, seed: 42)      // starts: K x W x d
///     sampler.run(steps: 10_000)
///     let cold = sampler.chain(discard: 2_000)     // the β = 1 chain, as EnsembleSampler.chain
///
/// Only the β = 1 chain (positions, log-posteriors, blobs) is stored, with the `TemperedHistory`
/// (ladder, every walker's log-likelihood, swaps) the evidence estimators need. One seed gives
/// every stream; ensemble 0 uses the seed itself, so one temperature is exactly the untempered
/// sampler. Results do not depend on the thread count, and `state` resumes bit for bit.
public final class TemperedSampler<Target: TemperableDensity, Moves: MoveSchedule> {
    public let target: Target
    public let walkerCount: Int
    public let dimension: Int
    /// Blobs of the base target per walker.
    public let blobCount: Int
    public private(set) var ladder: TemperatureLadder
    /// `iteration` when this object started storing (0, or the step resumed from).
    public let firstStoredIteration: Int

    let ensembles: [EnsembleSampler<TemperedTarget<Target>, Moves>]
    let temperatures: [InverseTemperature]
    var swapStream: Xoshiro256StarStar
    var swapProposals: [Int]
    var swapsAccepted: [Int]
    /// Ladder, log-likelihoods and swaps of the steps this object took.
    public private(set) var history: TemperedHistory
    // Work space of a swap sweep.
    var permutation: [Int]
    var partnerPermutation: [Int]
    var stepSwaps: [Double]
    var logLikelihoodRow: [Double]
    let workers: WorkerPool
    /// The processes sharing each step's evaluations (nil: this process alone).
    let grouped: GroupedEvaluation?

    /// Starts a run: `initialPositions[k]` are the W starting points of temperature k.
    ///
    /// - Throws: `SamplerError` as `EnsembleSampler` does for each ensemble, or
    ///   `.incompatibleState` when the ladder does not descend from 1 or the ensembles differ in size.
    public convenience init(target: Target, moves: Moves, ladder: TemperatureLadder, initialPositions: [[[Double]]],
                            seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            degeneracyTolerance: Double = 1e-12, group: EvaluationGroup? = nil) throws {
        guard initialPositions.count == ladder.count else {
            throw SamplerError.incompatibleState("it has \(initialPositions.count) initial ensembles for \(ladder.count) temperatures.")
        }
        var states: [SamplerState] = []
        for (k, positions) in initialPositions.enumerated() {
            let tempered = TemperedTarget(base: target, temperature: InverseTemperature(ladder.betas[k]))
            states.append(try InitialState.make(
                target: tempered, positions: positions, seed: Xoshiro256StarStar.temperatureSeed(seed: seed, temperature: k),
                threads: threads, degeneracyTolerance: degeneracyTolerance))
        }
        let pairs = max(ladder.count - 1, 0)
        try self.init(target: target, moves: moves, extendedStates: states, ladder: ladder,
                      swapStream: .swapStream(seed: seed), swapProposals: [Int](repeating: 0, count: pairs),
                      swapsAccepted: [Int](repeating: 0, count: pairs), threads: threads, group: group)
    }

    /// Resumes from a saved `state`; the continuation equals an uninterrupted run bit for bit (for
    /// any thread count and any group). The walkers' log π and log L are evaluated again (no random
    /// numbers are drawn).
    public convenience init(target: Target, moves: Moves, resumingFrom state: TemperedSamplerState,
                            threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            group: EvaluationGroup? = nil) throws {
        guard threads >= 1 else { throw SamplerError.invalidThreadCount(threads) }
        if let problem = state.inconsistency() { throw SamplerError.incompatibleState(problem) }
        guard state.ensembles[0].dimension == target.dimension, state.ensembles[0].blobCount == target.blobCount else {
            throw SamplerError.incompatibleState(
                "it has \(state.ensembles[0].dimension) parameters and \(state.ensembles[0].blobCount) blobs, the target \(target.dimension) and \(target.blobCount).")
        }
        let extended = state.ensembles.map { Self.extend($0, target: target, threads: threads) }
        try self.init(target: target, moves: moves, extendedStates: extended, ladder: state.ladder,
                      swapStream: state.swapStream, swapProposals: state.swapProposals,
                      swapsAccepted: state.swapsAccepted, threads: threads, group: group)
    }

    private init(target: Target, moves: Moves, extendedStates states: [SamplerState], ladder: TemperatureLadder,
                 swapStream: Xoshiro256StarStar, swapProposals: [Int], swapsAccepted: [Int], threads: Int,
                 group: EvaluationGroup?) throws {
        guard threads >= 1 else { throw SamplerError.invalidThreadCount(threads) }
        guard ladder.betas.first == 1, zip(ladder.betas, ladder.betas.dropFirst()).allSatisfy({ $0 > $1 }),
              let hottest = ladder.betas.last, hottest >= 0 else {
            throw SamplerError.incompatibleState("its inverse temperatures \(ladder.betas) do not descend strictly from 1 to a value >= 0.")
        }
        let workers = WorkerPool(threads: threads)
        self.workers = workers
        grouped = group.map { GroupedEvaluation(group: $0, blobCount: target.blobCount + 2) }
        self.target = target
        self.ladder = ladder
        temperatures = ladder.betas.map(InverseTemperature.init)
        ensembles = try zip(states, temperatures).map { state, temperature in
            try EnsembleSampler(target: TemperedTarget(base: target, temperature: temperature), moves: moves.independentCopy(),
                                resumingFrom: state, workers: workers)
        }
        walkerCount = states[0].walkerCount
        dimension = states[0].dimension
        blobCount = target.blobCount
        firstStoredIteration = states[0].iteration
        self.swapStream = swapStream
        self.swapProposals = swapProposals
        self.swapsAccepted = swapsAccepted
        history = TemperedHistory(temperatures: ladder.count, walkers: walkerCount)
        permutation = Array(0..<walkerCount)
        partnerPermutation = Array(0..<walkerCount)
        stepSwaps = [Double](repeating: 0, count: max(ladder.count - 1, 0))
        logLikelihoodRow = [Double](repeating: 0, count: ladder.count * walkerCount)
    }

    /// A state with the two tempering blobs (log π, log L) appended to each walker's blobs.
    private static func extend(_ state: SamplerState, target: Target, threads: Int) -> SamplerState {
        var extended = state
        let nb = state.blobCount, w = state.walkerCount, d = state.dimension
        var blobs = [Double](repeating: 0, count: w * (nb + 2))
        for i in 0..<w {
            let x = Array(state.positions[(i * d)..<((i + 1) * d)])
            var b = [Double](repeating: 0, count: nb)
            let (prior, likelihood) = x.withUnsafeBufferPointer { xs in
                b.withUnsafeMutableBufferPointer { target.logPriorAndLikelihood(xs, blobs: $0) }
            }
            for j in 0..<nb { blobs[i * (nb + 2) + j] = state.blobs[i * nb + j] }
            blobs[i * (nb + 2) + nb] = prior
            blobs[i * (nb + 2) + nb + 1] = likelihood
        }
        extended.blobCount = nb + 2
        extended.blobs = blobs
        return extended
    }

    /// Number of temperatures.
    public var temperatureCount: Int { ensembles.count }

    /// Steps done since the start of the run (including steps before a resume).
    public var iteration: Int { ensembles[0].iteration }

    /// Steps stored by this object.
    public var storedStepCount: Int { history.steps }

    /// The complete state, to save and resume from.
    public var state: TemperedSamplerState {
        TemperedSamplerState(ladder: ladder, ensembles: ensembles.map { Self.strip($0.state) }, swapStream: swapStream,
                             swapProposals: swapProposals, swapsAccepted: swapsAccepted)
    }

    /// The β = 1 ensemble's state with the base target's blobs, as an untempered sampler's state.
    public var coldState: SamplerState { Self.strip(ensembles[0].state) }

    private static func strip(_ state: SamplerState) -> SamplerState {
        var s = state
        let nb = state.blobCount - 2
        s.blobCount = nb
        s.blobs = (0..<state.walkerCount).flatMap { w in state.blobs[(w * state.blobCount)..<(w * state.blobCount + nb)] }
        return s
    }

    /// Fraction of proposed swaps accepted between temperatures i and i + 1 since the start.
    public var swapAcceptance: [Double] {
        zip(swapsAccepted, swapProposals).map { $1 > 0 ? Double($0) / Double($1) : .nan }
    }

    // MARK: Stepping

    /// One step: every temperature moves (with a group, the proposals of all temperatures
    /// evaluated together across its processes), then the swaps, then (while it adapts) the ladder.
    public func step() {
        if let grouped {
            grouped.step(ensembles.map { $0.beginPhasedStep() }, workers: workers)
        } else {
            for ensemble in ensembles { ensemble.advanceOneStep() }
        }
        swapAdjacentTemperatures()
        let betasOfStep = ladder.betas
        ensembles[0].appendCurrentToHistory()
        recordLogLikelihoods()
        logLikelihoodRow.withUnsafeBufferPointer { history.append(betas: betasOfStep, logLikelihoods: $0, swapsAccepted: stepSwaps) }
        let done = iteration
        if ladder.adapts(afterStep: done - 1) {
            ladder.adapt(swapAcceptance: stepSwaps.map { $0 / Double(walkerCount) }, step: done - 1)
            applyLadder()
        }
    }

    /// Runs `steps` steps, reserving storage first.
    public func run(steps: Int) {
        reserveCapacity(forAdditionalSteps: steps)
        for _ in 0..<steps { step() }
    }

    public func reserveCapacity(forAdditionalSteps steps: Int) {
        ensembles[0].reserveCapacity(forAdditionalSteps: steps)
        history.reserve(steps: steps)
    }

    /// ptemcee's swap sweep, from the hottest pair to the coldest.
    func swapAdjacentTemperatures() {
        let k = ensembles.count, w = walkerCount
        guard k > 1 else { return }
        var random = swapStream
        for i in stride(from: k - 1, through: 1, by: -1) {
            shuffle(&permutation, &random)
            shuffle(&partnerPermutation, &random)
            let hot = ensembles[i].storage, cold = ensembles[i - 1].storage
            let deltaBeta = ladder.betas[i - 1] - ladder.betas[i]
            let nb = hot.blobCount  // base blobs + log π + log L
            var accepted = 0
            for j in 0..<w {
                let a = permutation[j], b = partnerPermutation[j]
                let logU = log(random.nextUniform())
                let logAccept = deltaBeta * (hot.blobs[a * nb + nb - 1] - cold.blobs[b * nb + nb - 1])
                guard logAccept > logU else { continue }
                accepted += 1
                exchange(hot, a, cold, b)
            }
            swapProposals[i - 1] += w
            swapsAccepted[i - 1] += accepted
            stepSwaps[i - 1] = Double(accepted)
        }
        swapStream = random
        for i in 0..<k { reweight(i) }
    }

    private func shuffle(_ p: inout [Int], _ random: inout Xoshiro256StarStar) {
        for i in p.indices { p[i] = i }
        var i = p.count - 1
        while i > 0 {
            let j = random.nextInt(below: i + 1)
            p.swapAt(i, j)
            i -= 1
        }
    }

    /// Exchanges the positions and blobs of walker a of one ensemble and walker b of another.
    private func exchange(_ s: WalkerStorage, _ a: Int, _ t: WalkerStorage, _ b: Int) {
        let d = dimension, nb = s.blobCount
        for j in 0..<d { swap(&s.positions[a * d + j], &t.positions[b * d + j]) }
        for j in 0..<nb { swap(&s.blobs[a * nb + j], &t.blobs[b * nb + j]) }
    }

    /// Recomputes log p_β of every walker of temperature i from its stored log π and log L.
    private func reweight(_ i: Int) {
        let s = ensembles[i].storage, nb = s.blobCount, beta = temperatures[i].beta
        for w in 0..<walkerCount {
            s.logDensities[w] = temperedLogDensity(logPrior: s.blobs[w * nb + nb - 2], logLikelihood: s.blobs[w * nb + nb - 1], beta: beta)
        }
    }

    private func applyLadder() {
        for (i, beta) in ladder.betas.enumerated() where temperatures[i].beta != beta {
            temperatures[i].beta = beta
            reweight(i)
        }
    }

    private func recordLogLikelihoods() {
        let w = walkerCount
        for (i, ensemble) in ensembles.enumerated() {
            let s = ensemble.storage, nb = s.blobCount
            for j in 0..<w { logLikelihoodRow[i * w + j] = s.blobs[j * nb + nb - 1] }
        }
    }
}
