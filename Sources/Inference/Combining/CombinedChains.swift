import ChainStorage
import Ensemble
import Foundation

/// Several chain files of the same priors read as one run: every walker of every file is one
/// chain, as ArviZ treats them when the files' walkers are concatenated along its `chain` axis.
/// `diagnose`, `credible` and `evidence` with several files, and `sample --ensembles N`, combine
/// through this type.
///
/// Alignment (one file reduces exactly to ``ConvergenceVerdict/init(file:discard:maximumRHat:)``):
/// - each file drops its tempering adaptation, then its burn-in: the requested `discard` (counted
///   from its first step) or its own default, twice its own largest τ (``BurnIn``);
/// - the files then keep the same number of draws per walker, the smallest kept length, taken
///   from the end of each file (a longer file drops more at its start; ``notes`` says so);
/// - τ per file on its own chain after the adaptation; the combined τ on the walkers of all files
///   over the last common steps after the adaptation (emcee's estimator averages the
///   autocorrelation over all those walkers); τ stability against the same estimate one check
///   interval earlier;
/// - R-hat, bulk and tail ESS, MCSE and the stuck-walker rules on the kept draws of all walkers;
///   a tempered run's swap acceptance per adjacent pair the lowest of the files'.
/// The verdict is the one rule of ``ConvergenceVerdict`` applied to the combination, with the
/// first file's thresholds (the files agree on them: ``checkSamePriors(_:)``).
public struct CombinedChains: Sendable {
    /// What one file contributes.
    public struct Member: Sendable, Encodable {
        public let path: String
        /// Steps in the file, and its walkers.
        public let steps: Int
        public let walkers: Int
        /// Index of the file's first walker among all combined walkers (file order).
        public let first_walker: Int
        /// The file's tempering adaptation (0 untempered) and its own burn-in, both from step 0.
        public let adaptation_steps: Int
        public let burn_in: Int
        /// First step of the common kept draws: `steps - kept_steps` (at or after `burn_in`).
        public let first_kept_step: Int
        /// τ per parameter of this file alone (after its adaptation).
        public let tau: [Double]
        public let seed: UInt64?
    }

    public let members: [Member]
    public let parameterNames: [String]
    /// Kept draws of all files, walkers stacked in file order: (keptSteps, walkers, parameters).
    public let chain: ChainArray
    public let logProbabilities: ChainArray
    /// Common steps per walker after the adaptation on which the combined τ was estimated.
    public let tauSteps: Int
    /// The verdict on the combination; its `tau` is the combined τ.
    public let verdict: ConvergenceVerdict
    /// For the user (stderr): e.g. the files kept different lengths and were cut to a common one.
    public let notes: [String]

    public var fileCount: Int { members.count }
    public var walkers: Int { chain.nWalkers }
    public var keptSteps: Int { chain.nSteps }
    /// The pooled kept samples, step-major (as emcee's `get_chain(flat=True)` of the stacked chain).
    public var samples: [[Double]] { chain.flattened() }
    /// Paths joined for a heading: "a.h5" or "a.h5 + b.h5".
    public var label: String { members.map(\.path).joined(separator: " + ") }

    /// Reads and combines chain files (see ``init(files:discard:maximumRHat:keeping:)``).
    public init(contentsOf urls: [URL], discard: Int? = nil, maximumRHat: Double? = nil, keeping minimum: Int = 1) throws {
        try self.init(files: urls.map { try ChainFile(contentsOf: $0) }, discard: discard, maximumRHat: maximumRHat, keeping: minimum)
    }

    /// Combines chain files of the same priors.
    /// - Parameters:
    ///   - discard: burn-in steps from each file's first step (nil: each file's default burn-in);
    ///     checked by ``BurnIn/steps(requested:file:keeping:)`` to leave `keeping` steps.
    ///   - maximumRHat: overrides the stored runs' R-hat limit.
    /// - Throws: ``CombinationError`` (no files, different priors) or ``DiscardError``.
    public init(files: [ChainFile], discard: Int? = nil, maximumRHat: Double? = nil, keeping minimum: Int = 1) throws {
        guard !files.isEmpty else { throw CombinationError.noFiles }
        try Self.checkSamePriors(files)
        let burnIns = try files.map { try BurnIn.steps(requested: discard, file: $0, keeping: minimum) }
        self.init(checked: files, burnIns: burnIns, maximumRHat: maximumRHat)
    }

