/// One criterion of the convergence verdict that a run fails, with a sentence for people.
public struct VerdictFailure: Sendable, Equatable, Encodable {
    /// The criteria, named as in JSON output.
    public enum Criterion: String, Sendable, Equatable, Encodable, CaseIterable {
        /// N ≥ 50 τ.
        case chainLength = "chain_length"
        /// τ changed by less than 1 % since the previous check.
        case tauStability = "tau_stability"
        /// Rank-normalised split R-hat ≤ 1.01.
        case rHat = "rhat"
        case essBulk = "ess_bulk"
        case essTail = "ess_tail"
        /// No walker stuck (acceptance or log-probability).
        case stuckWalkers = "stuck_walkers"
        /// Swap acceptance between adjacent temperatures.
        case swapAcceptance = "swap_acceptance"
    }

    public let criterion: Criterion
    /// E.g. "R-hat 1.65 > 1.01 for log10(mZD)".
    public let message: String

    public init(_ criterion: Criterion, _ message: String) {
        self.criterion = criterion
        self.message = message
    }
}
