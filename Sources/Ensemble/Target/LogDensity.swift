/// A target density for the sampler: the log of an unnormalised probability density on R^dimension,
/// optionally with derived values ("blobs", e.g. chi^2 or predictions) stored beside each sample,
/// as emcee's `log_prob_fn` returning extra values.
///
/// The sampler is generic over the target, so `logDensity` is specialised and inlined into the
/// update loop; it is called concurrently from several threads for different walkers, hence
/// `Sendable` and no mutable shared state. Conforming types should not allocate per call.
///
/// Return `-Double.infinity` outside the support (a prior wall): the proposal is rejected.
/// `NaN` and `+infinity` are rejected too, and counted (`EnsembleSampler.nonFiniteCount`).
public protocol LogDensity: Sendable {
    /// Number of parameters.
    var dimension: Int { get }
    /// Number of derived values written to `blobs` per evaluation (default 0).
    var blobCount: Int { get }
    /// log p(x) up to a constant. `x.count == dimension`; write exactly `blobCount` values into
    /// `blobs` (they are kept only if the proposal is accepted).
    func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double
}

extension LogDensity {
    public var blobCount: Int { 0 }

    /// Evaluates the density at an array point (convenience, allocates; not for hot loops).
    public func logDensity(at x: [Double]) -> (logDensity: Double, blobs: [Double]) {
        var blobs = [Double](repeating: 0, count: blobCount)
        let value = x.withUnsafeBufferPointer { xs in
            blobs.withUnsafeMutableBufferPointer { logDensity(xs, blobs: $0) }
        }
        return (value, blobs)
    }
}
