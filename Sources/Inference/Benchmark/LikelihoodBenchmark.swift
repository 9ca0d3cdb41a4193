import Dispatch
import Flavor

/// Speed and accuracy of the binned predictions, for `darkz bench`: how many parameter points per
/// second one core turns into all table predictions plus chi^2 (`PosteriorLikelihood.evaluate` into a
/// reused buffer, the sampler's path), and how far the fixed-node bin
/// integrals are from GSL's adaptive quadrature (epsrel 1e-10) over points whose M_ZD lies just
/// inside and just outside bin edges.
public enum LikelihoodBenchmark {
    public struct Result: Sendable, Codable {
        /// Parameter points per second on one core (all rows' predictions and the chi^2).
        public var evaluationsPerSecond: Double
        /// max over points and rows of |fast - reference| / reference.
        public var maxRelativeDeviation: Double
        public var accuracyPoints: Int
        /// The mean chi^2 over the timed evaluations (keeps the timed work observable).
        public var meanChiSquare: Double
    }

    /// The accuracy points: case A with M_ZD^2 = edge x (1 -+ 1e-4) for the table's distinct bin
    /// edges above the dimuon threshold, and the paper's best-fit points of cases B and C (darkz's
    /// sign of g_mu, docs/validation.md).
    public static func accuracyPoints(_ table: MeasurementTable) -> [DarkBosonParameters] {
        let edges = Set(table.measurements.flatMap { [$0.q2Min, $0.q2Max] }).filter { $0 > 0.05 }.sorted()
        var points: [DarkBosonParameters] = []
        for edge in edges {
            for factor in [1 - 1e-4, 1 + 1e-4] {
                points.append(DarkBosonParameters(modelCase: .A, mZD: (edge * factor).squareRoot(), epsilon: 1e-5, epsilonZ: 1e-5))
            }
        }
        points.append(DarkBosonParameters(modelCase: .B, mZD: 0.0103, epsilon: 1e-4, epsilonZ: 1e-5, gMu: -0.28))
        points.append(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033))
        return points
    }

    public static func run(_ predictor: BinnedPredictor, seconds: Double = 1) throws -> Result {
        let points = accuracyPoints(predictor.table)
        var deviation = 0.0
        for p in points {
            for (fast, slow) in zip(predictor.predictions(p), predictor.referencePredictions(p)) {
                deviation = max(deviation, abs(fast - slow) / abs(slow))
            }
        }
        // Speed: cycle through points that move across the whole mass range; the likelihood of every
        // row as the sampler evaluates it (predictions into a reused buffer, chi^2 of eq. 5.1).
        let masses = stride(from: 0.011, to: 2.0, by: 0.0137).map { $0 }
        let likelihood = try PosteriorLikelihood(predictor: predictor)
        var buffer = [Double](repeating: 0, count: predictor.rows.count)
        var evaluations = 0, sink = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        buffer.withUnsafeMutableBufferPointer { predictions in
            while elapsed < seconds {
                for m in masses {
                    let p = DarkBosonParameters(modelCase: .A, mZD: m, epsilon: 3e-5, epsilonZ: 2e-5)
                    sink += likelihood.evaluate(p, predictions: predictions).binned
                    evaluations += 1
                }
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            }
        }
        return Result(evaluationsPerSecond: Double(evaluations) / elapsed, maxRelativeDeviation: deviation,
                      accuracyPoints: points.count, meanChiSquare: sink / Double(evaluations))
    }
}
