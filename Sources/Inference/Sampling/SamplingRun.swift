import ChainStorage
import Ensemble
import Flavor
import Foundation

/// One posterior run of a priors file with its chain file: start, resume, checkpoints every
/// `checkpointEvery` steps (ChainWriter: each appends a segment and replaces the small file
/// atomically), the convergence verdict every `checkEvery` steps (``ConvergenceVerdict``, the one
/// `darkz diagnose` gives on the file), a progress callback, and at the end of the run the file made
/// self-contained again (`ChainWriter.compact`). A resumed run continues bit for bit as the
/// uninterrupted one.
///
/// With an `EvaluationGroup` of several processes (`mpirun -n N darkz sample`), every process runs
/// the same sampler and evaluates its share of each step's proposals; process 0 alone writes the
/// chain file, judges convergence (its verdict is broadcast) and reports progress. The chain is
/// the same for any number of processes, and a run resumes with any other number.
public final class SamplingRun {
    /// What a progress line shows.
    public struct Progress: Sendable {
        public let steps: Int
        public let maxSteps: Int
        public let stepsPerSecond: Double
        public let acceptance: Double
        public let tau: [Double]
        public let converged: Bool
        /// Swap acceptance per adjacent temperature pair (tempered runs).
        public let swapAcceptance: [Double]?
        /// Seconds since this process started the run.
        public let elapsed: Double
        /// The steps the convergence rule needs at the current τ: the adaptation steps plus
        /// min_steps_per_tau × the largest τ (at least the minimum steps), at most the maximum;
        /// nil while τ is undefined.
        public let targetSteps: Int?
        /// Seconds to the maximum steps at the current rate.
        public var secondsLeft: Double { Double(maxSteps - steps) / max(stepsPerSecond, 1e-9) }
        /// Seconds to `targetSteps` at the current rate (nil while it is unknown).
        public var secondsToTarget: Double? { targetSteps.map { Double(max($0 - steps, 0)) / max(stepsPerSecond, 1e-9) } }
    }

    public struct Outcome: Sendable {
        public let steps: Int
        public let converged: Bool
        public let tau: [Double]
        public let file: URL
        /// The verdict at the last check (nil when no check ran).
        public let verdict: ConvergenceVerdict?
        /// Whether `interrupted` stopped the run (it is saved, its segments kept, for `darkz resume`).
        public let interrupted: Bool
        /// Seconds the run took in this process.
        public let seconds: Double
    }

    public let priors: PriorsFile
    public let target: PosteriorDensity
    public let settings: SamplerSettings
    let sampler: TemperedSampler<PosteriorDensity, ConfiguredMoves>
    /// The chain file's writer (process 0 of a group only).
    let writer: ChainWriter?
    /// The processes sharing the evaluations (nil: this one alone).
    let group: EvaluationGroup?
    /// The chain file.
    public let file: URL
    /// Steps of the chain file before this process resumed it (needed for tau over the whole chain).
    let earlierChain: ChainArray?
    let earlierLogProbabilities: ChainArray?
    let earlierHistory: TemperedHistory?

    /// Called after every checkpoint with its duration and sizes (`darkz sample --checkpoint-log`).
    public var checkpointObserver: ((CheckpointRecord) -> Void)? {
        get { writer?.checkpointObserver }
        set { writer?.checkpointObserver = newValue }
    }

    /// Starts a new run writing to `output` (refuses to replace an existing file unless `overwrite`).
    ///
    /// - Parameter blobs: the blobs to store; nil for the priors file's ([output] blobs, default chi2).
    public init(priors: PriorsFile, settings: SamplerSettings, output: URL, constraintOverride: [String]? = nil,
                blobs: BlobSelection? = nil, overwrite: Bool = false,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, group: EvaluationGroup? = nil) throws {
        let sharing = group.flatMap { $0.size > 1 ? $0 : nil }
        let writes = (group?.rank ?? 0) == 0
        if writes, FileManager.default.fileExists(atPath: output.path), !overwrite {
            throw ChainFileError.invalidInput(path: output.path, reason: "exists already; continue it with `darkz resume \(output.path)` or pass --overwrite")
        }
        self.priors = priors
        self.settings = settings
        let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
        target = PosteriorDensity(priors: priors, likelihood: try priors.likelihood(predictor: predictor, constraintOverride: constraintOverride),
                                  blobs: blobs)
        let bounds = priors.free.map(\.distribution.sampledBounds)
        // Every temperature starts from the prior; temperature 0 from the seed itself, as an
        // untempered run.
        let starts = (0..<settings.temperatures).map { k in
            InitialEnsemble.fromPrior(walkers: settings.walkers,
                                      seed: Xoshiro256StarStar.temperatureSeed(seed: settings.seed, temperature: k)) { random in
                bounds.map { $0.lowerBound + random.nextUniform() * ($0.upperBound - $0.lowerBound) }
            }
        }
        sampler = try TemperedSampler(target: target, moves: ConfiguredMoves(settings), ladder: settings.ladder(dimension: bounds.count),
                                      initialPositions: starts, seed: settings.seed, threads: threads, group: sharing)
        let metadata = ChainMetadata(parameterNames: priors.free.map(\.sampledName), blobNames: target.blobNames,
                                     priorsText: Self.runText(priors.text, settings: settings, constraints: constraintOverride,
                                                              blobs: target.blobs),
                                     seed: settings.seed)
        writer = writes ? try ChainWriter.create(at: output, for: sampler, metadata: metadata, replacing: overwrite) : nil
        self.group = sharing
        file = output
        earlierChain = nil
        earlierLogProbabilities = nil
        earlierHistory = nil
    }

