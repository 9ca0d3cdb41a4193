import ArgumentParser
import ChainStorage
import Foundation
import Inference

/// `darkz bestfit`: the chi^2 minimum of a case with GSL's simplex from several starts; with a
/// chain file, also from the chain's best distinct samples, warning when the priors-box starts
/// miss the chain's best sample.
struct BestFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bestfit",
        abstract: "Find the chi^2 minimum of a model case (paper sec. 5) from several starts, or of a chain file's run from its best samples too.")

    @Argument(help: "A chain file written by darkz sample: fit its run, starting also from its best samples.")
    var file: String?

    @OptionGroup var selection: PriorsSelection

    @Option(name: .customLong("starts"), help: "Number of starting points in the priors' box.")
    var starts = 12

    @Option(name: .customLong("chain-starts"), help: "With a chain file: number of its best distinct samples to start from.")
    var chainStarts = 4

    @Option(name: .customLong("constraints"), help: "Constraints in the chi^2: all, none, or a comma-separated list (default: the priors file's, or the chain's run).")
    var constraints: String?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard starts >= 1, chainStarts >= 1 else { throw ValidationError("--starts and --chain-starts must be at least 1") }
        guard (file == nil) == selection.isGiven else { throw ValidationError("give a chain file, or --case or --priors") }
    }

    func run() throws {
        let priors: PriorsFile
        var override: [String]?
        var chain: ChainFile?
        if let file {
            let chainFile = try ChainFile(contentsOf: URL(fileURLWithPath: file))
            let stored = try SamplingRun.StoredRun(chainFile)
            priors = stored.priors
            override = stored.constraints
            chain = chainFile
        } else {
            priors = try selection.load()
        }
        let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
        if let constraints {
            let set = try ConstraintSet.standard(model: predictor.model, onShell: predictor.onShell)
            override = try set.select(constraints)
        }
        let likelihood = try priors.likelihood(predictor: predictor, constraintOverride: override)
        let fit = BestFit(priors: priors, likelihood: likelihood)
        let boxResult = fit.run(starts: starts)
        var result = boxResult
        var warnings = [String]()
        var chainBest: Double?
        if let chain {
            let samples = bestDistinctSamples(chain, count: chainStarts)
            let best = fit.chiSquare(samples[0])
            chainBest = best
            let fromChain = fit.run(starts: 0, extraStarts: samples)
            if fromChain.chiSquare < result.chiSquare { result = fromChain }
            // 0.01 in chi^2: far above the simplex tolerance, far below any difference that matters.
            if boxResult.chiSquare > best + 0.01 {
                warnings.append(String(format: "the minimum from the %d priors-box starts, chi2 = %.3f, is above the chain's best sample, chi2 = %.3f: those starts missed the minimum; the result above also starts from the chain's best samples", starts, boxResult.chiSquare, best))
            }
        }
        let comparison = StandardModelComparison(best: result.parameters, chi2Min: result.chiSquare, likelihood: likelihood)
        if let warning = comparison.warning {
            // The SM lies inside every case (couplings -> 0), so a worse minimum is a missed one.
            warnings.append(warning + (chain == nil ? "; the SM is inside the model, so the starts missed the minimum: try `darkz bestfit CHAINFILE` on a sampled run" : ""))
        }
        let report = BestFitReport(result: result, priors: priors, starts: starts + (chain == nil ? 0 : chainStarts),
                                   comparison: comparison, chainBest: chainBest,
                                   boxMinimum: boxResult.chiSquare, warnings: warnings)
        if json { try printJSON(WithMeta(report, .bestfit(priors: priors))) } else { print(report.text) }
    }

    /// The chain's lowest-chi^2 samples, at most `count`, no two equal (a walker that rejects repeats its point).
    func bestDistinctSamples(_ chain: ChainFile, count: Int) -> [[Double]] {
        let logProbs = chain.logProbabilities.values
        let order = logProbs.indices.sorted { logProbs[$0] > logProbs[$1] }
        let d = chain.chain.nDim
        var picked = [[Double]]()
        for i in order where picked.count < count {
            let x = Array(chain.chain.values[(i * d)..<((i + 1) * d)])
            if !picked.contains(x) { picked.append(x) }
        }
        return picked
    }
}

/// What `darkz bestfit` prints.
struct BestFitReport: Encodable {
    let priors: String
    let parameters: DarkBosonParameters
    let chi2_min: Double
    let chi2_sm: Double
    /// sqrt(chi2_SM - chi2_min), null when the fit is worse than the SM.
    let pull: NullableNumber
    let standard_model: StandardModelComparison
    let observables: Int
    let starts: Int
    /// With a chain file: chi^2 of its best sample and the minimum from the priors-box starts alone.
    let chain_best_chi2: Double?
    let box_starts_chi2_min: Double
    let warnings: [String]

    init(result: BestFit.Result, priors: PriorsFile, starts: Int, comparison: StandardModelComparison, chainBest: Double?,
         boxMinimum: Double, warnings: [String]) {
        self.priors = priors.source
        parameters = result.parameters
        chi2_min = result.chiSquare
        chi2_sm = result.standardModelChiSquare
        pull = NullableNumber(value: comparison.pull)
        standard_model = comparison
        observables = priors.leptons.count == 2 ? 26 : 20
        self.starts = starts
        chain_best_chi2 = chainBest
        box_starts_chi2_min = boxMinimum
        self.warnings = warnings
    }

    var text: String {
        let p = parameters
        var lines = [
            "priors: \(priors)",
            String(format: "best fit: case %@  M_ZD = %.4g MeV  epsilon = %.3g  epsilon_Z = %.3g  g_mu = %.4g  invisible fraction = %.3g",
                   p.modelCase.rawValue, p.mZD * 1e3, p.epsilon, p.epsilonZ, p.gMu, p.invisibleFraction),
        ]
        lines += standard_model.textLines
        lines.append("(\(starts) starts" + (chain_best_chi2.map { String(format: "; chain's best sample chi2 = %.3f", $0) } ?? "") + ")")
        lines += warnings.map { "warning: " + $0 }
        return lines.joined(separator: "\n")
    }
}
