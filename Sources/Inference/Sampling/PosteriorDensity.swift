import Ensemble
import Flavor

/// The posterior of a priors file as a target for the ensemble sampler: log p = log prior - chi^2/2
/// in the sampled variables of the priors (log10 for log-uniform parameters). Blobs per sample: the
/// chi^2 of the binned rows, the chi^2 of the constraints, and the prediction of every table row.
/// Prior and likelihood apart, so that parallel tempering can raise the likelihood to a power.
public struct PosteriorDensity: TemperableDensity {
    public let priors: PriorsFile
    public let likelihood: PosteriorLikelihood

    public init(priors: PriorsFile, likelihood: PosteriorLikelihood) {
        self.priors = priors
        self.likelihood = likelihood
    }

    public var dimension: Int { priors.free.count }
    public var blobCount: Int { 2 + likelihood.predictor.rows.count }

    /// Names of the blobs, in order.
    public var blobNames: [String] {
        ["chi2_binned", "chi2_constraints"] + likelihood.predictor.table.measurements.map {
            "prediction[\($0.name) \($0.q2Min)-\($0.q2Max)]"
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
        let (binned, constraint) = likelihood.evaluate(priors.point(x), predictions: UnsafeMutableBufferPointer(rebasing: blobs[2...]))
        blobs[0] = binned
        blobs[1] = constraint
        return (prior, -0.5 * (binned + constraint))
    }
}
