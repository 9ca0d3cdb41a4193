import CGSL

/// One observable's entry in the chi^2 of eq. 5.1 of arXiv:2210.15662.
public struct ChiSquareTerm: Sendable {
    public let measurement: Measurement
    public let prediction: Double
    /// The experimental error under the chosen convention.
    public let sigmaExp: Double
    /// The theory error, the SM uncertainty of the table (as the paper takes it from flavio).
    public let sigmaTheory: Double

    /// sigma^2 = sigma_exp^2 + sigma_SM^2 (paper, text after eq. 5.1).
    public var sigma: Double { (sigmaExp * sigmaExp + sigmaTheory * sigmaTheory).squareRoot() }
    /// (measured - predicted) / sigma: positive when the measurement lies above the prediction.
    public var pull: Double { (measurement.value - prediction) / sigma }
    /// r^2 / sigma^2 with r = measured - predicted, in the order of operations of
    /// `PosteriorLikelihood`, so that `total` equals the sampler's chi^2 bit for bit.
    public var chi2: Double {
        let r = measurement.value - prediction
        return r * r / (sigmaExp * sigmaExp + sigmaTheory * sigmaTheory)
    }
}

/// chi^2(X) = sum_i (B_i^th(X) - B_i^exp)^2 / sigma_i^2, eq. 5.1 of arXiv:2210.15662, with
/// sigma_i^2 the experimental error components and the SM uncertainty added in quadrature; for the
/// rows of a table with correlations or a theory covariance, the quadratic form of
/// `CovarianceChiSquare` (the terms' pulls are then the per-row pulls r_i/sigma_i).
public struct ChiSquare: Sendable {
    public let terms: [ChiSquareTerm]
    /// The quadratic form's value when the rows are correlated, else nil (the sum of the terms).
    let correlatedTotal: Double?

    /// Pairs each measurement with its prediction (independent rows).
    public init(measurements: [Measurement], predictions: [Double], convention: ErrorConvention = .mean) {
        precondition(measurements.count == predictions.count, "one prediction per measurement")
        terms = zip(measurements, predictions).map { m, prediction in
            ChiSquareTerm(measurement: m, prediction: prediction,
                          sigmaExp: m.experimentalError(convention: convention, prediction: prediction),
                          sigmaTheory: m.smError)
        }
        correlatedTotal = nil
    }

    /// The Standard-Model chi^2: every prediction is the table's SM expectation (independent rows).
    public init(standardModel measurements: [Measurement], convention: ErrorConvention = .mean) {
        self.init(measurements: measurements, predictions: measurements.map(\.sm), convention: convention)
    }

    /// The rows `rows` of a table with `predictions` for every table row, with the table's covariance.
    public init(table: MeasurementTable, rows: [Int], predictions: [Double], convention: ErrorConvention = .mean) throws {
        precondition(predictions.count == table.measurements.count, "one prediction per table row")
        self.init(measurements: rows.map { table.measurements[$0] }, predictions: rows.map { predictions[$0] },
                  convention: convention)
        if !table.covariance.isDiagonal {
            let form = try CovarianceChiSquare(table: table, rows: rows)
            let total = form.value(residuals: terms.map { $0.measurement.value - $0.prediction },
                                   sigmaExp: terms.map(\.sigmaExp), sigmaFixed: convention == .mean)
            self = ChiSquare(terms: terms, correlatedTotal: total)
        }
    }

    /// The Standard-Model chi^2 of the rows `rows` of a table, with its covariance.
    public init(standardModel table: MeasurementTable, rows: [Int], convention: ErrorConvention = .mean) throws {
        try self.init(table: table, rows: rows, predictions: table.measurements.map(\.sm), convention: convention)
    }

    init(terms: [ChiSquareTerm], correlatedTotal: Double?) {
        self.terms = terms
        self.correlatedTotal = correlatedTotal
    }

    public var total: Double { correlatedTotal ?? terms.reduce(0) { $0 + $1.chi2 } }
    public var count: Int { terms.count }

    /// The probability of a chi^2 at least this large with `degreesOfFreedom` (default: the number
    /// of terms), from GSL's chi^2 distribution (gsl_cdf_chisq_Q).
    public func pValue(degreesOfFreedom: Int? = nil) -> Double {
        _ = gslReturnsErrorCodes
        let dof = degreesOfFreedom ?? count
        guard dof > 0 else { return .nan }
        return gsl_cdf_chisq_Q(total, Double(dof))
    }
}
