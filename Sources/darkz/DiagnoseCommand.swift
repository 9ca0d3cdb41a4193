import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// `darkz diagnose FILE...`: convergence diagnostics of a chain file, or of several files of the
/// same priors combined (``CombinedChains``: every walker of every file one chain), and the
/// convergence verdict (``ConvergenceVerdict``, the one `sample` and `resume` stop on). Exit 0
/// when converged, 3 when not.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Convergence diagnostics of chain files: tau, N/tau, R-hat, bulk and tail ESS, MCSE, acceptance, stuck walkers, verdict.",
        discussion: "Exit code 0 when converged (N >= 50 tau and tau stable, R-hat <= 1.01, bulk and tail ESS >= 400, no stuck walkers), 3 when not; the failed criteria are listed. Several files of the same priors (independent runs) are combined: every walker of every file is one chain, as ArviZ does with the walkers concatenated; the files keep equal draws per walker.")

    @Argument(help: "Chain files (darkz sample or emcee's HDFBackend); several are combined.")
    var files: [String]

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop for R-hat, ESS, MCSE and stuck walkers, counted from the start (default: a tempered run's ladder adaptation, then twice the largest tau).")
    var discard: Int?

    @Option(name: .customLong("rhat-max"), help: "Largest R-hat counted as converged.")
    var rhatMax = 1.01

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    @Option(name: .customLong("plot"), help: ArgumentHelp("Write trace plots to this folder: trace.svg, and trace.png with rsvg-convert (each walker per parameter and its log-prob against the step, the verdict's burn-in marked, stuck walkers in red).", valueName: "dir"))
    var plot: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one chain file") }
        if plot != nil, files.count > 1 { throw ValidationError("--plot draws one chain file; give one file with --plot") }
    }

    func run() throws {
        let chainFiles = try files.map { try ChainFile(contentsOf: URL(fileURLWithPath: $0)) }
        for (path, f) in zip(files, chainFiles) where f.chain.nSteps < 4 {
            throw ValidationError("\(path) holds \(f.chain.nSteps) steps; diagnostics need at least 4")
        }
        // R-hat and ESS need at least 4 kept draws (ArviZ's minimum).
        let combined = try CombinedChains(files: chainFiles, discard: discard, maximumRHat: rhatMax, keeping: 4)
        for note in combined.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let verdict = combined.verdict
        var report = DiagnoseReport(combined: combined, tempering: chainFiles.count == 1 ? chainFiles[0].tempering : nil)
        var notes: [String] = []
        if let plot {
            let written = try TracePlots.write(file: chainFiles[0], verdict: verdict, to: URL(fileURLWithPath: plot))
            report.plots = written.paths
            notes = written.notes
        }
        try printReport(WithMeta(report, .diagnose(verdict: verdict, priors: try? SamplingRun.StoredRun(chainFiles[0]).priors)), text: report.text, plots: report.plots ?? [], notes: notes, json: json)
        if !verdict.isConverged { throw ExitCode(3) }
    }
}

struct DiagnoseReport: Encodable {
    struct Parameter: Encodable {
        let name: String
        /// The combined tau (one file: the file's), and each file's own.
        let tau, n_over_tau, rhat, ess_bulk, ess_tail, mcse_mean: Double
        let tau_per_file: [Double]
    }

    struct Acceptance: Encodable {
        let min, median, max: Double
        let stuck_walkers: [Int]
    }

    /// Walkers whose median log-prob lies more than `gap` below the ensemble's median of walker medians.
    struct LogProb: Encodable {
        let ensemble_median: Double
        let gap: Double
        let walker_medians: [Double]
        let stuck_walkers: [Int]
    }

    /// A tempered run's ladder: the final inverse temperatures, the steps it adapted for, and the
    /// swap acceptance between adjacent temperatures after the adaptation (what the verdict judges).
    struct Tempering: Encodable {
        let temperatures: Int
        let betas: [Double]
        let adaptation_steps: Int
        let swap_acceptance: [Double]
    }

    struct Verdict: Encodable {
        let converged: Bool
        let failed: [VerdictFailure]
    }

    /// The file, or the files joined by " + ".
    let file: String
    /// What each file contributes; one entry for one file.
    let files: [CombinedChains.Member]
    /// Steps in the file (the longest of several), the common steps τ was estimated on (after a
    /// tempered run's adaptation) and the common kept draws per walker.
    let steps: Int
    let tau_steps: Int
    let kept_steps: Int
    /// Walkers of all files.
    let walkers: Int
    /// Steps dropped before the kept draws (the largest over the files).
    let discard: Int
    let parameters: [Parameter]
    let acceptance: Acceptance
    let log_prob: LogProb?
    /// Walkers stuck by acceptance or by log-prob.
    let stuck_walkers: [Int]
    let converged: Bool
    let verdict: Verdict
    let verdictText: String
    let tempering: Tempering?
    /// Files written by `--plot`.
    var plots: [String]?

    enum CodingKeys: String, CodingKey {
        case file, files, steps, tau_steps, kept_steps, walkers, discard, parameters, acceptance, log_prob, stuck_walkers, converged, verdict, tempering, plots
    }

