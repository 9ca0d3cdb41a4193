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
    /// Per chosen row (in `rows` order) what eq. 5.1 needs, free of references: the measured value,
    /// sigma_exp under each convention (mean; up and down for `side`), and sm_err^2.
    let terms: ContiguousArray<Term>

    struct Term: Sendable {
        var row: Int
        var value: Double
        var meanSigma: Double
        var upSigma: Double
        var downSigma: Double
        var theoryVariance: Double
    }

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
        terms = ContiguousArray(rows.map { i in
            let m = predictor.table.measurements[i]
            /// sigma_exp as `Measurement.experimentalError` computes it.
            func sigma(_ size: (ErrorComponent) -> Double) -> Double { m.errors.reduce(0) { $0 + size($1) * size($1) }.squareRoot() }
            return Term(row: i, value: m.value, meanSigma: sigma(\.mean), upSigma: sigma(\.up),
                        downSigma: sigma(\.down), theoryVariance: m.smError * m.smError)
        })
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
        var predictions = [Double](repeating: 0, count: predictor.plan.count)
        let (binned, constraint) = predictions.withUnsafeMutableBufferPointer { evaluate(p, predictions: $0) }
        return Evaluation(binnedChiSquare: binned, constraintChiSquare: constraint, predictions: predictions)
    }

    /// The binned and constraint chi^2 with the predictions of all table rows written into
    /// `predictions`, allocating nothing (the sampler's path). Independent rows: the sum of eq. 5.1
    /// with the precomputed sigma_exp (the `side` convention picks the up or down one by the prediction's side, as `Measurement.experimentalError` does).
    public func evaluate(_ p: DarkBosonParameters, predictions: UnsafeMutableBufferPointer<Double>) -> (binned: Double, constraint: Double) {
        predictor.predictions(p, into: predictions)
        var binned = 0.0
        if let correlated {
            binned = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * rows.count) { scratch in
                terms.withUnsafeBufferPointer { terms in
                    for (a, t) in terms.enumerated() {
                        let prediction = predictions[t.row]
                        scratch[a] = t.value - prediction
                        scratch[terms.count + a] = Self.experimentalSigma(t, prediction, convention)
                    }
                }
                return correlated.value(residuals: UnsafeBufferPointer(rebasing: scratch[0..<rows.count]),
                                        sigmaExp: UnsafeBufferPointer(rebasing: scratch[rows.count...]), sigmaFixed: convention == .mean)
            }
        } else {
            terms.withUnsafeBufferPointer { terms in
                for t in terms {
                    let prediction = predictions[t.row]
                    let r = t.value - prediction
                    let sigma = Self.experimentalSigma(t, prediction, convention)
                    binned += r * r / (sigma * sigma + t.theoryVariance)
                }
            }
        }
        var constraintChi2 = 0.0
        if let constraints, !constraintIndices.isEmpty {
            constraintChi2 = constraints.chiSquare(predictor.model.point(p), indices: constraintIndices)
        }
        return (binned, constraintChi2)
    }

    /// sigma_exp of a row under the convention (`Measurement.experimentalError`).
    @inline(__always)
    static func experimentalSigma(_ t: Term, _ prediction: Double, _ convention: ErrorConvention) -> Double {
        switch convention {
        case .mean: return t.meanSigma
        case .side: return prediction >= t.value ? t.upSigma : t.downSigma
        }
    }

    /// chi^2 of the Standard Model (all Z_D couplings zero) with the same rows and constraints.
    public var standardModelChiSquare: Double {
        evaluate(DarkBosonParameters(modelCase: .A, mZD: 0.1)).chiSquare
    }
}
