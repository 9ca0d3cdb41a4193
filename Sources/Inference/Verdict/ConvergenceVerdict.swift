import Ensemble
import Foundation

/// The one convergence verdict of darkz: `sample` and `resume` stop on it, and `diagnose`, `sample`
/// and `resume` exit with 3 when it fails. A run is converged when all hold:
/// - the chain spans N ≥ 50 τ steps for every parameter, and τ changed by less than 1 % since the
///   previous check (emcee's recipe);
/// - rank-normalised split R-hat ≤ 1.01 for every parameter, each walker a chain (Vehtari et al.
///   2021), on the chain after the burn-in;
/// - bulk and tail ESS ≥ 400 for every parameter (``VerdictThresholds/minimumEffectiveSampleSize``);
/// - no walker is stuck, by acceptance (``AcceptanceSummary``) or by log-probability
///   (``LogProbabilityOutliers``);
/// - for tempered runs, the swap acceptance between every pair of adjacent temperatures ≥ 0.1.
///
/// Each criterion that fails is named in ``failures`` with a sentence.
public struct ConvergenceVerdict: Sendable {
    public let thresholds: VerdictThresholds
    /// τ per parameter and the steps it was estimated on.
    public let tau: [Double]
    public let tauSteps: Int
    /// Burn-in steps dropped before `chain` (for reports; 0 when the caller passed a kept chain).
    public internal(set) var discard: Int
    /// τ at the previous check, nil when there was none.
    public let previousTau: [Double]?
    /// R-hat, ESS and MCSE of the kept chain; nil when skipped (``isComplete`` false).
    public let rank: RankDiagnostics?
    public let acceptance: AcceptanceSummary
    public let logProbability: LogProbabilityOutliers?
    /// Swap acceptance per adjacent temperature pair, nil for an untempered run.
    public let swapAcceptance: [Double]?
    /// The failed criteria, in the order of the list above; empty when converged.
    public internal(set) var failures: [VerdictFailure]

    public var isConverged: Bool { failures.isEmpty }
    /// False when R-hat and ESS were skipped because a cheaper criterion already failed
    /// (`complete: false`, as a running sampler asks); the verdict is then "not converged" all the same.
    public var isComplete: Bool { rank != nil }

    /// Walkers stuck by either rule, ascending.
    public var stuckWalkers: [Int] {
        Array(Set(acceptance.stuckWalkers).union(logProbability?.stuckWalkers ?? [])).sorted()
    }

