@preconcurrency import CGSL
import Flavor
import Foundation

/// The chi^2 minimum over the free parameters of a priors file (paper sec. 5: best-fit points,
/// chi^2_min and the pull sqrt(chi^2_SM - chi^2_min)), by GSL's Nelder-Mead simplex
/// (gsl_multimin_fminimizer_nmsimplex2) in the sampled variables (log10 for log-uniform priors),
/// from several starts spread over the prior box; points outside the box count as chi^2 = +inf.
public struct BestFit: Sendable {
    public struct Result: Sendable {
        public let parameters: DarkBosonParameters
        /// The sampled variables of the minimum.
        public let sampled: [Double]
        public let chiSquare: Double
        public let standardModelChiSquare: Double
        /// sqrt(chi^2_SM - chi^2_min), the paper's pull (0 when the minimum is above the SM).
        public var pull: Double { (max(standardModelChiSquare - chiSquare, 0)).squareRoot() }
        public let starts: Int
    }

    public let priors: PriorsFile
    public let likelihood: PosteriorLikelihood

    public init(priors: PriorsFile, likelihood: PosteriorLikelihood) {
        self.priors = priors
        self.likelihood = likelihood
    }

    /// chi^2 at sampled variables (+inf outside the prior box).
    public func chiSquare(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { buffer in
            guard priors.logPrior(buffer) == 0 else { return .infinity }
            return likelihood.evaluate(priors.point(buffer)).chiSquare
        }
    }

    /// Starts on a scrambled grid over the prior box: for start k and dimension d the fraction
    /// (k + 0.5)/n permuted by a fixed stride per dimension (a Latin hypercube without randomness).
    public func startingPoints(_ n: Int) -> [[Double]] {
        let bounds = priors.free.map(\.distribution.sampledBounds)
        let strides = [1, 3, 7, 11, 13, 17]
        return (0..<n).map { k in
            bounds.enumerated().map { d, range in
                let j = (k * strides[d % strides.count] + d) % n
                let u = (Double(j) + 0.5) / Double(n)
                return range.lowerBound + u * (range.upperBound - range.lowerBound)
            }
        }
    }

    /// Minimises from `starts` starting points in the prior box and from `extraStarts` (say, a
    /// chain's best samples, in sampled variables) and returns the lowest minimum.
    public func run(starts: Int = 12, extraStarts: [[Double]] = [], maxIterations: Int = 2_000,
                    tolerance: Double = 1e-6) -> Result {
        _ = gslReturnsErrorCodes
        var best: (x: [Double], chi2: Double)?
        for start in (starts > 0 ? startingPoints(starts) : []) + extraStarts {
            let found = minimise(from: start, maxIterations: maxIterations, tolerance: tolerance)
            if best == nil || found.chi2 < best!.chi2 { best = found }
        }
        let x = best!.x
        return Result(parameters: x.withUnsafeBufferPointer { priors.point($0) }, sampled: x, chiSquare: best!.chi2,
                      standardModelChiSquare: likelihood.standardModelChiSquare, starts: starts + extraStarts.count)
    }

    func minimise(from start: [Double], maxIterations: Int, tolerance: Double) -> (x: [Double], chi2: Double) {
        let bounds = priors.free.map(\.distribution.sampledBounds)
        let found = NelderMead.minimise({ self.chiSquare($0) }, from: start,
                                        steps: bounds.map { 0.05 * ($0.upperBound - $0.lowerBound) },
                                        maxIterations: maxIterations, tolerance: tolerance)
        return (found.x, found.value)
    }
}
