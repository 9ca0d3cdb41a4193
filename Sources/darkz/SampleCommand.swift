import ArgumentParser
import ChainStorage
import Cluster
import Foundation
import Inference

/// `darkz sample`: the posterior of a case, walkers in parallel, chain file with checkpoints.
/// Exit 0 when the run ends converged, 3 when not (the verdict of `darkz diagnose`).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Sample the posterior of a case to convergence; writes chains/<name>.h5 (emcee's HDF layout).",
        discussion: "Stops when the convergence verdict holds (the one darkz diagnose prints) or at the maximum steps. Exit code 0 when converged, 3 when not.")

    @OptionGroup var selection: PriorsSelection

    @Option(name: .customLong("seed"), help: "Random seed (overrides the priors file).")
    var seed: UInt64?

    @Option(name: .customLong("walkers"), help: "Number of walkers (overrides the priors file).")
    var walkers: Int?

    @Option(name: .customLong("max-steps"), help: "Maximum number of steps (overrides the priors file).")
    var maxSteps: Int?

    @Option(name: .customLong("temperatures"), help: "Parallel-tempering temperatures K (1 = untempered; overrides the priors file).")
    var temperatures: Int?

    @Option(name: .customLong("out"), help: "Chain file (default chains/<name>.h5).")
    var out: String?

    @Option(name: .customLong("constraints"), help: "Constraints in the likelihood: all, none, or a comma-separated list (default: the priors file's).")
    var constraints: String?

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.count }

    @Option(name: .customLong("blobs"), help: "Blobs stored per walker and step: none, chi2 (the binned and constraint chi^2) or predictions (those and every row's prediction); overrides [output] blobs of the priors file (default chi2).")
    var blobs: BlobSelection?

    @Option(name: .customLong("checkpoint-log"), help: "Append one line per checkpoint to this file: step, steps appended (0: the final compaction), seconds, segment and chain-file bytes.")
    var checkpointLog: String?

    @Option(name: .customLong("ensembles"), help: ArgumentHelp("Run E independent ensembles (seeds derived from --seed; ensemble 0 uses it), to <out>-e<k>.h5, spread over the ranks of mpirun; then their combined R-hat, ESS and evidence, also in <out>-ensembles.json.", valueName: "E"))
    var ensembles: Int?

    @Flag(name: .customLong("overwrite"), help: "Replace an existing chain file.")
    var overwrite = false

    func validate() throws {
        if let walkers, walkers < 2 { throw ValidationError("--walkers must be at least 2") }
        if let maxSteps, maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
        if let ensembles, ensembles < 1 || ensembles > 1024 { throw ValidationError("--ensembles must be between 1 and 1024") }
        if let temperatures, temperatures < 1 || temperatures > 64 { throw ValidationError("--temperatures must be between 1 and 64") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let priors = try selection.load()
        var settings = priors.sampler
        if let seed { settings.seed = seed }
        if let walkers { settings.walkers = walkers }
        if let maxSteps { settings.maxSteps = maxSteps }
        if let temperatures { settings.temperatures = temperatures }
        var override: [String]?
        if let constraints {
            let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
            override = try ConstraintSet.standard(model: predictor.model, onShell: predictor.onShell).select(constraints)
        }
        let output = URL(fileURLWithPath: out ?? "chains/\(priors.name).h5")
        let world = MPIWorld.shared
        if let ensembles {
            let independent = IndependentEnsembles(count: ensembles, output: output, world: world)
            try independent.run(make: { k, seed, file in
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                var own = settings
                own.seed = seed
                let run = try SamplingRun(priors: priors, settings: own, output: file, constraintOverride: override,
                                          blobs: blobs, overwrite: overwrite, threads: threads)
                if world.reports { try CheckpointLog.attach(checkpointLog, to: run) }
                return run
            }, seed: settings.seed)
            return
        }
        let run = try world.agreeing {
            if world.reports {
                try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            let run = try SamplingRun(priors: priors, settings: settings, output: output, constraintOverride: override,
                                      blobs: blobs, overwrite: overwrite, threads: threads, group: world)
            if world.reports { try CheckpointLog.attach(checkpointLog, to: run) }
            return run
        }
        try ProgressLine.finish(try run.runOnEveryRank(world))
    }
}

/// `darkz resume FILE`: continue a run from its last checkpoint, to convergence, or with
/// `--max-steps N` to N steps whatever the verdict (the new maximum is stored in the file).
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a darkz sample run from the last checkpoint of its chain file.",
        discussion: "Without --max-steps: continues until the convergence verdict holds or the stored maximum; a converged run is left as it is. With --max-steps N: extends the chain to N steps whether or not it had converged. Exit code 0 when the run ends converged, 3 when not.")

    @Argument(help: "The chain file written by darkz sample.")
    var file: String

    @Option(name: .customLong("max-steps"), help: "Extend the chain to this many steps (stored for later resumes).")
    var maxSteps: Int?

    @Option(name: .customLong("checkpoint-log"), help: "Append one line per checkpoint to this file: step, steps appended (0: the final compaction), seconds, segment and chain-file bytes.")
    var checkpointLog: String?

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.count }

    func validate() throws {
        if let maxSteps, maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let world = MPIWorld.shared
        let run = try world.agreeing {
            try SamplingRun(resuming: URL(fileURLWithPath: file), maxSteps: maxSteps, threads: threads, group: world)
        }
        let steps = run.steps
        if let maxSteps, maxSteps <= steps {
            throw ValidationError("\(file) holds \(steps) steps already; give --max-steps above \(steps) to extend it")
        }
        if maxSteps == nil, let verdict = run.currentVerdict() {
            if verdict.isConverged {
                if world.reports {
                    print("\(file): already converged after \(steps) steps; nothing to do (extend it with --max-steps N)")
                    print(verdict.text)
                }
                return
            }
            if steps >= run.settings.maxSteps {
                if world.reports {
                    print("\(file): not converged at its maximum of \(run.settings.maxSteps) steps; nothing to do (extend it with --max-steps N)")
                    print(verdict.text)
                }
                throw ExitCode(3)
            }
        }
        if world.reports {
            try CheckpointLog.attach(checkpointLog, to: run)
            print("\(file): continuing from step \(steps) to \(maxSteps.map { "\($0) steps" } ?? "convergence (at most \(run.settings.maxSteps) steps)")")
        }
        try ProgressLine.finish(try run.runOnEveryRank(world, untilConverged: maxSteps == nil))
    }
}

