import ArgumentParser
import Foundation
import Inference

/// `darkz bestfit`: the chi^2 minimum of a case with GSL's simplex from several starts.
struct BestFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bestfit",
        abstract: "Find the chi^2 minimum of a model case (paper sec. 5) from several starts.")

    @OptionGroup var selection: PriorsSelection

    @Option(name: .customLong("starts"), help: "Number of starting points.")
    var starts = 12

    @Option(name: .customLong("constraints"), help: "Constraints in the chi^2: all, none, or a comma-separated list (default: the priors file's).")
    var constraints: String?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard starts >= 1 else { throw ValidationError("--starts must be at least 1") }
    }

    func run() throws {
        let priors = try selection.load()
        let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
        var override: [String]?
        if let constraints {
            let set = try ConstraintSet.standard(model: predictor.model, onShell: predictor.onShell)
            override = try set.select(constraints)
        }
        let fit = BestFit(priors: priors, likelihood: try priors.likelihood(predictor: predictor, constraintOverride: override))
        let result = fit.run(starts: starts)
        let report = BestFitReport(result: result, priors: priors)
        if json { try printJSON(report) } else { print(report.text) }
    }
}

/// What `darkz bestfit` prints.
struct BestFitReport: Encodable {
    let priors: String
    let parameters: DarkBosonParameters
    let chi2_min: Double
    let chi2_sm: Double
    let pull: Double
    let observables: Int
    let starts: Int

    init(result: BestFit.Result, priors: PriorsFile) {
        self.priors = priors.source
        parameters = result.parameters
        chi2_min = result.chiSquare
        chi2_sm = result.standardModelChiSquare
        pull = result.pull
        observables = priors.leptons.count == 2 ? 26 : 20
        starts = result.starts
    }

    var text: String {
        let p = parameters
        return [
            "priors: \(priors)",
            String(format: "best fit: case %@  M_ZD = %.4g MeV  epsilon = %.3g  epsilon_Z = %.3g  g_mu = %.4g  invisible fraction = %.3g",
                   p.modelCase.rawValue, p.mZD * 1e3, p.epsilon, p.epsilonZ, p.gMu, p.invisibleFraction),
            String(format: "chi2_min = %.3f   chi2_SM = %.3f   pull = %.2f   (%d starts)", chi2_min, chi2_sm, pull, starts),
        ].joined(separator: "\n")
    }
}
