import Ensemble

extension ConvergenceVerdict {
    /// The verdict on a whole run as `sample`, `resume` and `diagnose` all judge it: τ on the
    /// whole chain; τ at the previous check either given (`previousTau`, as a running sampler
    /// knows it) or re-estimated on the chain without its last `checkEvery` steps (where the
    /// previous check of the run was); R-hat, ESS and the log-probability outliers on the chain
    /// after `discard` steps (default ``BurnIn/defaultSteps(tau:steps:)``). `previousTau`, when
    /// given, must be the estimate on exactly those first N - `checkEvery` steps, so that the verdict
    /// equals the one `diagnose` re-estimates. `complete` as in the memberwise form.
    public init(wholeChain chain: ChainArray, logProbabilities: ChainArray, acceptanceFractions: [Double],
                checkEvery: Int, previousTau: [Double]? = nil, discard: Int? = nil, swapAcceptance: [Double]? = nil,
                parameterNames: [String]? = nil, complete: Bool = true, thresholds: VerdictThresholds = VerdictThresholds()) {
        precondition(chain.nSteps >= 1, "a verdict needs at least one step")
        let tau = IntegratedAutocorrelationTime(chain).tau
        var previous = previousTau
        if previous == nil, chain.nSteps > checkEvery {
            previous = IntegratedAutocorrelationTime(chain.prefix(steps: chain.nSteps - checkEvery)).tau
        }
        let burn = discard ?? BurnIn.defaultSteps(tau: tau, steps: chain.nSteps)
        self.init(chain: chain.slice(discard: burn), logProbabilities: logProbabilities.slice(discard: burn),
                  acceptanceFractions: acceptanceFractions, tau: tau, tauSteps: chain.nSteps, previousTau: previous,
                  swapAcceptance: swapAcceptance, parameterNames: parameterNames, discard: burn, complete: complete,
                  thresholds: thresholds)
    }
}

extension ChainArray {
    /// The first `steps` steps.
    func prefix(steps: Int) -> ChainArray {
        precondition(steps >= 0 && steps <= nSteps, "prefix of \(steps) steps of a chain of \(nSteps)")
        return ChainArray(nSteps: steps, nWalkers: nWalkers, nDim: nDim, values: Array(values[0..<(steps * nWalkers * nDim)]))
    }
}
