import Foundation

extension PredictionComparison {
    /// The CSV columns: the brief's ten, then the SM uncertainty, the row's reference and whether it
    /// enters the fit.
    public static let csvColumns = ["name", "lepton", "q2_min", "q2_max", "measured", "sigma_up", "sigma_down",
                                    "sm", "prediction", "pull", "sm_err", "reference", "in_fit"]

    /// predictions.csv: one line per table row in table order, values in physical units (not
    /// scaled), numbers written so that they read back to the same Double.
    public var csv: String {
        func field(_ s: String) -> String {
            s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func number(_ v: Double) -> String { v.isNaN ? "nan" : "\(v)" }
        var lines = [Self.csvColumns.joined(separator: ",")]
        for r in rows {
            let m = r.measurement
            lines.append(([field(m.name), m.lepton.rawValue] + [m.q2Min, m.q2Max, m.value, r.sigmaUp, r.sigmaDown, m.sm, r.prediction, r.pull, m.smError].map(number)
                          + [field(m.reference), r.inFit ? "true" : "false"]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