    /// Resumes the run stored in `file` from its last checkpoint, with the priors and settings stored
    /// in it; `maxSteps` replaces the stored maximum, and is stored for later resumes. In a group,
    /// every process reads the file before process 0 opens it for writing.
    public init(resuming file: URL, maxSteps: Int? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, group: EvaluationGroup? = nil) throws {
        let sharing = group.flatMap { $0.size > 1 ? $0 : nil }
        let stored = try ChainFile(contentsOf: file)
        let run = try StoredRun(stored)
        priors = run.priors
        var settings = run.settings
        if let maxSteps { settings.maxSteps = maxSteps }
        self.settings = settings
        let constraints = run.constraints
        let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
        target = PosteriorDensity(priors: priors, likelihood: try priors.likelihood(predictor: predictor, constraintOverride: constraints),
                                  blobs: run.blobs)
        sampler = try TemperedSampler(target: target, moves: ConfiguredMoves(settings),
                                      resumingFrom: stored.resumableTemperedState(), threads: threads, group: sharing)
        sharing?.synchronize()  // every process has read the file
        let writes = (group?.rank ?? 0) == 0
        writer = writes ? try ChainWriter.resume(at: file, expecting: ChainShape(walkers: sampler.walkerCount, dimension: sampler.dimension,
                                                                                 blobs: sampler.blobCount)) : nil
        self.group = sharing
        self.file = file
        if let writer, maxSteps != nil, settings != run.settings {
            try writer.replacePriorsText(Self.runText(priors.text, settings: settings, constraints: constraints, blobs: run.blobs))
        }
        earlierChain = stored.chain
        earlierLogProbabilities = stored.logProbabilities
        earlierHistory = stored.tempering?.history
    }

    /// Steps in the chain so far (before a resume included).
    public var steps: Int { sampler.iteration }

    /// Runs to convergence or `settings.maxSteps` (counting steps before a resume), or with
    /// `untilConverged: false` to `settings.maxSteps` whatever the verdict; `stoppingAt` ends the
    /// run early after the check at or past that step, as an interruption would (the file keeps
    /// its segments; a run that ends otherwise compacts its file). `interrupted` is asked after every
    /// step (one process only: a group's processes could not agree on it within the step); when it
    /// says true the run saves its steps and returns at once, as `stoppingAt` does.
    public func run(stoppingAt stop: Int? = nil, untilConverged: Bool = true, interrupted: () -> Bool = { false },
                    progress: (Progress) -> Void = { _ in }) throws -> Outcome {
        var verdict: ConvergenceVerdict?
        var lastCheckpoint = sampler.iteration
        var tau: [Double] = []
        var converged = false
        var stopped = false, wasInterrupted = false
        let started = Date()
        let firstStep = sampler.iteration
        sampler.reserveCapacity(forAdditionalSteps: max(settings.maxSteps - sampler.iteration, 0))
        while sampler.iteration < settings.maxSteps && !(converged && untilConverged && sampler.iteration >= settings.minimumSteps) {
            let n = min(settings.checkEvery, settings.maxSteps - sampler.iteration)
            for _ in 0..<n {
                sampler.step()
                if group == nil, interrupted() { wasInterrupted = true; break }
            }
            if wasInterrupted { stopped = true; break }
            // τ of the last check is the estimate one check interval back only after a full interval,
            // and only if that check already judged the steps after a tempered run's adaptation.
            // Process 0 judges; the others follow its verdict.
            if let writer {
                let previous = n == settings.checkEvery && verdict != nil && sampler.iteration - n > adaptationSteps ? verdict!.tau : nil
                verdict = currentVerdict(previousTau: previous, complete: false)
                tau = verdict!.tau
                converged = verdict!.isConverged
                if sampler.iteration - lastCheckpoint >= settings.checkpointEvery || converged || sampler.iteration >= settings.maxSteps {
                    try writer.append(from: sampler)
                    lastCheckpoint = sampler.iteration
                    onCheckpoint?(sampler.iteration)
                }
            }
            if let group { converged = group.rootDecides(converged) }
            guard writer != nil else {
                if let stop, sampler.iteration >= stop { stopped = true; break }
                continue
            }
            let elapsed = Date().timeIntervalSince(started)
            let acceptance = sampler.acceptanceFraction.reduce(0, +) / Double(sampler.walkerCount)
            progress(Progress(steps: sampler.iteration, maxSteps: settings.maxSteps,
                              stepsPerSecond: Double(sampler.iteration - firstStep) / max(elapsed, 1e-9),
                              acceptance: acceptance, tau: tau, converged: converged, swapAcceptance: swapAcceptance,
                              elapsed: elapsed, targetSteps: targetSteps(tau: tau)))
            if let stop, sampler.iteration >= stop { stopped = true; break }
        }
        if let writer {
            try writer.append(from: sampler)
            onCheckpoint?(sampler.iteration)
            if !stopped { try writer.compact() }  // an interruption leaves the segments, as a kill would
            if verdict?.isComplete == false, !wasInterrupted { verdict = currentVerdict() }
        }
        return Outcome(steps: sampler.iteration, converged: converged, tau: tau, file: file, verdict: verdict,
                       interrupted: wasInterrupted, seconds: Date().timeIntervalSince(started))
    }