/// Progress on stderr (rank 0): on a terminal one line rewritten in place — step, percentage and
/// bar, elapsed time, rate, acceptance, τ and the steps the convergence rule needs at that τ with
/// the time to reach them (and to the maximum); otherwise (batch and SLURM logs) the same as a
/// line of its own every 5% of the maximum steps.
enum ProgressLine {
    static let isTerminal = isatty(STDERR_FILENO) != 0
    /// Percent of the maximum logged last (non-terminal stderr).
    nonisolated(unsafe) static var loggedPercent = -1
    /// Put before every line ("ensemble 2/4: " for --ensembles).
    nonisolated(unsafe) static var prefix = "" { didSet { loggedPercent = -1 } }

    static func show(_ p: SamplingRun.Progress) {
        let percent = 100 * p.steps / max(p.maxSteps, 1)
        if isTerminal {
            FileHandle.standardError.write(Data(("\r" + prefix + text(p, bar: true) + "   ").utf8))
        } else if loggedPercent < 0 || percent >= loggedPercent + 5 || p.steps >= p.maxSteps {
            loggedPercent = percent - percent % 5
            FileHandle.standardError.write(Data((prefix + text(p, bar: false) + "\n").utf8))
        }
    }

    static func text(_ p: SamplingRun.Progress, bar: Bool) -> String {
        let fraction = Double(p.steps) / Double(max(p.maxSteps, 1))
        let filled = Int((fraction * 20).rounded(.down))
        let gauge = bar ? " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]" : ""
        let tau = p.tau.map { String(format: "%.0f", $0) }.joined(separator: ",")
        let swaps = p.swapAcceptance.map { String(format: "  swaps >= %.2f", $0.min() ?? .nan) } ?? ""
        let target: String
        if p.converged {
            target = "converged"
        } else if let steps = p.targetSteps, let seconds = p.secondsToTarget {
            target = "needs ~\(steps) steps (50 tau): " + duration(seconds)
        } else {
            target = "tau not yet estimated"
        }
        return String(format: "step %d/%d (%.0f%%)%@  %@  %.0f steps/s  acceptance %.2f%@  tau [%@]  %@, max in %@",
                      p.steps, p.maxSteps, 100 * fraction, gauge, duration(p.elapsed), p.stepsPerSecond, p.acceptance, swaps, tau,
                      target, duration(p.secondsLeft))
    }

