import ChainStorage
import Ensemble

extension BurnIn {
    /// The default burn-in of a chain file, counted from its first step: a tempered run's ladder
    /// adaptation, then twice the largest τ of the rest (``defaultSteps(tau:steps:)``); for an
    /// untempered run twice the largest τ. `credible`, `corner`, `evidence` and the verdict all
    /// drop this much when the user gives no `--discard`.
    public static func defaultSteps(file: ChainFile) -> Int {
        let chain = file.chain
        guard chain.nSteps > 0 else { return 0 }
        let adaptation = min(file.tempering?.state.ladder.adaptationSteps ?? 0, chain.nSteps - 1)
        let rest = chain.slice(discard: adaptation)
        return adaptation + defaultSteps(tau: IntegratedAutocorrelationTime(rest).tau, steps: rest.nSteps)
    }
}

extension ChainFile {
    /// The stored parameter names, or x0, x1, ... for a file without them (emcee's).
    public var parameterNamesOrIndices: [String] {
        metadata.parameterNames.count == chain.nDim ? metadata.parameterNames : (0..<chain.nDim).map { "x\($0)" }
    }
}

extension ConvergenceVerdict {
    /// The verdict on a chain file, exactly as `sample` judged it while running: the run's own
    /// check interval and thresholds (darkz's defaults for an emcee file), a tempered run judged
    /// after its ladder's adaptation with its swap acceptance. `diagnose`, `credible` and `corner`
    /// print this one. It is ``CombinedChains``' verdict on the file alone, so one file and several
    /// are judged by the same steps.
    public init(file: ChainFile, discard: Int? = nil, maximumRHat: Double? = nil) {
        self = CombinedChains(checked: [file], burnIns: [discard ?? BurnIn.defaultSteps(file: file)], maximumRHat: maximumRHat).verdict
    }
}
