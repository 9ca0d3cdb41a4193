import CGSL
import Foundation

/// The evidence of several tempered chain files of the same priors (independent runs), as
/// `darkz evidence a.h5 b.h5 ...` prints it.
///
/// Rule: ln Z is the mean of the files' stepping-stone ln Z_i; its error is the standard error
/// from their scatter, s / sqrt(n) with s the sample standard deviation (n - 1 in the
/// denominator), which counts every source of run-to-run variation, including what the per-file
/// errors miss. It is set beside the error the per-file stated errors σ_i imply for the mean,
/// sqrt(Σ σ_i²) / n, and the scatter is tested against them: χ² = Σ (ln Z_i - mean)² / σ_i² on
/// n - 1 degrees of freedom; a p-value below 0.01 warns that the per-file errors are too small.
/// With two files s rests on one difference, so the scatter error is itself uncertain by ~70 %.
public struct CombinedEvidence: Sendable, Encodable {
    public let files: Int
    public let log_evidence: Double
    /// s / sqrt(n), the standard error of the mean from the scatter.
    public let log_evidence_error: Double
    /// The sample standard deviation s of the per-file ln Z.
    public let scatter: Double
    /// sqrt(Σ σ_i²) / n from the per-file stated errors.
    public let stated_error: Double
    public let chi2: Double
    public let dof: Int
    public let p_value: Double
    public let log_evidence_sm: Double
    public let log_bayes_factor_vs_sm: Double
    public let jeffreys: String
    public let rule: String
    public let warning: String?

    /// Combines at least two reports of files of the same priors (so the same SM evidence).
    public init(_ reports: [EvidenceReport]) {
        precondition(reports.count >= 2, "combining needs at least two evidences")
        let n = Double(reports.count)
        let values = reports.map(\.log_evidence)
        let mean = values.reduce(0, +) / n
        let s = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        files = reports.count
        log_evidence = mean
        scatter = s
        log_evidence_error = s / n.squareRoot()
        stated_error = reports.map { $0.log_evidence_error * $0.log_evidence_error }.reduce(0, +).squareRoot() / n
        chi2 = reports.map { ($0.log_evidence - mean) * ($0.log_evidence - mean) / ($0.log_evidence_error * $0.log_evidence_error) }.reduce(0, +)
        dof = reports.count - 1
        p_value = chi2.isFinite ? gsl_cdf_chisq_Q(chi2, Double(dof)) : 0
        log_evidence_sm = reports[0].log_evidence_sm
        log_bayes_factor_vs_sm = mean - log_evidence_sm
        jeffreys = JeffreysScale.words(log_bayes_factor_vs_sm, "the Z_D model", over: "the SM")
        rule = "mean of the files' stepping-stone ln Z; error s/sqrt(n) from their scatter; chi2 of the scatter against the stated per-file errors on n-1 degrees of freedom"
        warning = p_value < 0.01
            ? String(format: "the files' ln Z scatter more than their stated errors allow (chi2 = %.3g for %d degrees of freedom, p = %.2g): the per-file errors are too small, or a run has not converged", chi2, dof, p_value)
            : nil
    }

    public var text: String {
        var lines = [String(format: "combined (%d files): ln Z = %.3f ± %.3f (mean; error from the scatter s/sqrt(n), s = %.3f)", files, log_evidence, log_evidence_error, scatter)]
        lines.append(String(format: "  stated per-file errors give ± %.3f for the mean; scatter against them: chi2 = %.3f for %d degree%@ of freedom, p = %.3g", stated_error, chi2, dof, dof == 1 ? "" : "s", p_value))
        lines.append(String(format: "  ln B (Z_D model vs SM) = %.3f ± %.3f: %@", log_bayes_factor_vs_sm, log_evidence_error, jeffreys))
        if let warning { lines.append("  warning: " + warning) }
        return lines.joined(separator: "\n")
    }
}
