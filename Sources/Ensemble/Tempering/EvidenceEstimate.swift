import Foundation

/// An estimate of the log-evidence ln Z = ln ∫ π(x) L(x) dx from a tempered run, with its error.
public struct EvidenceEstimate: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// ln Z = ∫_0^1 ⟨ln L⟩_β dβ (Lartillot & Philippe 2006; ptemcee's estimate).
        case thermodynamicIntegration = "thermodynamic-integration"
        /// ln Z = Σ_k ln ⟨L^(β_k - β_{k+1})⟩_{β_{k+1}} (Xie, Lewis, Fan, Kuo & Chen 2011).
        case steppingStone = "stepping-stone"
    }

    public let method: Method
    public let logEvidence: Double
    /// Total error: the Monte Carlo and the ladder (discretisation) errors in quadrature.
    public let error: Double
    /// Standard error from batch means: the post-burn-in steps cut into `batches` consecutive
    /// blocks, the estimate computed on each, error = sd / √batches. Blocks much longer than the
    /// autocorrelation time are independent, so this includes the correlations between
    /// temperatures that swaps create.
    public let monteCarloError: Double
    /// For thermodynamic integration: |estimate - estimate from every other temperature| (as
    /// ptemcee's error; the end-corrected rule's error grows 16x when the spacing doubles, so this
    /// is about 15x the error of the full ladder: a conservative bound). With fewer than three
    /// positive β there is no sparser ladder, and the size of the end correction itself stands in.
    /// 0 for stepping stone, which has no quadrature error.
    public let discretisationError: Double
    public let batches: Int
    /// Steps x walkers used per temperature.
    public let samplesPerTemperature: Int
}

/// The evidence estimators of a tempered run's `TemperedHistory`.
///
/// Thermodynamic integration uses the end-corrected trapezoidal rule in ln β on the positive
/// temperatures, applied to β (⟨ln L⟩_β - c) with c = ⟨ln L⟩_1 + Var_1(ln L) (∫ m dβ = ∫ β m d ln β; for a Gaussian-like
/// likelihood ⟨ln L⟩_β ≈ ln L_max - d/(2β), so this integrand is nearly constant and the rule
/// nearly exact on geometric ladders, where the trapezoid in β is not). From β = 0 to the smallest
/// positive β_min, where ⟨ln L⟩ can change by orders of magnitude (case C with every constraint:
/// from -10^9 to -10^12), no quadrature works; that interval uses the identity
/// ∫_0^β_min ⟨ln L⟩ dβ = ln ⟨L^β_min⟩_0, the last stepping stone, from the β = 0 chain. Without a
/// β = 0 chain it is β_min ⟨ln L⟩_β_min (ptemcee's choice).
/// Stepping stone multiplies the ratios Z(β_k)/Z(β_{k+1}), each estimated from the samples at
/// β_{k+1}; without a β = 0 chain, ln Z(β_min) is taken as β_min ⟨ln L⟩_{β_min}. The prior must be
/// normalised (ln Z(0) = 0), as a proper prior in the sampled variables is.
public enum TemperedEvidence {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notTempered
        case tooFewSteps(Int)
        case nonFiniteLikelihood(temperature: Int)