    /// Called with the step of every checkpoint, after it is on disk (process 0).
    public var onCheckpoint: ((Int) -> Void)?

    /// See `Progress.targetSteps`.
    func targetSteps(tau: [Double]) -> Int? {
        guard let largest = tau.max(), !tau.isEmpty, tau.allSatisfy(\.isFinite) else { return nil }
        let needed = adaptationSteps + Int((settings.minStepsPerTau * largest).rounded(.up))
        return min(max(needed, settings.minimumSteps), settings.maxSteps)
    }

    /// The convergence verdict on the chain so far, exactly as `darkz diagnose` judges the file
    /// (default burn-in, previous τ one check interval back: `previousTau` if known, else
    /// re-estimated; a tempered run judged after its ladder's adaptation); nil before the first
    /// step. `complete: false` skips R-hat and ESS when a cheaper criterion fails.
    public func currentVerdict(previousTau: [Double]? = nil, complete: Bool = true) -> ConvergenceVerdict? {
        let chain = fullChain()
        guard chain.nSteps > 0 else { return nil }
        return ConvergenceVerdict(wholeChain: chain, logProbabilities: fullLogProbabilities(),
                                  acceptanceFractions: sampler.acceptanceFraction, checkEvery: settings.checkEvery,
                                  previousTau: previousTau, adaptationSteps: adaptationSteps,
                                  swapAcceptance: swapAcceptance, parameterNames: priors.free.map(\.sampledName),
                                  complete: complete,
                                  thresholds: settings.verdictThresholds)
    }

    /// Steps of a tempered run's ladder adaptation, which the verdict does not judge (0 untempered).
    var adaptationSteps: Int { sampler.temperatureCount > 1 ? sampler.ladder.adaptationSteps : 0 }

    /// Swap acceptance per adjacent temperature pair over the steps after the ladder's adaptation
    /// (the steps the verdict judges; over all steps while it still adapts); nil untempered.
    public var swapAcceptance: [Double]? {
        guard sampler.temperatureCount > 1 else { return nil }
        return TemperedHistory.judgedSwapAcceptance(of: [earlierHistory, sampler.history].compactMap { $0 },
                                                    adaptationSteps: adaptationSteps)
    }

    /// The whole chain: the file's earlier steps (if resumed) followed by this process's steps.
    func fullChain() -> ChainArray {
        let recent = sampler.chain()
        guard let earlier = earlierChain, earlier.nSteps > 0 else { return recent }
        return ChainArray(nSteps: earlier.nSteps + recent.nSteps, nWalkers: recent.nWalkers, nDim: recent.nDim,
                          values: earlier.values + recent.values)
    }

    /// The log-probabilities of ``fullChain()``.
    func fullLogProbabilities() -> ChainArray {
        let recent = sampler.logDensities()
        guard let earlier = earlierLogProbabilities, earlier.nSteps > 0 else { return recent }
        return ChainArray(nSteps: earlier.nSteps + recent.nSteps, nWalkers: recent.nWalkers, nDim: 1,
                          values: earlier.values + recent.values)
    }

