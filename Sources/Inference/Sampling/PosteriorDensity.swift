import Ensemble
import Flavor

/// The posterior of a priors file as a target for the ensemble sampler: log p = log prior - chi^2/2
/// in the sampled variables of the priors (log10 for log-uniform parameters). Blobs per sample, as
/// `blobs` selects: the chi^2 of the binned rows and the chi^2 of the constraints (`chi2`), and
/// after them the prediction of every table row (`predictions`), or none.
/// Prior and likelihood apart, so that parallel tempering can raise the likelihood to a power.
public struct PosteriorDensity: TemperableDensity {
    public let priors: PriorsFile
    public let likelihood: PosteriorLikelihood
    public let blobs: BlobSelection

    /// - Parameter blobs: the blobs to return; nil for the priors file's ([output] blobs).
    public init(priors: PriorsFile, likelihood: PosteriorLikelihood, blobs: BlobSelection? = nil) {
        self.priors = priors
        self.likelihood = likelihood
        self.blobs = blobs ?? priors.output.blobs
    }

    public var dimension: Int { priors.free.count }
    public var blobCount: Int { blobs.count(rows: likelihood.predictor.rows.count) }

    /// Names of the blobs, in order.
    public var blobNames: [String] {
        let chi2 = ["chi2_binned", "chi2_constraints"]
        switch blobs {
        case .none: return []
        case .chi2: return chi2
        case .predictions:
            return chi2 + likelihood.predictor.table.measurements.map { "prediction[\($0.name) \($0.q2Min)-\($0.q2Max)]" }
        }
    }

    /// log prior (0 inside the box, -inf outside) and log L = -chi^2/2, with the blobs.
    public func logPriorAndLikelihood(_ x: UnsafeBufferPointer<Double>,
                                      blobs: UnsafeMutableBufferPointer<Double>) -> (logPrior: Double, logLikelihood: Double) {
        let prior = priors.logPrior(x)
        guard prior.isFinite else {
            for i in blobs.indices { blobs[i] = .nan }
            return (-.infinity, .nan)
        }
        let point = priors.point(x)
        let (binned, constraint) = blobs.count > 2
            ? likelihood.evaluate(point, predictions: UnsafeMutableBufferPointer(rebasing: blobs[2...]))
            : withUnsafeTemporaryAllocation(of: Double.self, capacity: likelihood.predictor.plan.count) {
                likelihood.evaluate(point, predictions: $0)  // predictions not stored: scratch on the stack
            }
        if blobs.count >= 2 {
            blobs[0] = binned
            blobs[1] = constraint
        }
        return (prior, -0.5 * (binned + constraint))
    }
}
