import Ensemble

extension ConvergenceVerdict {
    /// The verdict on a whole run as `sample`, `resume` and `diagnose` all judge it: τ on the
    /// whole chain; τ at the previous check either given (`previousTau`, as a running sampler
    /// knows it) or re-estimated on the chain without its last `checkEvery` steps (where the
    /// previous check of the run was); R-hat, ESS and the log-probability outliers on the chain
    /// after `discard` steps (default ``BurnIn/defaultSteps(tau:steps:)``). `previousTau`, when
    /// given, must be the estimate on exactly those first N - `checkEvery` steps (after the
    /// adaptation), so that the verdict equals the one `diagnose` re-estimates. `complete` as in the
    /// memberwise form.
    ///
    /// A tempered run's first `adaptationSteps` steps, while its temperature ladder adapts, are
    /// dropped before anything is computed (as ptemcee's users discard the adaptation): the chain
    /// then starts from walkers already spread over the posterior, so τ is not inflated by the
    /// start from the prior. A run not past its adaptation fails `chainLength`.
    public init(wholeChain: ChainArray, logProbabilities whole: ChainArray, acceptanceFractions: [Double],
                checkEvery: Int, previousTau: [Double]? = nil, discard: Int? = nil, adaptationSteps: Int = 0,
                swapAcceptance: [Double]? = nil, parameterNames: [String]? = nil, complete: Bool = true,
                thresholds: VerdictThresholds = VerdictThresholds()) {
        precondition(wholeChain.nSteps >= 1, "a verdict needs at least one step")
        let adaptation = min(max(adaptationSteps, 0), wholeChain.nSteps - 1)
        let chain = wholeChain.slice(discard: adaptation)
        let logProbabilities = whole.slice(discard: adaptation)
        let tau = IntegratedAutocorrelationTime(chain).tau
        var previous = previousTau
        if previous == nil, chain.nSteps > checkEvery {
            previous = IntegratedAutocorrelationTime(chain.prefix(steps: chain.nSteps - checkEvery)).tau
        }
        // `discard` counts from the start of the run, the adaptation included.
        let burn = discard.map { max($0 - adaptation, 0) } ?? BurnIn.defaultSteps(tau: tau, steps: chain.nSteps)
        self.init(chain: chain.slice(discard: burn), logProbabilities: logProbabilities.slice(discard: burn),
                  acceptanceFractions: acceptanceFractions, tau: tau, tauSteps: chain.nSteps, previousTau: previous,
                  swapAcceptance: swapAcceptance, parameterNames: parameterNames, discard: burn, complete: complete,
                  thresholds: thresholds)
        self.discard = adaptation + burn
        if wholeChain.nSteps <= adaptationSteps {
            failures.insert(.init(.chainLength, "the temperature ladder adapts for \(adaptationSteps) steps and the chain has \(wholeChain.nSteps); the verdict judges the steps after the adaptation"), at: 0)
        }
    }
}

extension ChainArray {
    /// The first `steps` steps.
    func prefix(steps: Int) -> ChainArray {
        precondition(steps >= 0 && steps <= nSteps, "prefix of \(steps) steps of a chain of \(nSteps)")
        return ChainArray(nSteps: steps, nWalkers: nWalkers, nDim: nDim, values: Array(values[0..<(steps * nWalkers * nDim)]))
    }
}