    /// "42 s", "3 min 05 s", "2 h 10 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return String(format: "%d min %02d s", s / 60, s % 60) }
        return String(format: "%d h %02d min", s / 3600, (s % 3600) / 60)
    }

    /// Prints the outcome, its wall time and its verdict (rank 0 of a run under mpirun); throws
    /// exit code 3 when the run ended unconverged.
    static func finish(_ o: SamplingRun.Outcome) throws {
        guard MPIWorld.shared.reports else {
            if !o.converged { throw ExitCode(3) }
            return
        }
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let tau = o.tau.map { String(format: "%.1f", $0) }.joined(separator: ", ")
        print("\(o.converged ? "converged" : "not converged (maximum steps reached)") after \(o.steps) steps in \(String(format: "%.1f", o.seconds)) s; tau = [\(tau)]; chain: \(o.file.relativePath)")
        if let verdict = o.verdict { print(verdict.text) }
        if !o.converged { throw ExitCode(3) }
    }
}

/// `--checkpoint-log FILE`: one tab-separated line per checkpoint (`step`, `steps`, `seconds`,
/// `segment_bytes`, `file_bytes`), appended as the run goes, under a header line when the file is
/// new; the compaction at the end of a run is a line with `steps` 0.
enum CheckpointLog {
    static func attach(_ path: String?, to run: SamplingRun) throws {
        guard let path else { return }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: Data("step\tsteps\tseconds\tsegment_bytes\tfile_bytes\n".utf8)) else {
                throw ValidationError("cannot create the checkpoint log \(path)")
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        run.checkpointObserver = { record in
            let line = String(format: "%d\t%d\t%.6f\t%d\t%d\n", record.iteration, record.steps, record.seconds,
                              record.segmentBytes, record.fileBytes)
            handle.write(Data(line.utf8))
        }
    }
}

extension SamplingRun {
    /// Runs on every rank of `world` with the signal handling of `Interruption` on rank 0; a failure
    /// mid-run (rank 0's chain file) ends the whole job with one error line, since the other ranks
    /// wait for it in lock-step. An interrupted run ends with exit code 130 after saying how to go on.
    func runOnEveryRank(_ world: MPIWorld, untilConverged: Bool = true) throws -> Outcome {
        let lockStep = world.size > 1
        if world.reports {
            Interruption.install(file: file, step: steps, lockStep: lockStep)
            onCheckpoint = { [file] step in Interruption.checkpointed(step: step, file: file, lockStep: lockStep) }
        }
        let outcome: Outcome
        do {
            outcome = try run(untilConverged: untilConverged, interrupted: { Interruption.requested }, progress: ProgressLine.show)
        } catch where lockStep {
            world.abort(error)
        }
        if outcome.interrupted {
            if ProgressLine.isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
            FileHandle.standardError.write(Data("interrupted at step \(outcome.steps), saved; continue with darkz resume \(outcome.file.relativePath)\n".utf8))
            throw ExitCode(130)
        }
        return outcome
    }
}

extension BlobSelection: ExpressibleByArgument {}
