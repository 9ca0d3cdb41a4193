import Flavor

/// A best-fit point against the Standard Model: Delta chi^2 = chi^2_SM - chi^2_min, the pull, and
/// the observables that pull hardest at the best fit.
///
/// The pull is sqrt(Delta chi^2) when the fit is at least as good as the SM, and null (nil) when it
/// is worse: a pull is a significance of the improvement and has no meaning for a worse fit, which
/// means the minimiser or sampler missed the SM-like region (the SM is inside the model as the
/// couplings go to 0). Delta chi^2 keeps its sign, so nothing is lost; JSON never shows 0.00 for a
/// worse fit.
public struct StandardModelComparison: Sendable, Encodable {
    public struct ObservablePull: Sendable, Encodable {
        public let name: String
        /// The bin, GeV^2.
        public let q2_min: Double
        public let q2_max: Double
        /// (measured - predicted) / sigma at the best fit.
        public let pull: Double
        /// The same for the SM.
        public let pull_sm: Double
    }

    public let chi2_min: Double
    public let chi2_sm: Double
    /// chi^2_SM - chi^2_min: positive when the fit is better than the SM.
    public let delta_chi2_sm: Double
    public let pull: Double?
    public let worse_than_sm: Bool
    /// The binned observables in the chi^2 with the largest |pull| at the best fit, largest first.
    public let largest_pulls: [ObservablePull]
    /// "best fit worse than the SM by Delta chi^2 = 3.2", or nil.
    public let warning: String?

    public init(best: DarkBosonParameters, chi2Min: Double, likelihood: PosteriorLikelihood, count: Int = 5) {
        chi2_min = chi2Min
        chi2_sm = likelihood.standardModelChiSquare
        delta_chi2_sm = chi2_sm - chi2Min
        worse_than_sm = delta_chi2_sm < 0
        self.pull = worse_than_sm ? nil : delta_chi2_sm.squareRoot()
        warning = worse_than_sm ? "best fit worse than the SM by Delta chi^2 = " + String(format: "%.3g", -delta_chi2_sm) : nil
        let predictions = likelihood.evaluate(best).predictions
        let measurements = likelihood.predictor.table.measurements
        let convention = likelihood.convention
        func pullOf(_ i: Int, _ prediction: Double) -> Double {
            let m = measurements[i]
            let sigmaExp = m.experimentalError(convention: convention, prediction: prediction)
            return (m.value - prediction) / (sigmaExp * sigmaExp + m.smError * m.smError).squareRoot()
        }
        largest_pulls = likelihood.rows
            .map { ObservablePull(name: measurements[$0].name, q2_min: measurements[$0].q2Min, q2_max: measurements[$0].q2Max, pull: pullOf($0, predictions[$0]), pull_sm: pullOf($0, measurements[$0].sm)) }
            .sorted { abs($0.pull) > abs($1.pull) }
            .prefix(count).map { $0 }
    }

    enum CodingKeys: String, CodingKey { case chi2_min, chi2_sm, delta_chi2_sm, pull, worse_than_sm, largest_pulls, warning }

    /// Encodes `pull` as null when the fit is worse than the SM (not omitted).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(chi2_min, forKey: .chi2_min)
        try c.encode(chi2_sm, forKey: .chi2_sm)
        try c.encode(delta_chi2_sm, forKey: .delta_chi2_sm)
        try c.encode(pull, forKey: .pull)
        try c.encode(worse_than_sm, forKey: .worse_than_sm)
        try c.encode(largest_pulls, forKey: .largest_pulls)
        try c.encode(warning, forKey: .warning)
    }

    /// Lines for people: chi^2 totals and the pull or the warning, then the largest pulls.
    public var textLines: [String] {
        var lines = [String(format: "chi2_min = %.3f   chi2_SM = %.3f   ", chi2_min, chi2_sm)
                     + (pull.map { String(format: "pull = sqrt(chi2_SM - chi2_min) = %.2f", $0) }
                        ?? "pull: none; warning: " + warning!)]
        lines.append("largest pulls at the best fit (SM in brackets): "
                     + largest_pulls.map { String(format: "%@ [%g, %g] %+.2f (%+.2f)", $0.name, $0.q2_min, $0.q2_max, $0.pull, $0.pull_sm) }.joined(separator: ", "))
        return lines
    }
}
