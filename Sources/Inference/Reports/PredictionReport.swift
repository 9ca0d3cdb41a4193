import Flavor
import Foundation

/// What `darkz predict` prints: per observable measured, SM, prediction, pull, the chi^2 of the rows
/// of the fit (the priors file's `data.leptons`; case C: the muon rows) first, then over all rows and
/// over muon rows (eq. 5.1). Values in physical units.
public struct PredictionReport: Sendable, Encodable {
    /// The rows a fit uses and their chi^2: the priors file's `data.leptons`, or every row.
    public struct Fit: Sendable, Encodable {
        /// "case C", a priors file's name, or "all rows" without one.
        public let name: String
        /// The priors file, nil for constant shifts.
        public let priors: String?
        /// Lepton of the rows in the fit ("e", "mu").
        public let leptons: [String]
        public let rows: Int
        public let chi2: Double
        public let chi2_sm: Double
    }

    public struct Observable: Sendable, Encodable {
        public let name: String
        public let q2_min: Double
        public let q2_max: Double
        public let lepton: String
        /// dBdq2 (GeV^-2), B or R, as the table's `quantity` column.
        public let quantity: String
        public let scale: Double
        public let measured: Double
        public let sm: Double
        public let prediction: Double
        public let pull: Double
        /// Whether the row enters the fit (`fit.leptons`).
        public let in_fit: Bool
    }

    public let parameters: DarkBosonParameters?
    public let delta_c9: Double?
    public let delta_c10: Double?
    public let errors: String
    public let observables: [Observable]
    /// The chi^2 of the fit's rows: for case C the muon rows, so not `chi2_all`.
    public let fit: Fit
    public let chi2_all: Double
    public let chi2_muon: Double
    public let chi2_sm_all: Double
    public let chi2_sm_muon: Double
    /// Files written by `darkz predict --plot` (absent from the JSON otherwise).
    public var plots: [String]?

    /// `fit` names the rows of the fit (`leptons`), by default every row.
    public init(table: MeasurementTable, predictions: [Double], convention: ErrorConvention,
                parameters: DarkBosonParameters?, deltaC9: Double?, deltaC10: Double?,
                fit: (name: String, priors: String?, leptons: Set<Lepton>)? = nil) throws {
        let all = try ChiSquare(table: table, rows: table.indices(lepton: nil), predictions: predictions, convention: convention)
        let muon = try ChiSquare(table: table, rows: table.indices(lepton: .muon), predictions: predictions, convention: convention)
        self.parameters = parameters
        delta_c9 = deltaC9
        delta_c10 = deltaC10
        errors = convention.rawValue
        observables = all.terms.map { t in
            let m = t.measurement
            return Observable(name: m.name, q2_min: m.q2Min, q2_max: m.q2Max, lepton: m.lepton.rawValue,
                              quantity: m.quantity.rawValue, scale: m.scale, measured: m.value, sm: m.sm, prediction: t.prediction, pull: t.pull,
                              in_fit: fit?.leptons.contains(m.lepton) ?? true)
        }
        let leptons = fit?.leptons ?? Set(Lepton.allCases)
        let fitRows = table.measurements.indices.filter { leptons.contains(table.measurements[$0].lepton) }
        let fitChi2 = fitRows.isEmpty ? 0 : try ChiSquare(table: table, rows: fitRows, predictions: predictions, convention: convention).total
        let fitSM = fitRows.isEmpty ? 0 : try ChiSquare(standardModel: table, rows: fitRows, convention: convention).total
        self.fit = Fit(name: fit?.name ?? "all rows", priors: fit?.priors, leptons: Lepton.allCases.filter(leptons.contains).map(\.rawValue),
                       rows: fitRows.count, chi2: fitChi2, chi2_sm: fitSM)
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
        lines += chiSquareLines
        return lines.joined(separator: "\n")
    }

    /// The fit's chi^2 first, then the other row sets, labelled by what they hold beyond the fit.
    var chiSquareLines: [String] {
        let outside = observables.count - fit.rows
        let kind = fit.leptons == ["mu"] ? "muon rows" : fit.leptons == ["e"] ? "electron rows" : "rows"
        let what = fit.priors == nil ? "all \(fit.rows) rows"
            : fit.rows == observables.count ? "\(fit.name): all \(fit.rows) rows" : "\(fit.name): its \(fit.rows) \(kind)"
        let fitText = "chi2 of the fit (\(what))"
        let allText = "chi2 (all \(observables.count) rows" + (outside > 0 ? ", \(outside) outside the fit)" : ")")
        let muonCount = observables.filter { $0.lepton == Lepton.muon.rawValue }.count
        let muonText = "chi2 (\(muonCount) muon rows)"
        var rows = [(fitText, fit.chi2, fit.chi2_sm)]
        if outside > 0 { rows.append((allText, chi2_all, chi2_sm_all)) }
        if fit.leptons != ["mu"] { rows.append((muonText, chi2_muon, chi2_sm_muon)) }
        let width = rows.map(\.0.count).max()! + 1
        var lines = rows.map { text, chi2, sm in
            text + ":" + String(repeating: " ", count: width - text.count) + String(format: "%12.3f   (SM %.3f)", chi2, sm)
        }
        if outside > 0 { lines.insert("other row sets (not the fit's chi^2):", at: 1) }
        return lines
    }
}
