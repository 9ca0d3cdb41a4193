import Foundation
import Inference

/// The human-readable table of `darkz chi2`: numbers in the units the paper prints them
/// (value / scale), one row per observable, then the totals.
struct ChiSquareTableText {
    let report: StandardModelChiSquareReport

    var text: String {
        var lines: [String] = []
        lines.append("Standard-Model chi^2 of the binned b -> s l+ l- data")
        lines.append("data: \(report.data_file)   errors: \(report.errors)")
        lines.append("")
        lines.append(pad("observable", 20) + pad("bin [GeV^2]", 16) + pad("scale", 7)
                     + pad("measured ± σ_exp", 19) + pad("SM ± σ_SM", 16) + "pull")
        for o in report.observables {
            let bin = String(format: "%.4g – %.4g", o.q2_min, o.q2_max)
            let measured = String(format: "%.2f ± %.2f", o.measured / o.scale, o.sigma_exp / o.scale)
            let sm = String(format: "%.2f ± %.2f", o.sm / o.scale, o.sigma_sm / o.scale)
            lines.append(pad(o.name, 20) + pad(bin, 16) + pad(String(format: "%.0e", o.scale), 7)
                         + pad(measured, 19) + pad(sm, 16) + String(format: "%+.2f", o.pull))
        }
        lines.append("")
        lines.append(String(format: "chi2_SM (all rows):  %8.3f  for %2d observables, p-value %.3g",
                            report.chi2_all, report.n_all, report.p_value_all))
        lines.append(String(format: "chi2_SM (muon rows): %8.3f  for %2d observables, p-value %.3g",
                            report.chi2_muon, report.n_muon, report.p_value_muon))
        if report.correlated {
            lines.append("(correlated rows: each total is r^T C^-1 r with the table's correlations and theory covariance; the pulls are per row)")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        let n = s.count
        return n >= width ? s + " " : s + String(repeating: " ", count: width - n)
    }
}