    init(combined: CombinedChains, tempering record: TemperingRecord? = nil) {
        let v = combined.verdict, names = combined.parameterNames
        tempering = record.map {
            Tempering(temperatures: $0.history.temperatures, betas: $0.state.ladder.betas,
                      adaptation_steps: $0.state.ladder.adaptationSteps,
                      swap_acceptance: $0.history.judgedSwapAcceptance(adaptationSteps: $0.state.ladder.adaptationSteps))
        }
        file = combined.label
        files = combined.members
        steps = combined.members.map(\.steps).max()!
        tau_steps = v.tauSteps
        kept_steps = combined.keptSteps
        walkers = v.acceptance.fractions.count
        discard = v.discard
        let rank = v.rank!  // diagnose asks for the complete verdict
        parameters = names.indices.map { k in
            Parameter(name: names[k], tau: v.tau[k], n_over_tau: Double(v.tauSteps) / v.tau[k], rhat: rank.rHat[k],
                      ess_bulk: rank.essBulk[k], ess_tail: rank.essTail[k], mcse_mean: rank.mcseMean[k],
                      tau_per_file: combined.members.map { $0.tau[k] })
        }
        acceptance = Acceptance(min: v.acceptance.minimum, median: v.acceptance.median, max: v.acceptance.maximum,
                                stuck_walkers: v.acceptance.stuckWalkers)
        log_prob = v.logProbability.map {
            LogProb(ensemble_median: $0.ensembleMedian, gap: $0.gap, walker_medians: $0.walkerMedians, stuck_walkers: $0.stuckWalkers)
        }
        stuck_walkers = v.stuckWalkers
        converged = v.isConverged
        verdict = Verdict(converged: v.isConverged, failed: v.failures)
        verdictText = v.text
    }

    var text: String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        let head = tempering.map {
            "\(file): \(steps) steps x \(walkers) walkers (the beta = 1 chain of \($0.temperatures) temperatures); tau over the \(tau_steps) steps after the ladder's adaptation, R-hat, ESS and MCSE after discarding \(discard) steps (adaptation included)"
        } ?? (files.count == 1 ? "\(file): \(steps) steps x \(walkers) walkers; R-hat, ESS and MCSE after discarding \(discard) steps"
            : "\(files.count) files combined, \(walkers) walkers in all (" + files.map { "\($0.walkers)" }.joined(separator: " + ")
              + "), each walker a chain; tau on the last \(tau_steps) steps of each (after any adaptation), R-hat, ESS and MCSE on the last \(kept_steps)")
        var lines = [head]
        if files.count > 1 {
            lines.append("")
            lines.append(pad("file", max(files.map(\.path.count).max()!, 4) + 2) + pad("steps", 8) + pad("walkers", 9) + pad("seed", 12) + pad("burn-in", 9) + pad("kept from", 11) + "tau (this file)")
            for f in files {
                lines.append(pad(f.path, max(files.map(\.path.count).max()!, 4) + 2) + pad("\(f.steps)", 8) + pad("\(f.walkers)", 9)
                             + pad(f.seed.map { "\($0)" } ?? "-", 12) + pad("\(f.burn_in)", 9) + pad("\(f.first_kept_step)", 11)
                             + f.tau.map { String(format: "%.1f", $0) }.joined(separator: " "))
            }
        }
        lines.append("")
        lines.append(pad("parameter", 18) + pad("tau", 9) + pad("N/tau", 9) + pad("R-hat", 9) + pad("ESS bulk", 10) + pad("ESS tail", 10) + "MCSE(mean)")
        for p in parameters {
            lines.append(pad(p.name, 18) + pad(String(format: "%.1f", p.tau), 9) + pad(String(format: "%.0f", p.n_over_tau), 9)
                         + pad(String(format: "%.4f", p.rhat), 9) + pad(String(format: "%.0f", p.ess_bulk), 10)
                         + pad(String(format: "%.0f", p.ess_tail), 10) + String(format: "%.3g", p.mcse_mean))
        }
        lines.append("")
        lines.append(String(format: "acceptance: min %.3f  median %.3f  max %.3f", acceptance.min, acceptance.median, acceptance.max)
                     + (acceptance.stuck_walkers.isEmpty ? "" : "  stuck by acceptance: \(acceptance.stuck_walkers)"))
        if let lp = log_prob {
            let lowest = lp.walker_medians.min() ?? .nan
            lines.append(String(format: "log-prob: ensemble median %.6g, lowest walker median %.6g, stuck below median - %.3g: ", lp.ensemble_median, lowest, lp.gap)
                         + (lp.stuck_walkers.isEmpty ? "none" : "\(lp.stuck_walkers.count) walkers \(lp.stuck_walkers)"))
        }
        lines.append("stuck walkers: " + (stuck_walkers.isEmpty ? "none" : "\(stuck_walkers.count) of \(walkers) \(stuck_walkers)")
                     + (files.count > 1 && !stuck_walkers.isEmpty ? " (numbered across the files in order: " + files.map { "\($0.path) from \($0.first_walker)" }.joined(separator: ", ") + ")" : ""))
        if let t = tempering {
            lines.append(String(format: "tempering: %d temperatures, beta = ", t.temperatures)
                         + t.betas.map { String(format: "%.3g", $0) }.joined(separator: " ")
                         + " (adapted for \(t.adaptation_steps) steps); swap acceptance "
                         + t.swap_acceptance.map { String(format: "%.2f", $0) }.joined(separator: " "))
        }
        lines.append(verdictText)
        return lines.joined(separator: "\n")
    }
}
