import Ensemble

/// The burn-in dropped when the user gives none: twice the largest integrated autocorrelation
/// time of the chain (non-finite τ ignored), at most half of the chain. `sample`, `resume`,
/// `diagnose`, `credible` and `corner` all use it, so they judge the same kept chain.
public enum BurnIn {
    public static func defaultSteps(tau: [Double], steps: Int) -> Int {
        let largest = tau.filter(\.isFinite).max() ?? 0
        return min(Int((2 * largest).rounded(.up)), steps / 2)
    }

    public static func defaultSteps(_ chain: ChainArray) -> Int {
        defaultSteps(tau: IntegratedAutocorrelationTime(chain).tau, steps: chain.nSteps)
    }
}
