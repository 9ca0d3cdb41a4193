/// A posterior split into prior and likelihood, as parallel tempering needs: temperature
/// β samples p_β(x) ∝ π(x) L(x)^β (Vousden, Farr & Mandel 2016, eq. 1), and the evidence
/// estimators integrate over β. `logDensity` must equal `logPrior + logLikelihood` (the default
/// implementation), so a tempered run's β = 1 chain is the posterior an untempered run samples.
public protocol TemperableDensity: LogDensity {
    /// log π(x) (up to a constant; -∞ outside the support, where the likelihood need not be
    /// evaluated) and log L(x); fills `blobs` as `logDensity` does.
    func logPriorAndLikelihood(_ x: UnsafeBufferPointer<Double>,
                               blobs: UnsafeMutableBufferPointer<Double>) -> (logPrior: Double, logLikelihood: Double)
}

extension TemperableDensity {
    @inlinable
    public func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        let (prior, likelihood) = logPriorAndLikelihood(x, blobs: blobs)
        return prior == -.infinity ? -.infinity : prior + likelihood
    }
}

/// log p_β = log π + β log L, the one formula of the tempered densities (the target's
/// evaluation and the reweighting after a swap or a ladder change use it, so both agree bit for
/// bit). At β = 0 the likelihood does not enter, except that a NaN or +∞ likelihood gives NaN (such
/// a point is rejected at every temperature, as the untempered sampler rejects it); outside the
/// prior's support it is -∞.
@inlinable @inline(__always)
func temperedLogDensity(logPrior: Double, logLikelihood: Double, beta: Double) -> Double {
    if logPrior == -.infinity { return -.infinity }
    if beta == 0 { return logLikelihood.isNaN || logLikelihood == .infinity ? .nan : logPrior }
    return logPrior + beta * logLikelihood
}

/// The inverse temperature of one ensemble, read by its target while the ensemble steps and
/// changed by the tempered sampler only between steps (never concurrently with a read).
@usableFromInline
final class InverseTemperature: @unchecked Sendable {
    @usableFromInline var beta: Double
    init(_ beta: Double) { self.beta = beta }
}

/// The target of the ensemble at one temperature: `base` tempered by β, with the base's blobs
/// followed by two more, log π and log L, so that swaps and ladder changes can recompute
/// log p_β without evaluating the base again.
public struct TemperedTarget<Base: TemperableDensity>: LogDensity {
    @usableFromInline let base: Base
    @usableFromInline let temperature: InverseTemperature

    init(base: Base, temperature: InverseTemperature) {
        self.base = base
        self.temperature = temperature
    }

    public var dimension: Int { base.dimension }
    public var blobCount: Int { base.blobCount + 2 }

    @inlinable
    public func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = base.blobCount
        let (prior, likelihood) = base.logPriorAndLikelihood(
            x, blobs: UnsafeMutableBufferPointer(rebasing: blobs[0..<n]))
        blobs[n] = prior
        blobs[n + 1] = likelihood
        return temperedLogDensity(logPrior: prior, logLikelihood: likelihood, beta: temperature.beta)
    }
}
