import Flavor

/// The likelihood of a parameter point: the chi^2 of eq. 5.1 over the chosen table rows plus,
/// optionally, the chi^2 of named constraints (the paper fits the binned data only and overlays
/// the constraints; both are supported). log L = -chi^2 / 2.
public struct PosteriorLikelihood: Sendable {
    public let predictor: BinnedPredictor
    public let constraints: ConstraintSet?
    public let constraintNames: [String]
    /// Positions of `constraintNames` in `constraints`, found once.
    let constraintIndices: [Int]
    /// Indices of the table rows that enter the chi^2 (case C leaves the electron rows out).
    public let rows: [Int]
    public let convention: ErrorConvention
    /// The quadratic form of the chosen rows when the table has correlations (nil: independent rows).
    let correlated: CovarianceChiSquare?

    /// The likelihood of the table rows of `leptons`; throws when the table's covariance restricted to
    /// those rows is not positive definite.
    public init(predictor: BinnedPredictor, leptons: Set<Lepton> = [.electron, .muon],
                constraints: ConstraintSet? = nil, constraintNames: [String] = [], convention: ErrorConvention = .mean) throws {
        self.predictor = predictor
        self.constraints = constraints
        self.constraintNames = constraints == nil ? [] : constraintNames
        constraintIndices = constraints?.indices(of: constraintNames) ?? []
        let rows = predictor.table.measurements.indices.filter { leptons.contains(predictor.table.measurements[$0].lepton) }
        self.rows = rows
        self.convention = convention
        correlated = predictor.table.covariance.isDiagonal ? nil : try CovarianceChiSquare(table: predictor.table, rows: rows)
    }

    public struct Evaluation: Sendable {
        public let binnedChiSquare: Double
        public let constraintChiSquare: Double
        /// Predictions of all table rows (also those left out of the chi^2).
        public let predictions: [Double]
        public var chiSquare: Double { binnedChiSquare + constraintChiSquare }
        public var logLikelihood: Double { -0.5 * chiSquare }
    }

    public func evaluate(_ p: DarkBosonParameters) -> Evaluation {
        let predictions = predictor.predictions(p)
        let measurements = predictor.table.measurements
        var binned = 0.0
        if let correlated {
            binned = correlated.value(
                residuals: rows.map { measurements[$0].value - predictions[$0] },
                sigmaExp: rows.map { measurements[$0].experimentalError(convention: convention, prediction: predictions[$0]) },
                sigmaFixed: convention == .mean)
        } else {
            for i in rows {
                let m = measurements[i], prediction = predictions[i]
                let sigmaExp = m.experimentalError(convention: convention, prediction: prediction)
                let r = (m.value - prediction)
                binned += r * r / (sigmaExp * sigmaExp + m.smError * m.smError)
            }
        }
        var constraintChi2 = 0.0
        if let constraints, !constraintIndices.isEmpty {
            constraintChi2 = constraints.chiSquare(predictor.model.point(p), indices: constraintIndices)
        }
        return Evaluation(binnedChiSquare: binned, constraintChiSquare: constraintChi2, predictions: predictions)
    }

    /// chi^2 of the Standard Model (all Z_D couplings zero) with the same rows and constraints.
    public var standardModelChiSquare: Double {
        evaluate(DarkBosonParameters(modelCase: .A, mZD: 0.1)).chiSquare
    }
}
