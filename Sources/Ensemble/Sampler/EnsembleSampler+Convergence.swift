/// What a convergence check saw: the steps so far, τ per parameter on the stored chain and the
/// outcome of the rule.
public struct ConvergenceProgress: Sendable, Equatable {
    public let steps: Int
    public let tau: [Double]
    public let check: ConvergenceCheck
    /// True when the chain is shorter than 50 τ for some parameter (emcee's warning).
    public let chainTooShortForTau: Bool
}

extension EnsembleSampler {
    /// Runs until `rule` holds or `maxSteps` steps: every `interval` steps the integrated
    /// autocorrelation time of the stored chain is estimated (as emcee's `get_autocorr_time` with
    /// c = 5) and compared with the previous estimate, as in emcee's "Saving & monitoring progress"
    /// recipe. `onCheck` sees each check (for progress lines and checkpoints). Returns the last check,
    /// or nil when no check ran (maxSteps < interval).
    @discardableResult
    public func run(maxSteps: Int, checkEvery interval: Int, rule: ConvergenceRule = ConvergenceRule(),
                    onCheck: (ConvergenceProgress) -> Void = { _ in }) -> ConvergenceProgress? {
        var previous: [Double]?
        var last: ConvergenceProgress?
        run(maxSteps: maxSteps, checkEvery: interval) { sampler in
            let estimate = IntegratedAutocorrelationTime(sampler.chain())
            let check = rule.check(tau: estimate.tau, steps: estimate.nSteps, previousTau: previous)
            previous = estimate.tau
            let progress = ConvergenceProgress(steps: sampler.iteration, tau: estimate.tau, check: check,
                                               chainTooShortForTau: estimate.anyTooShort)
            last = progress
            onCheck(progress)
            return check.isConverged
        }
        return last
    }
}
