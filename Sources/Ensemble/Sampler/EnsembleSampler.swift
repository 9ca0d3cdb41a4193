import Foundation

/// Affine-invariant ensemble MCMC sampler (Goodman & Weare 2010) with the parallel red-blue
/// update of emcee (Foreman-Mackey et al. 2013), modelled on emcee 3's `EnsembleSampler`.
///
///     let sampler = try EnsembleSampler(
///         target: myPosterior, moves: StretchMove(),
///         initialPositions: InitialEnsemble.ball(around: best, scale: 1e-3, walkers: 32, seed: 1),
///         seed: 42)
///     sampler.run(steps: 5_000)
///     let samples = sampler.chain(discard: 1_000, thin: 10)   // (steps, walkers, dim)
///
/// Generic over the target and the moves, so the update loop is specialised for both. Each step
/// picks a move (for a `MoveMixture`) and updates the ensemble subset by subset; the walkers of a
/// subset are updated on `threadCount` threads. One seed gives one random stream per walker and
/// one for the sampler, so chains are bit-identical for any thread count, and `state` saved and
/// resumed continues bit for bit.
///
/// Not thread-safe itself: drive one sampler from one task at a time.
public final class EnsembleSampler<Target: LogDensity, Moves: MoveSchedule> {
    public let target: Target
    public let moves: Moves
    public let walkerCount: Int
    public let dimension: Int
    public let blobCount: Int
    /// Threads that update the walkers of a subset; 1 = serial.
    public let threadCount: Int
    /// Whether walkers are shuffled between subsets every step (emcee's `randomize_split`).
    public let randomizeSplit: Bool
    /// `iteration` when this object started storing its chain (0, or the step resumed from).
    public let firstStoredIteration: Int

    @usableFromInline let storage: WalkerStorage
    @usableFromInline var samplerStream: Xoshiro256StarStar
    @usableFromInline var iterationCount: Int
    // Red-blue split: walkers ordered by subset, subset boundaries.
    @usableFromInline let order: UnsafeMutablePointer<Int>
    @usableFromInline let subsetStart: UnsafeMutablePointer<Int>
    // Threads, and move scratch for each chunk of walkers.
    @usableFromInline let workers: WorkerPool
    @usableFromInline let scratch: UnsafeMutablePointer<Double>
    @usableFromInline let scratchPerChunk: Int
    // Stored chain, appended every step: (steps, walkers, dim) layouts as ChainArray.
    @usableFromInline var positionHistory: [Double] = []
    @usableFromInline var logDensityHistory: [Double] = []
    @usableFromInline var blobHistory: [Double] = []

    /// Starts a sampler from `initialPositions` (one array of `target.dimension` values per
    /// walker), evaluating the target there.
    ///
    /// - Parameters:
    ///   - seed: determines every random number of the run.
    ///   - threads: threads for the walker updates (default: all cores); 1 = serial. Results do
    ///     not depend on it. Parallel updates pay off for log-densities costing more than a few
    ///     microseconds; more threads than cores only slow the sampler down.
    ///   - randomizeSplit: shuffle walkers between subsets each step (emcee's default).
    ///   - degeneracyTolerance: smallest accepted ratio of the smallest to the largest eigenvalue
    ///     of the walkers' sample correlation matrix.
    /// - Throws: `SamplerError` if there are fewer than 2 x dimension walkers, a position has the
    ///   wrong length or a non-finite value, the walkers are degenerate, an initial log-density
    ///   is not finite, or a move does not fit the ensemble.
    public convenience init(
        target: Target, moves: Moves, initialPositions: [[Double]], seed: UInt64,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        randomizeSplit: Bool = true, degeneracyTolerance: Double = 1e-12
    ) throws {
        let state = try InitialState.make(
            target: target, positions: initialPositions, seed: seed, threads: threads,
            degeneracyTolerance: degeneracyTolerance)
        try self.init(target: target, moves: moves, resumingFrom: state, threads: threads,
                      randomizeSplit: randomizeSplit)
    }

    /// Resumes from a saved `state` (see `state`); the continuation equals an uninterrupted run
    /// bit for bit, for any thread count. The stored chain starts empty.
    public convenience init(
        target: Target, moves: Moves, resumingFrom state: SamplerState,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, randomizeSplit: Bool = true
    ) throws {
        guard threads >= 1 else { throw SamplerError.invalidThreadCount(threads) }
        try self.init(target: target, moves: moves, resumingFrom: state, workers: WorkerPool(threads: threads),
                      randomizeSplit: randomizeSplit)
    }

    /// Resumes from `state` on the threads of `workers`, which several samplers may share when
    /// they step one after the other (the temperatures of a `TemperedSampler`).
    init(target: Target, moves: Moves, resumingFrom state: SamplerState, workers: WorkerPool,
         randomizeSplit: Bool = true) throws {
        let threads = workers.threadCount
        if let problem = state.inconsistency() { throw SamplerError.incompatibleState(problem) }
        guard state.dimension == target.dimension, state.blobCount == target.blobCount else {
            throw SamplerError.incompatibleState(
                "it has \(state.dimension) parameters and \(state.blobCount) blobs, the target \(target.dimension) and \(target.blobCount).")
        }
        guard state.walkerCount >= 2 * state.dimension else {
            throw SamplerError.tooFewWalkers(walkers: state.walkerCount, dimension: state.dimension)
        }
        try moves.validate(walkers: state.walkerCount, dimension: state.dimension)

        self.target = target
        // Its own copy of any adaptive state (one DIME proposal per ensemble), restored on resume.
        self.moves = moves.independentCopy()
        self.moves.restoreAdaptiveState(state.moveState ?? [])
        walkerCount = state.walkerCount
        dimension = state.dimension
        blobCount = state.blobCount
        threadCount = threads
        self.randomizeSplit = randomizeSplit
        firstStoredIteration = state.iteration
        iterationCount = state.iteration
        samplerStream = state.samplerStream
        storage = WalkerStorage(state)
        order = .allocate(capacity: walkerCount)
        subsetStart = .allocate(capacity: walkerCount + 1)
        self.workers = workers
        scratchPerChunk = max(moves.maximumScratchCount(dimension: dimension), 1)
        scratch = .allocate(capacity: scratchPerChunk * workers.chunkLimit)
        scratch.initialize(repeating: 0, count: scratchPerChunk * workers.chunkLimit)
    }

    deinit {
        storage.deallocate()
        order.deallocate()
        subsetStart.deallocate()
        scratch.deallocate()
    }

    /// Steps done since the start of the run (including steps before a resume).
    public var iteration: Int { iterationCount }

    /// The complete state, to save and resume from.
    public var state: SamplerState {
        let w = walkerCount
        return SamplerState(
            walkerCount: w, dimension: dimension, blobCount: blobCount, iteration: iterationCount,
            positions: storage.array(storage.positions, w * dimension),
            logDensities: storage.array(storage.logDensities, w),
            blobs: storage.array(storage.blobs, w * blobCount),
            walkerStreams: storage.array(storage.streams, w),
            samplerStream: samplerStream,
            acceptedCounts: storage.array(storage.accepted, w),
            nonFiniteCounts: storage.array(storage.nonFinite, w),
            moveState: moves.adaptiveState.isEmpty ? nil : moves.adaptiveState)
    }
}

extension EnsembleSampler where Moves == StretchMove {
    /// A sampler with the default stretch move (a = 2).
    public convenience init(
        target: Target, initialPositions: [[Double]], seed: UInt64,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        try self.init(target: target, moves: StretchMove(), initialPositions: initialPositions,
                      seed: seed, threads: threads)
    }
}