    /// The run a chain file describes: its priors file, settings and constraint override.
    public struct StoredRun: Sendable {
        public let priors: PriorsFile
        public let settings: SamplerSettings
        public let constraints: [String]?
        /// The blobs the run stores (files written before the choice existed hold the predictions).
        public let blobs: BlobSelection

        public init(_ file: ChainFile) throws {
            guard let text = file.metadata.priorsText else {
                throw ChainFileError.notADarkzRun(path: file.url.path, reason: "holds no priors file (written by emcee's HDFBackend, not by darkz sample?): diagnose, credible and corner read it without priors; this command needs a file written by darkz sample")
            }
            let (priorsText, settings, constraints, blobs) = try SamplingRun.parseRunText(text, file: file.url.path)
            priors = try PriorsFile(text: priorsText, source: file.url.path + " (stored priors)")
            self.settings = settings
            self.constraints = constraints
            self.blobs = blobs ?? .predictions
        }

        /// The likelihood of the run (its rows, errors and constraints).
        public func likelihood() throws -> PosteriorLikelihood {
            let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
            return try priors.likelihood(predictor: predictor, constraintOverride: constraints)
        }
    }

    // The stored run description: the priors file text followed by the effective settings, so a
    // resume uses exactly what the run used (command-line overrides included).
    static let separator = "\n# --- darkz run settings (written by darkz sample) ---\n"

    static func runText(_ priorsText: String, settings s: SamplerSettings, constraints: [String]?, blobs: BlobSelection) -> String {
        var lines = ["walkers=\(s.walkers)", "seed=\(s.seed)", "max_steps=\(s.maxSteps)", "check_every=\(s.checkEvery)",
                     "min_steps_per_tau=\(s.minStepsPerTau)", "max_tau_change=\(s.maxTauChange)",
                     "checkpoint_every=\(s.checkpointEvery)", "temperatures=\(s.temperatures)",
                     "ladder=\(s.fixedLadder ? "fixed" : "adaptive")", "adaptation_steps=\(s.adaptationSteps)",
                     "moves=" + s.moves.map { "\($0.kind.rawValue):\($0.weight)" }.joined(separator: ",")]
        if let constraints { lines.append("constraints=" + constraints.joined(separator: ",")) }
        lines.append("blobs=\(blobs.rawValue)")
        return priorsText + separator + lines.map { "# " + $0 }.joined(separator: "\n") + "\n"
    }

    /// The priors text, settings, constraint override and blobs (nil when the text has no blobs
    /// line: written before [output] existed, with the predictions) of a stored run description.
    static func parseRunText(_ text: String, file: String) throws -> (String, SamplerSettings, [String]?, BlobSelection?) {
        guard let range = text.range(of: separator) else {
            throw ChainFileError.notADarkzRun(path: file, reason: "stores priors without darkz's run settings")
        }
        let priorsText = String(text[..<range.lowerBound])
        var s = SamplerSettings.defaults
        var constraints: [String]?
        var blobs: BlobSelection?
        for line in text[range.upperBound...].split(separator: "\n") {
            // keep an empty value: "constraints=" is the override "none", not a missing line
            let parts = line.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "walkers": s.walkers = Int(parts[1]) ?? s.walkers
            case "seed": s.seed = UInt64(parts[1]) ?? s.seed
            case "max_steps": s.maxSteps = Int(parts[1]) ?? s.maxSteps
            case "check_every": s.checkEvery = Int(parts[1]) ?? s.checkEvery
            case "min_steps_per_tau": s.minStepsPerTau = Double(parts[1]) ?? s.minStepsPerTau
            case "max_tau_change": s.maxTauChange = Double(parts[1]) ?? s.maxTauChange
            case "checkpoint_every": s.checkpointEvery = Int(parts[1]) ?? s.checkpointEvery
            case "temperatures": s.temperatures = Int(parts[1]) ?? s.temperatures
            case "ladder": s.fixedLadder = parts[1] == "fixed"
            case "adaptation_steps": s.adaptationSteps = Int(parts[1]) ?? s.adaptationSteps
            case "moves":
                s.moves = parts[1].split(separator: ",").compactMap { item in
                    let kv = item.split(separator: ":")
                    guard kv.count == 2, let kind = SamplerSettings.MoveKind(rawValue: String(kv[0])), let w = Double(kv[1]) else { return nil }
                    return (kind, w)
                }
            case "constraints": constraints = parts[1].isEmpty ? [] : parts[1].split(separator: ",").map(String.init)
            case "blobs":
                guard let choice = BlobSelection(rawValue: parts[1]) else {
                    throw ChainFileError.notADarkzRun(path: file, reason: "stores run settings naming unknown blobs '\(parts[1])'")
                }
                blobs = choice
            default: break
            }
        }
        return (priorsText, s, constraints, blobs)
    }
}
