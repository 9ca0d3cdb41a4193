/// The stopping rule of emcee's "Saving & monitoring progress" tutorial, to be checked every k
/// steps of a run: stop when the chain spans at least `minimumStepsPerTau` autocorrelation times
/// for every parameter and every τ changed by less than `maximumRelativeTauChange` (relative to
/// the current τ) since the previous check. (The tutorial uses 100 τ and 1 %; we default to
/// 50 τ, emcee's own `tol` for a trustworthy τ.)
public struct ConvergenceRule: Sendable, Equatable {
    /// Steps needed per autocorrelation time: N ≥ this · τ for every parameter.
    public var minimumStepsPerTau: Double
    /// Largest accepted |τ - τ_previous| / τ for every parameter.
    public var maximumRelativeTauChange: Double

    public init(minimumStepsPerTau: Double = 50, maximumRelativeTauChange: Double = 0.01) {
        self.minimumStepsPerTau = minimumStepsPerTau
        self.maximumRelativeTauChange = maximumRelativeTauChange
    }

    /// Checks τ per parameter estimated after `steps` steps against `previousTau` from the last
    /// check (nil at the first check, which then cannot be stable, as emcee's `old_tau = inf`).
    /// A NaN τ fails both conditions.
    public func check(tau: [Double], steps: Int, previousTau: [Double]?) -> ConvergenceCheck {
        let longEnough = tau.allSatisfy { Double(steps) >= minimumStepsPerTau * $0 }
        guard let previousTau else { return ConvergenceCheck(isLongEnough: longEnough, isTauStable: false) }
        precondition(previousTau.count == tau.count, "previous τ has \(previousTau.count) parameters, current \(tau.count)")
        let stable = zip(tau, previousTau).allSatisfy { abs($0 - $1) / $0 < maximumRelativeTauChange }
        return ConvergenceCheck(isLongEnough: longEnough, isTauStable: stable)
    }

    /// Checks an estimate against the previous one, with N the steps the current estimate used.
    public func check(_ current: IntegratedAutocorrelationTime,
                      previous: IntegratedAutocorrelationTime?) -> ConvergenceCheck {
        check(tau: current.tau, steps: current.nSteps, previousTau: previous?.tau)
    }
}

/// The outcome of one ``ConvergenceRule`` check, each condition on its own so a caller can say
/// which one holds a run back.
public struct ConvergenceCheck: Sendable, Equatable {
    /// N ≥ minimumStepsPerTau · τ for every parameter.
    public let isLongEnough: Bool
    /// |τ - τ_previous| / τ < maximumRelativeTauChange for every parameter.
    public let isTauStable: Bool
    /// Both conditions hold: the run may stop.
    public var isConverged: Bool { isLongEnough && isTauStable }
}