    /// Judges a run.
    /// - Parameters:
    ///   - chain: positions after the burn-in, (steps, walkers, parameters).
    ///   - logProbabilities: log-probabilities of the same steps, (steps, walkers, 1).
    ///   - acceptanceFractions: one per walker, over the whole run.
    ///   - tau: τ per parameter estimated on `tauSteps` steps (the whole chain).
    ///   - previousTau: τ at the previous check (nil: none, so τ cannot be called stable).
    ///   - swapAcceptance: per adjacent temperature pair (nil for an untempered run).
    ///   - parameterNames: for the messages (default x0, x1, ...).
    ///   - discard: the burn-in already dropped from `chain`, for reports.
    ///   - complete: false to skip R-hat and ESS (sorts and FFTs of the whole kept chain, the costly
    ///     part) when a cheaper criterion fails; the run is unconverged either way.
    public init(chain: ChainArray, logProbabilities: ChainArray, acceptanceFractions: [Double],
                tau: [Double], tauSteps: Int, previousTau: [Double]?, swapAcceptance: [Double]? = nil,
                parameterNames: [String]? = nil, discard: Int = 0, complete: Bool = true,
                thresholds: VerdictThresholds = VerdictThresholds()) {
        precondition(tau.count == chain.nDim, "τ has \(tau.count) parameters, the chain \(chain.nDim)")
        self.thresholds = thresholds
        self.tau = tau
        self.tauSteps = tauSteps
        self.discard = discard
        self.previousTau = previousTau
        self.swapAcceptance = swapAcceptance
        acceptance = AcceptanceSummary(fractions: acceptanceFractions)
        logProbability = logProbabilities.nSteps > 0
            ? LogProbabilityOutliers(logProbabilities: logProbabilities, dimension: chain.nDim) : nil
        let names = parameterNames?.count == chain.nDim ? parameterNames! : (0..<chain.nDim).map { "x\($0)" }
        var failures = [VerdictFailure](), later = [VerdictFailure]()
        let t = thresholds
        func fmt(_ x: Double, _ f: String = "%.4g") -> String { String(format: f, x) }

        for (k, name) in names.enumerated() where !(Double(tauSteps) >= t.minimumStepsPerTau * tau[k]) {
            failures.append(.init(.chainLength, tau[k].isFinite
                ? "N = \(tauSteps) steps < \(fmt(t.minimumStepsPerTau, "%g")) tau = \(fmt(t.minimumStepsPerTau * tau[k], "%.0f")) for \(name) (tau \(fmt(tau[k], "%.1f")))"
                : "tau is undefined for \(name) (a walker never moved)"))
        }
        if let previousTau, previousTau.count == tau.count {
            for (k, name) in names.enumerated() {
                let change = abs(tau[k] - previousTau[k]) / tau[k]
                if !(change < t.maximumRelativeTauChange) {
                    failures.append(.init(.tauStability, "tau of \(name) changed by \(fmt(100 * change, "%.1f"))% since the previous check (limit \(fmt(100 * t.maximumRelativeTauChange, "%g"))%)"))
                }
            }
        } else {
            failures.append(.init(.tauStability, "tau stability needs an earlier estimate; the chain is not longer than one check interval"))
        }
        let walkers = acceptanceFractions.count
        if let lp = logProbability, lp.hasStuckWalkers {
            let stuckMedian = lp.stuckWalkers.map { lp.walkerMedians[$0] }.sorted().medianOfSorted
            later.append(.init(.stuckWalkers, "\(lp.stuckWalkers.count) of \(walkers) walkers stuck far below the ensemble in log-prob (median \(fmt(stuckMedian, "%.6g")) vs \(fmt(lp.ensembleMedian, "%.6g")), gap > \(fmt(lp.gap, "%.3g"))): walkers \(lp.stuckWalkers)"))
        }
        if acceptance.hasStuckWalkers {
            later.append(.init(.stuckWalkers, "\(acceptance.stuckWalkers.count) of \(walkers) walkers accept at most 1/5 of the median acceptance \(fmt(acceptance.median, "%.3f")) or never: walkers \(acceptance.stuckWalkers)"))
        }
        if let swapAcceptance {
            for (i, rate) in swapAcceptance.enumerated() where !(rate >= t.minimumSwapAcceptance) {
                later.append(.init(.swapAcceptance, "swap acceptance \(fmt(rate, "%.3f")) < \(fmt(t.minimumSwapAcceptance, "%g")) between temperatures \(i) and \(i + 1)"))
            }
        }
        if complete || (failures.isEmpty && later.isEmpty) {
            let rank = RankDiagnostics(chain)
            self.rank = rank
            for (k, name) in names.enumerated() where !(rank.rHat[k] <= t.maximumRHat) {
                failures.append(.init(.rHat, rank.rHat[k].isNaN
                    ? "R-hat is undefined for \(name) (fewer than 4 kept steps, or NaN samples)"
                    : "R-hat \(fmt(rank.rHat[k], "%.3f")) > \(fmt(t.maximumRHat, "%g")) for \(name)"))
            }
            for (k, name) in names.enumerated() where !(rank.essBulk[k] >= t.minimumEffectiveSampleSize) {
                failures.append(.init(.essBulk, "bulk ESS \(fmt(rank.essBulk[k], "%.0f")) < \(fmt(t.minimumEffectiveSampleSize, "%.0f")) for \(name)"))
            }
            for (k, name) in names.enumerated() where !(rank.essTail[k] >= t.minimumEffectiveSampleSize) {
                failures.append(.init(.essTail, "tail ESS \(fmt(rank.essTail[k], "%.0f")) < \(fmt(t.minimumEffectiveSampleSize, "%.0f")) for \(name)"))
            }
        } else {
            rank = nil
        }
        self.failures = failures + later
    }

    /// The failed criteria's names, without repeats, in order.
    public var failedCriteria: [VerdictFailure.Criterion] {
        var seen = Set<VerdictFailure.Criterion>()
        return failures.map(\.criterion).filter { seen.insert($0).inserted }
    }

    /// One line for people: "converged (...)" or "NOT converged: ..." followed by one line per failure.
    public var text: String {
        if isConverged {
            return "verdict: converged (N >= \(String(format: "%g", thresholds.minimumStepsPerTau)) tau, tau stable, R-hat <= \(String(format: "%g", thresholds.maximumRHat)), bulk and tail ESS >= \(String(format: "%.0f", thresholds.minimumEffectiveSampleSize)), no stuck walkers\(swapAcceptance == nil ? "" : ", swaps accepted"))"
        }
        return (["verdict: NOT converged; failed: " + failedCriteria.map(\.rawValue).joined(separator: ", ")]
                + failures.map { "  - " + $0.message }).joined(separator: "\n")
    }
}

private extension Array where Element == Double {
    var medianOfSorted: Double { isEmpty ? .nan : CredibleIntervals.quantile(self, 0.5) }
}
