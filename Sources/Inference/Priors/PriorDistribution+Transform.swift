/// The unit cube of nested samplers (dynesty, UltraNest, nautilus) mapped onto the priors.
extension PriorDistribution {
    /// The sampled variable at cumulative prior mass `u` in [0, 1]: the prior is flat in the sampled
    /// variable (the value, or log10 of it for log-uniform), so it is (1 - u) low + u high, which is
    /// low at 0 and high at 1 exactly, kept inside the bounds against rounding; a fixed parameter's value.
    public func sampledQuantile(_ u: Double) -> Double {
        let bounds = sampledBounds
        let x = (1 - u) * bounds.lowerBound + u * bounds.upperBound
        return min(max(x, bounds.lowerBound), bounds.upperBound)
    }
}

extension PriorsFile {
    /// The prior transform of the free parameters, in sampling order: `u` (unit cube) to the sampled variables.
    public func priorTransform(_ u: UnsafeBufferPointer<Double>, into x: UnsafeMutableBufferPointer<Double>) {
        var k = 0
        for prior in parameters where prior.distribution.isFree {
            x[k] = prior.distribution.sampledQuantile(u[k])
            k += 1
        }
    }
}