    /// The combination of files already checked to share priors, each with its burn-in.
    init(checked files: [ChainFile], burnIns: [Int], maximumRHat: Double?) {
        let first = files[0]
        let settings = first.metadata.priorsText == nil ? SamplerSettings.defaults
            : (try? SamplingRun.StoredRun(first).settings) ?? SamplerSettings.defaults
        var thresholds = settings.verdictThresholds
        if let maximumRHat { thresholds.maximumRHat = maximumRHat }
        let adaptations = files.map { min($0.tempering?.state.ladder.adaptationSteps ?? 0, max($0.chain.nSteps - 1, 0)) }
        let adapted = zip(files, adaptations).map { $0.chain.slice(discard: $1) }
        let adaptedLogProbabilities = zip(files, adaptations).map { $0.logProbabilities.slice(discard: $1) }
        let tauSteps = adapted.map(\.nSteps).min()!
        let kept = zip(files, burnIns).map { $0.chain.nSteps - max($1, 0) }.min()!
        let keptSteps = max(min(kept, tauSteps), 0)
        func lastSteps(_ chains: [ChainArray], _ n: Int) -> ChainArray {
            ChainArray.stackingWalkers(chains.map { $0.slice(discard: $0.nSteps - n) })
        }
        let tauChain = lastSteps(adapted, tauSteps)
        let tau = IntegratedAutocorrelationTime(tauChain).tau
        let previousTau = tauSteps > settings.checkEvery
            ? IntegratedAutocorrelationTime(tauChain.prefix(steps: tauSteps - settings.checkEvery)).tau : nil
        let swaps = files.compactMap { f in f.tempering.map { $0.history.judgedSwapAcceptance(adaptationSteps: $0.state.ladder.adaptationSteps) } }
        let swapAcceptance = swaps.isEmpty ? nil : (0..<swaps.map(\.count).min()!).map { k in swaps.map { $0[k] }.min()! }
        let names = first.parameterNamesOrIndices
        let keptChain = lastSteps(adapted, keptSteps)
        let keptLogProbabilities = lastSteps(adaptedLogProbabilities, keptSteps)
        var verdict = ConvergenceVerdict(
            chain: keptChain, logProbabilities: keptLogProbabilities,
            acceptanceFractions: files.flatMap(\.acceptanceFraction), tau: tau, tauSteps: tauSteps,
            previousTau: previousTau, swapAcceptance: swapAcceptance, parameterNames: names,
            discard: 0, thresholds: thresholds)
        verdict.discard = files.map { $0.chain.nSteps - keptSteps }.max()!
        let lengthTexts = zip(files, adaptations).map { "\($0.url.relativePath) \($0.chain.nSteps - $1)" }
        // A tempered file not past its adaptation fails chainLength, as in the single-file verdict.
        for file in files.reversed() {
            let adaptation = file.tempering?.state.ladder.adaptationSteps ?? 0
            guard file.chain.nSteps <= adaptation else { continue }
            verdict.failures.insert(.init(.chainLength, (files.count == 1 ? "" : "\(file.url.relativePath): ")
                + "the temperature ladder adapts for \(adaptation) steps and the chain has \(file.chain.nSteps); the verdict judges the steps after the adaptation"), at: 0)
        }
        self.verdict = verdict
        var notes: [String] = []
        if Set(adapted.map(\.nSteps)).count > 1 {
            notes.append("the files differ in length (steps after any adaptation: " + lengthTexts.joined(separator: ", ")
                         + "): the combined tau uses the last \(tauSteps) of each")
        }
        let keptEach = zip(files, burnIns).map { $0.chain.nSteps - $1 }
        if Set(keptEach).count > 1 {
            notes.append("the files keep different numbers of steps after their burn-in ("
                         + zip(files, keptEach).map { "\($0.url.relativePath) \($1)" }.joined(separator: ", ")
                         + "): the last \(keptSteps) steps of each are combined, equal draws per walker")
        }
        self.notes = notes
        var offset = 0
        members = files.indices.map { i in
            let f = files[i]
            defer { offset += f.chain.nWalkers }
            return Member(path: f.url.relativePath, steps: f.chain.nSteps, walkers: f.chain.nWalkers, first_walker: offset,
                          adaptation_steps: adaptations[i], burn_in: burnIns[i], first_kept_step: f.chain.nSteps - keptSteps,
                          tau: IntegratedAutocorrelationTime(adapted[i]).tau, seed: f.metadata.seed)
        }
        parameterNames = names
        chain = keptChain
        logProbabilities = keptLogProbabilities
        self.tauSteps = tauSteps
    }
}
