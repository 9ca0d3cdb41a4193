import ChainStorage
import Ensemble
import Foundation

/// The evidence of a tempered chain file against the Standard Model, as `darkz evidence` and
/// `darkz compare` print it.
///
/// Convention: the likelihood is exp(-chi^2/2) over the priors file's rows and constraints, the
/// Gaussian normalisation constants dropped; the prior is the priors file's, normalised over its
/// box in the sampled variables (log10 for log-uniform parameters). The SM is the point with all
/// Z_D couplings zero, a model without free parameters, so Z_SM = exp(-chi^2_SM/2) for the same
/// rows and constraints, and the dropped constants cancel in B = Z / Z_SM.
public struct EvidenceReport: Sendable, Encodable {
    public struct Estimate: Sendable, Encodable {
        public let method: String
        public let log_evidence: Double
        public let error: Double
        public let monte_carlo_error: Double
        public let discretisation_error: Double
    }

    public struct PriorRange: Sendable, Encodable {
        public let name: String
        public let min: Double
        public let max: Double
    }

    public let file: String
    /// Stepping stone, the primary estimate (no quadrature error); `estimates` holds both.
    public let method: String
    public let log_evidence: Double
    public let log_evidence_error: Double
    public let chi2_sm: Double
    public let log_evidence_sm: Double
    public let log_bayes_factor_vs_sm: Double
    public let jeffreys: String
    public let temperatures: Int
    public let betas: [Double]
    public let swap_acceptance: [Double]
    /// Volume of the prior box in the sampled variables, and its ranges.
    public let prior_volume: Double
    public let prior_ranges: [PriorRange]
    public let estimates: [Estimate]
    public let steps_used: Int
    public let first_step_used: Int
    public let walkers: Int
    public let likelihood: String
    /// Set when the two estimators disagree by more than their combined errors.
    public let warning: String?
    /// The chi^2 of the run's likelihood at the SM point, to tell whether two files share data.
    public var dataKey: Double { chi2_sm }

    /// Reads `file`'s tempering record; `discard` steps are dropped (default: the file's burn-in,
    /// ``BurnIn/defaultSteps(file:)``), and the steps before the ladder's last change.
    public init(file: ChainFile, discard: Int? = nil) throws {
        guard let tempering = file.tempering else {
            throw EvidenceError.untempered(file.url.relativePath)
        }
        let stored = try SamplingRun.StoredRun(file)
        let burn = discard ?? BurnIn.defaultSteps(file: file)
        let estimates: [EvidenceEstimate]
        do { estimates = try TemperedEvidence.estimate(tempering.history, discard: burn) } catch let failure as TemperedEvidence.Failure {
            throw EvidenceError.cannotEstimate(file.url.relativePath, failure.description)
        }
        let ss = estimates.first { $0.method == .steppingStone }!
        let ti = estimates.first { $0.method == .thermodynamicIntegration }!
        let chi2SM = try stored.likelihood().standardModelChiSquare
        self.file = file.url.relativePath
        method = ss.method.rawValue
        log_evidence = ss.logEvidence
        log_evidence_error = ss.error
        chi2_sm = chi2SM
        log_evidence_sm = -chi2SM / 2
        log_bayes_factor_vs_sm = ss.logEvidence + chi2SM / 2
        jeffreys = JeffreysScale.words(log_bayes_factor_vs_sm, "the Z_D model", over: "the SM")
        let h = tempering.history
        temperatures = h.temperatures
        betas = (0..<h.temperatures).map { h.beta(step: h.steps - 1, temperature: $0) }
        first_step_used = max(burn, h.firstStepOfFinalLadder)
        steps_used = h.steps - first_step_used
        swap_acceptance = h.swapAcceptance(from: first_step_used)
        walkers = h.walkers
        let free = stored.priors.free
        prior_ranges = free.map { PriorRange(name: $0.sampledName, min: $0.distribution.sampledBounds.lowerBound,
                                             max: $0.distribution.sampledBounds.upperBound) }
        prior_volume = prior_ranges.reduce(1) { $0 * ($1.max - $1.min) }
        self.estimates = estimates.map {
            Estimate(method: $0.method.rawValue, log_evidence: $0.logEvidence, error: $0.error,
                     monte_carlo_error: $0.monteCarloError, discretisation_error: $0.discretisationError)
        }
        likelihood = "exp(-chi^2/2) over the priors file's rows and constraints, Gaussian normalisation constants dropped; prior normalised on its box in the sampled variables; Z_SM = exp(-chi^2_SM/2) for the same rows and constraints"
        let gap = abs(ss.logEvidence - ti.logEvidence)
        warning = gap > (ss.error * ss.error + ti.error * ti.error).squareRoot()
            ? String(format: "stepping stone and thermodynamic integration differ by %.3g, more than their combined error; the ladder may be too coarse or the run too short", gap)
            : nil
    }

    public var text: String {
        var lines = [String(format: "%@: ln Z = %.3f ± %.3f (%@, %d temperatures, %d steps x %d walkers from step %d)",
                            file, log_evidence, log_evidence_error, method, temperatures, steps_used, walkers, first_step_used)]
        for e in estimates {
            lines.append(String(format: "  %-26@ ln Z = %.3f ± %.3f (Monte Carlo %.3f, ladder %.3f)",
                                e.method, e.log_evidence, e.error, e.monte_carlo_error, e.discretisation_error))
        }
        lines.append(String(format: "  SM: chi2_SM = %.3f, ln Z_SM = -chi2_SM/2 = %.3f", chi2_sm, log_evidence_sm))
        lines.append(String(format: "  ln B (Z_D model vs SM) = %.3f ± %.3f: %@", log_bayes_factor_vs_sm, log_evidence_error, jeffreys))
        lines.append("  prior: " + prior_ranges.map { String(format: "%@ in [%g, %g]", $0.name, $0.min, $0.max) }.joined(separator: ", ")
                     + String(format: " (volume %.4g in the sampled variables)", prior_volume))
        lines.append("  swap acceptance: " + swap_acceptance.map { String(format: "%.2f", $0) }.joined(separator: " "))
        lines.append("  likelihood: " + likelihood)
        if let warning { lines.append("  warning: " + warning) }
        return lines.joined(separator: "\n")
    }
}

public enum EvidenceError: Error, CustomStringConvertible {
    case untempered(String)
    case cannotEstimate(String, String)

    public var description: String {
        switch self {
        case .untempered(let path): return "\(path) is an untempered run; sample with --temperatures K (K >= 2; the shipped priors use 12) to estimate its evidence"
        case .cannotEstimate(let path, let reason): return "\(path): \(reason)"
        }
    }
}
