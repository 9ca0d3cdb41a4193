import Inference

// Batch evaluation: `x` holds `n` points of `darkz_dimension` sampled variables, row after row;
// each output holds one value per point. The code paths are the sampler's (PosteriorDensity,
// PosteriorLikelihood), so the values are those of a darkz chain file at the same point. A point
// whose parameters are unphysical (a negative mass from a uniform prior) gives NaN.

extension LikelihoodHandle {
    /// Calls `body` with each point's sampled variables and its physical parameters (nil: unphysical),
    /// and a scratch buffer for the table's predictions, allocated once per batch.
    func forEachPoint(_ x: UnsafePointer<Double>, _ n: Int,
                      _ body: (Int, UnsafeBufferPointer<Double>, DarkBosonParameters?, UnsafeMutableBufferPointer<Double>) -> Void) {
        let d = dimension
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(predictionCount, 1)) { scratch in
            for i in 0..<n {
                let point = UnsafeBufferPointer(start: x + i * d, count: d)
                let p = priors.point(point)
                body(i, point, p.problem == nil ? p : nil, scratch)
            }
        }
    }
}

/// chi^2 = chi^2 of the binned rows + chi^2 of the constraints, per point; `binned` and
/// `constraints` (each may be NULL) receive the two parts (a chain file's blobs chi2_binned, chi2_constraints).
@_cdecl("darkz_chi2")
public func darkz_chi2(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                       _ total: UnsafeMutablePointer<Double>, _ binned: UnsafeMutablePointer<Double>?,
                       _ constraints: UnsafeMutablePointer<Double>?) {
    let lik = likelihood(handle)
    lik.forEachPoint(x, n) { i, _, p, scratch in
        var parts = (binned: Double.nan, constraint: Double.nan)
        if let p { parts = lik.density.likelihood.evaluate(p, predictions: scratch) }
        total[i] = parts.binned + parts.constraint
        binned?[i] = parts.binned
        constraints?[i] = parts.constraint
    }
}

/// log L = -chi^2 / 2 per point (evaluated outside the prior box too).
@_cdecl("darkz_log_likelihood")
public func darkz_log_likelihood(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                                 _ out: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    lik.forEachPoint(x, n) { i, _, p, scratch in
        guard let p else { out[i] = .nan; return }
        let (binned, constraint) = lik.density.likelihood.evaluate(p, predictions: scratch)
        out[i] = -0.5 * (binned + constraint)
    }
}

/// log prior per point: 0 inside the priors' box, -inf outside (flat in the sampled variables).
@_cdecl("darkz_log_prior")
public func darkz_log_prior(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                            _ out: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    let d = lik.dimension
    for i in 0..<n { out[i] = lik.priors.logPrior(UnsafeBufferPointer(start: x + i * d, count: d)) }
}

/// log posterior per point, as the sampler computes it (a chain file's log_prob): -inf outside the box.
@_cdecl("darkz_log_posterior")
public func darkz_log_posterior(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                                _ out: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    let d = lik.dimension
    let noBlobs = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
    for i in 0..<n { out[i] = lik.density.logDensity(UnsafeBufferPointer(start: x + i * d, count: d), blobs: noBlobs) }
}

/// The unit cube to the sampled variables (`n` rows of `dimension` values each way): each prior's
/// quantile, flat in the sampled variable (PriorDistribution.sampledQuantile).
@_cdecl("darkz_prior_transform")
public func darkz_prior_transform(_ handle: UnsafeMutableRawPointer, _ u: UnsafePointer<Double>, _ n: Int,
                                  _ x: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    let d = lik.dimension
    for i in 0..<n {
        lik.priors.priorTransform(UnsafeBufferPointer(start: u + i * d, count: d),
                                  into: UnsafeMutableBufferPointer(start: x + i * d, count: d))
    }
}

/// The five physical parameters per point (`DarkBosonParameters.names` order: mZD in GeV, epsilon,
/// epsilonZ, gMu, invisibleFraction), fixed ones from the priors file: `n` rows of 5.
@_cdecl("darkz_physical")
public func darkz_physical(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                           _ out: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    let d = lik.dimension
    for i in 0..<n {
        let p = lik.priors.point(UnsafeBufferPointer(start: x + i * d, count: d))
        for (k, v) in [p.mZD, p.epsilon, p.epsilonZ, p.gMu, p.invisibleFraction].enumerated() { out[i * 5 + k] = v }
    }
}
