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

    @Flag(name: .customLong("overwrite"), help: "Replace an existing chain file.")
    var overwrite = false

    func validate() throws {
        if let walkers, walkers < 2 { throw ValidationError("--walkers must be at least 2") }
        if let maxSteps, maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
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
        if world.reports { try CheckpointLog.attach(checkpointLog, to: run) }
        try ProgressLine.finish(try run.runOnEveryRank(world, untilConverged: maxSteps == nil))
    }
}

/// The progress line on stderr: only when stderr is a terminal.
enum ProgressLine {
    static let isTerminal = isatty(STDERR_FILENO) != 0

    static func show(_ p: SamplingRun.Progress) {
        guard isTerminal else { return }
        let tau = p.tau.map { String(format: "%.0f", $0) }.joined(separator: ",")
        let swaps = p.swapAcceptance.map { String(format: "  swaps >= %.2f", $0.min() ?? .nan) } ?? ""
        let line = String(format: "\rstep %d/%d  %.0f steps/s  acceptance %.2f%@  tau [%@]  ETA %.0fs   ",
                          p.steps, p.maxSteps, p.stepsPerSecond, p.acceptance, swaps, tau, p.secondsLeft)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Prints the outcome and its verdict (rank 0 of a run under mpirun); throws exit code 3 when
    /// the run ended unconverged.
    static func finish(_ o: SamplingRun.Outcome) throws {
        guard MPIWorld.shared.reports else {
            if !o.converged { throw ExitCode(3) }
            return
        }
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let tau = o.tau.map { String(format: "%.1f", $0) }.joined(separator: ", ")
        print("\(o.converged ? "converged" : "not converged (maximum steps reached)") after \(o.steps) steps; tau = [\(tau)]; chain: \(o.file.path)")
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
    /// Runs on every rank of `world`; a failure mid-run (rank 0's chain file) ends the whole job
    /// with one error line, since the other ranks wait for it in lock-step.
    func runOnEveryRank(_ world: MPIWorld, untilConverged: Bool = true) throws -> Outcome {
        do {
            return try run(untilConverged: untilConverged, progress: ProgressLine.show)
        } catch where world.size > 1 {
            world.abort(error)
        }
    }
}

extension BlobSelection: ExpressibleByArgument {}