        public var description: String {
            switch self {
            case .notTempered: return "the run has one temperature; evidence needs a tempered run (--temperatures K, K >= 2)"
            case .tooFewSteps(let n): return "only \(n) steps after the burn-in and the ladder's adaptation; evidence needs at least 8"
            case .nonFiniteLikelihood(let k): return "a stored log-likelihood at temperature \(k) is not finite"
            }
        }
    }

    /// Both estimates from the steps of `history` after `discard`, and after the ladder last
    /// changed (samples of an adapting ladder are not from fixed temperatures).
    public static func estimate(_ history: TemperedHistory, discard: Int, batches: Int = 16) throws -> [EvidenceEstimate] {
        guard history.temperatures >= 2 else { throw Failure.notTempered }
        let start = max(discard, history.firstStepOfFinalLadder)
        let n = history.steps - start
        guard n >= 8 else { throw Failure.tooFewSteps(max(n, 0)) }
        let k = history.temperatures, w = history.walkers
        let betas = (0..<k).map { history.beta(step: history.steps - 1, temperature: $0) }
        // ln L per temperature over the kept steps, step-major.
        var samples = [[Double]](repeating: [], count: k)
        for t in 0..<k {
            samples[t].reserveCapacity(n * w)
            for s in start..<history.steps {
                for j in 0..<w { samples[t].append(history.logLikelihood(step: s, temperature: t, walker: j)) }
            }
            // Walkers at β > 0 never hold ln L = -∞; at β = 0 the prior may put them where L = 0,
            // which the stepping-stone ratio handles (exp(-∞) = 0). NaN and +∞ are refused.
            let hottestAtZero = t == k - 1 && history.beta(step: history.steps - 1, temperature: t) == 0
            guard samples[t].allSatisfy({ $0.isFinite || (hottestAtZero && $0 == -.infinity) }) else {
                throw Failure.nonFiniteLikelihood(temperature: t)
            }
        }
        let b = min(batches, n / 2)
        func batchError(_ estimator: ([ArraySlice<Double>]) -> Double) -> Double {
            let estimates = (0..<b).map { i -> Double in
                let lo = i * n / b * w, hi = (i + 1) * n / b * w
                return estimator(samples.map { $0[lo..<hi] })
            }
            let mean = estimates.reduce(0, +) / Double(b)
            let variance = estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(b - 1)
            return (variance / Double(b)).squareRoot()
        }
        let all = samples.map { $0[...] }

        let means = all.map(mean), variances = all.map(variance)
        let ti = thermodynamicIntegration(betas: betas, means: means, variances: variances, hottest: all.last)
        let every = alternateTemperatures(betas)
        let tiHalf = thermodynamicIntegration(betas: every.map { betas[$0] }, means: every.map { means[$0] },
                                              variances: every.map { variances[$0] }, hottest: all.last)
        let tiMC = batchError { thermodynamicIntegration(betas: betas, means: $0.map(mean), variances: $0.map(variance), hottest: $0.last) }
        let tiLadder = every.count < betas.count ? abs(ti - tiHalf)
            : abs(endCorrection(betas: betas, means: means, variances: variances))
        let ss = steppingStone(betas: betas, samples: all)
        let ssMC = batchError { steppingStone(betas: betas, samples: $0) }
        return [
            EvidenceEstimate(method: .thermodynamicIntegration, logEvidence: ti, error: (tiMC * tiMC + tiLadder * tiLadder).squareRoot(),
                             monteCarloError: tiMC, discretisationError: tiLadder, batches: b, samplesPerTemperature: n * w),
            EvidenceEstimate(method: .steppingStone, logEvidence: ss, error: ssMC, monteCarloError: ssMC,
                             discretisationError: 0, batches: b, samplesPerTemperature: n * w),
        ]
    }

    /// ∫_0^1 m(β) dβ from the means m and variances v of ln L at `betas` (descending from 1; the
    /// last may be 0), by the trapezoidal rule with its end correction (Friel, Hurn & Wyse 2014,
    /// Stat. Comput. 24, 709): since dm/dβ = v, each interval adds h (f_i + f_j)/2 - h² (f'_i - f'_j)/12
    /// (i the upper end) in s = ln β with f = β (m - c), f' = df/ds = f + β² v; the interval below the
    /// smallest positive β as the type's documentation says (`hottest`: ln L samples at β = 0).
    public static func thermodynamicIntegration(betas: [Double], means: [Double], variances: [Double],
                                                hottest: ArraySlice<Double>? = nil) -> Double {
        let rule = endCorrectedRule(betas: betas, means: means, variances: variances)
        let last = rule.smallestPositive
        // The unshifted ∫_0^β_min ⟨ln L⟩ dβ, less the shift c over that interval.
        let tail = betas.last == 0 && hottest != nil ? steppingStoneRatio(from: hottest!, by: betas[last]) : betas[last] * means[last]
        return rule.shift + rule.integral + tail - rule.shift * betas[last]
    }

    /// The sum of the end corrections -h² (f'_i - f'_j)/12 over the positive temperatures: the
    /// estimated error of the plain trapezoid, used as the ladder error when no sparser ladder exists.
    static func endCorrection(betas: [Double], means: [Double], variances: [Double]) -> Double {
        endCorrectedRule(betas: betas, means: means, variances: variances).correction
    }

    /// The end-corrected trapezoid in ln β over the positive temperatures of ∫ (m - c) dβ, with its
    /// correction terms alone, the shift c and the index of the smallest positive β.
    ///
    /// ∫_0^1 m dβ = c + ∫_0^1 (m - c) dβ for any c. For a Gaussian-like likelihood
    /// m = ln L_max - d/(2β) and v = d/(2β²), so c = m(1) + v(1) = ln L_max makes β (m - c) = -d/2
    /// constant, which the rule in ln β integrates exactly; without the shift β m would grow as
    /// β ln L_max, which no rule in ln β integrates well on a coarse ladder.
    private static func endCorrectedRule(betas: [Double], means: [Double], variances v: [Double])
        -> (shift: Double, integral: Double, correction: Double, smallestPositive: Int) {
        let c = means[0] + betas[0] * betas[0] * v[0]
        let positive = betas.indices.filter { betas[$0] > 0 }
        var integral = 0.0, correction = 0.0
        for (i, j) in zip(positive, positive.dropFirst()) {
            let h = log(betas[i]) - log(betas[j])  // > 0, from β_j up to β_i
            let fi = betas[i] * (means[i] - c), fj = betas[j] * (means[j] - c)
            let di = fi + betas[i] * betas[i] * v[i], dj = fj + betas[j] * betas[j] * v[j]
            let end = -(h * h * (di - dj) / 12)
            integral += h * (fi + fj) / 2 + end
            correction += end
        }
        return (c, integral, correction, positive.last!)
    }

    /// ln ⟨exp(Δβ ln L)⟩ over `samples` (at the lower β of a stone), computed stably; -∞ when every
    /// sample has L = 0.
    static func steppingStoneRatio(from samples: ArraySlice<Double>, by delta: Double) -> Double {
        guard let largest = samples.max(), largest > -.infinity else { return -.infinity }
        let top = largest * delta
        var sum = 0.0
        for l in samples { sum += exp(delta * l - top) }
        return top + log(sum / Double(samples.count))
    }

    /// Σ_k ln mean exp((β_k - β_{k+1}) ln L) over the samples at β_{k+1}, computed stably.
    public static func steppingStone(betas: [Double], samples: [ArraySlice<Double>]) -> Double {
        var total = 0.0
        for k in 0..<(betas.count - 1) {
            total += steppingStoneRatio(from: samples[k + 1], by: betas[k] - betas[k + 1])
        }
        if let last = betas.last, last > 0 { total += last * mean(samples[betas.count - 1]) }
        return total
    }

    /// Every other temperature from β = 1, keeping the smallest positive β and β = 0 so both
    /// ladders span the same range.
    static func alternateTemperatures(_ betas: [Double]) -> [Int] {
        let positive = betas.indices.filter { betas[$0] > 0 }
        var chosen = Set(stride(from: 0, to: positive.count, by: 2).map { positive[$0] })
        chosen.insert(positive.last!)
        if betas.last == 0 { chosen.insert(betas.count - 1) }
        return chosen.sorted()
    }

    static func mean(_ values: ArraySlice<Double>) -> Double { values.reduce(0, +) / Double(values.count) }

    static func variance(_ values: ArraySlice<Double>) -> Double {
        let m = mean(values)
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(values.count - 1, 1))
    }
}
