import Flavor
import Foundation

/// What `darkz predict` prints: per observable measured, SM, prediction, pull, and the chi^2 over
/// all rows and over muon rows (eq. 5.1). Values in physical units.
public struct PredictionReport: Sendable, Encodable {
    public struct Observable: Sendable, Encodable {
        public let name: String
        public let q2_min: Double
        public let q2_max: Double
        public let lepton: String
        public let scale: Double
        public let measured: Double
        public let sm: Double
        public let prediction: Double
        public let pull: Double
    }

    public let parameters: DarkBosonParameters?
    public let delta_c9: Double?
    public let delta_c10: Double?
    public let errors: String
    public let observables: [Observable]
    public let chi2_all: Double
    public let chi2_muon: Double
    public let chi2_sm_all: Double
    public let chi2_sm_muon: Double
    /// Files written by `darkz predict --plot` (absent from the JSON otherwise).
    public var plots: [String]?

    public init(table: MeasurementTable, predictions: [Double], convention: ErrorConvention,
                parameters: DarkBosonParameters?, deltaC9: Double?, deltaC10: Double?) throws {
        let all = try ChiSquare(table: table, rows: table.indices(lepton: nil), predictions: predictions, convention: convention)
        let muon = try ChiSquare(table: table, rows: table.indices(lepton: .muon), predictions: predictions, convention: convention)
        self.parameters = parameters
        delta_c9 = deltaC9
        delta_c10 = deltaC10
        errors = convention.rawValue
        observables = all.terms.map { t in
            let m = t.measurement
            return Observable(name: m.name, q2_min: m.q2Min, q2_max: m.q2Max, lepton: m.lepton.rawValue, scale: m.scale,
                              measured: m.value, sm: m.sm, prediction: t.prediction, pull: t.pull)
        }
        chi2_all = all.total
        chi2_muon = muon.total
        chi2_sm_all = try ChiSquare(standardModel: table, rows: table.indices(lepton: nil), convention: convention).total
        chi2_sm_muon = try ChiSquare(standardModel: table, rows: table.indices(lepton: .muon), convention: convention).total
    }

    public var text: String {
        var lines: [String] = []
        if let p = parameters {
            lines.append(String(format: "case %@  M_ZD = %.6g GeV  epsilon = %.4g  epsilon_Z = %.4g  g_mu = %.4g  invisible fraction = %.3g",
                                p.modelCase.rawValue, p.mZD, p.epsilon, p.epsilonZ, p.gMu, p.invisibleFraction))
        } else {
            lines.append(String(format: "constant shifts: delta C9 = %.4g, delta C10 = %.4g (each row's lepton)",
                                delta_c9 ?? 0, delta_c10 ?? 0))
        }
        lines.append("errors: \(errors)")
        lines.append("")
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        lines.append(pad("observable", 20) + pad("bin [GeV^2]", 16) + pad("scale", 7) + pad("measured", 10)
                     + pad("SM", 9) + pad("prediction", 12) + "pull")
        for o in observables {
            lines.append(pad(o.name, 20) + pad(String(format: "%.4g – %.4g", o.q2_min, o.q2_max), 16)
                         + pad(String(format: "%.0e", o.scale), 7) + pad(String(format: "%.3f", o.measured / o.scale), 10)
                         + pad(String(format: "%.3f", o.sm / o.scale), 9)
                         + pad(String(format: "%.4g", o.prediction / o.scale), 12) + String(format: "%+.2f", o.pull))
        }
        lines.append("")
        lines.append(String(format: "chi2 (all rows):  %9.3f   (SM %.3f)", chi2_all, chi2_sm_all))
        lines.append(String(format: "chi2 (muon rows): %9.3f   (SM %.3f)", chi2_muon, chi2_sm_muon))
        return lines.joined(separator: "\n")
    }
}
