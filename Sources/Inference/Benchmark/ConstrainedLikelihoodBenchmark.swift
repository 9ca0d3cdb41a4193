import Dispatch
import Flavor
import Foundation

/// Speed and accuracy of the likelihood with every constraint, for `darkz bench` (issue #14 items 2, 3):
/// how many parameter points per second one core turns into `PosteriorLikelihood.evaluate` of case C with
/// every default constraint (table rows plus the constraints' chi^2), the constraints' own rate and cost
/// each, and how far each constraint's likelihood prediction (`Constraint.fastPrediction`, tables in M_ZD
/// times the exact coupling dependence) lies from its direct computation (`Constraint.prediction`,
/// adaptive quadrature and full sums) over `ConstraintAccuracySweep`'s points.
public enum ConstrainedLikelihoodBenchmark {
    public struct Result: Sendable, Codable {
        /// `PosteriorLikelihood.evaluate` per second on one core: case C's rows and every default constraint.
        public var evaluationsPerSecond: Double
        /// The constraints' chi^2 alone (`ConstraintSet.chiSquare`, every default constraint) per second.
        public var constraintEvaluationsPerSecond: Double
        /// Nanoseconds per point of each constraint's likelihood path (prediction and chi^2), by name, over the
        /// timing points with their couplings and widths computed beforehand.
        public var constraintNanoseconds: [String: Double]
        /// max over points and constraints of |fast - direct| / |direct| (0 where both vanish).
        public var maxRelativeDeviation: Double
        /// Where the maximum occurs: constraint, priors file and point.
        public var worst: String
        public var accuracyPoints: Int
        /// The mean chi^2 over the timed evaluations (keeps the timed work observable).
        public var meanChiSquare: Double
    }

    /// Points spread over case C's prior box (log-uniform M_ZD, uniform g_mu; a Halton sequence), for timing.
    static func timingPoints(_ priors: PriorsFile, count: Int = 257) -> [DarkBosonParameters] {
        (1...count).map { i in
            let u = (0..<priors.free.count).map { ConstraintAccuracySweep.halton(i, base: [2, 3, 5, 7][$0]) }
            return priors.point(u.enumerated().map { k, x in
                let b = priors.free[k].distribution.sampledBounds
                return b.lowerBound + x * (b.upperBound - b.lowerBound)
            }.withUnsafeBufferPointer { $0 })
        }
    }

    public static func run(_ predictor: BinnedPredictor, seconds: Double = 1) throws -> Result {
        let priors = try PriorsFile.shipped("caseC")
        let set = try ConstraintSet.standard(model: predictor.model, onShell: predictor.onShell)
        let likelihood = try priors.likelihood(predictor: predictor, constraintOverride: set.defaultNames)
        let points = timingPoints(priors)
        let indices = set.indices(of: set.defaultNames)

        // As the sampler evaluates it: predictions into a reused buffer, both chi^2.
        var evaluations = 0, sink = 0.0
        var start = DispatchTime.now().uptimeNanoseconds, elapsed = 0.0
        var buffer = [Double](repeating: 0, count: predictor.rows.count)
        buffer.withUnsafeMutableBufferPointer { predictions in
            while elapsed < seconds {
                for p in points {
                    let chi2 = likelihood.evaluate(p, predictions: predictions)
                    sink += chi2.binned + chi2.constraint
                }
                evaluations += points.count
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            }
        }
        let rate = Double(evaluations) / elapsed

        let modelPoints = points.map { predictor.model.point($0) }
        var constraintEvaluations = 0
        start = DispatchTime.now().uptimeNanoseconds; elapsed = 0
        while elapsed < seconds / 2 {
            for p in modelPoints { sink += set.chiSquare(p, indices: indices) }
            constraintEvaluations += points.count
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        }
        let constraintRate = Double(constraintEvaluations) / elapsed

        // Each constraint alone: the fastest of five rounds (the machine may be shared).
        var costs: [String: Double] = [:]
        for i in indices {
            var best = Double.infinity
            for _ in 0..<5 {
                let t0 = DispatchTime.now().uptimeNanoseconds
                for _ in 0..<4 { for p in modelPoints { sink += set.chiSquare(i, at: p) } }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / Double(4 * modelPoints.count))
            }
            costs[set.constraints[i].name] = best
        }

        let sweep = try ConstraintAccuracySweep.run(set: set, model: predictor.model)
        return Result(evaluationsPerSecond: rate, constraintEvaluationsPerSecond: constraintRate, constraintNanoseconds: costs,
                      maxRelativeDeviation: sweep.maxRelativeDeviation, worst: sweep.worst, accuracyPoints: sweep.points,
                      meanChiSquare: sink / Double(evaluations + constraintEvaluations))
    }
}

extension ConstrainedLikelihoodBenchmark.Result {
    /// The lines `darkz bench` prints: the rates, the slowest constraints and the accuracy.
    public var textLines: [String] {
        let slowest = constraintNanoseconds.sorted { $0.value > $1.value }.prefix(4)
            .map { String(format: "%@ %.0f ns", $0.key, $0.value) }.joined(separator: ", ")
        return [
            String(format: "constrained:       %.3g points/s on one core (case C rows + every default constraint); constraints alone %.3g points/s",
                   evaluationsPerSecond, constraintEvaluationsPerSecond),
            "  slowest:         " + slowest,
            String(format: "  accuracy:        max |likelihood prediction - direct| / direct = %.2e over %d points of the shipped priors' boxes (%@)",
                   maxRelativeDeviation, accuracyPoints, worst),
        ]
    }
}
