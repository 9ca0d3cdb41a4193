/// The Standard-Model chi^2 of the binned data, as `darkz chi2 --sm` reports it. Encodes to the
/// JSON documented in the README (snake_case keys, physical units).
public struct StandardModelChiSquareReport: Sendable, Encodable {
    public struct Observable: Sendable, Encodable {
        public let name: String
        public let decay: String
        public let quantity: String
        public let q2_min: Double
        public let q2_max: Double
        public let lepton: String
        public let scale: Double
        public let measured: Double
        public let sigma_exp: Double
        public let sm: Double
        public let sigma_sm: Double
        public let pull: Double
        public let chi2: Double
    }

    public let data_file: String
    public let errors: String
    public let muon_only: Bool
    public let chi2_all: Double
    public let n_all: Int
    public let p_value_all: Double
    public let chi2_muon: Double
    public let n_muon: Int
    public let p_value_muon: Double
    /// Whether the table's rows are correlated: the totals are then r^T C^-1 r, not the sum of the rows' chi2.
    public let correlated: Bool
    public let observables: [Observable]

    /// Builds the report from the table. Both totals are always given; `muonOnly` restricts the
    /// listed observables to the muon rows.
    public init(table: MeasurementTable, convention: ErrorConvention, muonOnly: Bool) throws {
        let all = try ChiSquare(standardModel: table, rows: table.indices(lepton: nil), convention: convention)
        let muon = try ChiSquare(standardModel: table, rows: table.indices(lepton: .muon), convention: convention)
        data_file = table.source
        errors = convention.rawValue
        muon_only = muonOnly
        chi2_all = all.total
        n_all = all.count
        p_value_all = all.pValue()
        chi2_muon = muon.total
        n_muon = muon.count
        p_value_muon = muon.pValue()
        correlated = !table.covariance.isDiagonal
        observables = (muonOnly ? muon : all).terms.map { term in
            let m = term.measurement
            return Observable(name: m.name, decay: m.decay, quantity: m.quantity.rawValue,
                              q2_min: m.q2Min, q2_max: m.q2Max, lepton: m.lepton.rawValue, scale: m.scale,
                              measured: m.value, sigma_exp: term.sigmaExp, sm: m.sm, sigma_sm: m.smError,
                              pull: term.pull, chi2: term.chi2)
        }
    }
}
