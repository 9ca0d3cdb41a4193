/// What a tempered run records per step besides the β = 1 chain: the ladder, the log-likelihood
/// of every walker at every temperature (after the step's swaps) and the swaps accepted between
/// adjacent temperatures. Enough for the evidence estimators and the swap diagnostics; the hot
/// chains' positions are not kept.
public struct TemperedHistory: Sendable, Equatable {
    public let temperatures: Int
    public let walkers: Int
    /// Steps recorded.
    public private(set) var steps: Int
    /// steps x temperatures: the β under which each step was taken.
    public private(set) var betas: [Double]
    /// steps x temperatures x walkers.
    public private(set) var logLikelihoods: [Double]
    /// steps x (temperatures - 1): swaps accepted between i and i + 1 in that step (of `walkers` proposed).
    public private(set) var swapsAccepted: [Double]

    public init(temperatures: Int, walkers: Int, steps: Int = 0, betas: [Double] = [], logLikelihoods: [Double] = [],
                swapsAccepted: [Double] = []) {
        precondition(betas.count == steps * temperatures && logLikelihoods.count == steps * temperatures * walkers
                     && swapsAccepted.count == steps * max(temperatures - 1, 0), "TemperedHistory arrays do not fit its shape")
        self.temperatures = temperatures
        self.walkers = walkers
        self.steps = steps
        self.betas = betas
        self.logLikelihoods = logLikelihoods
        self.swapsAccepted = swapsAccepted
    }

    mutating func append(betas b: [Double], logLikelihoods l: UnsafeBufferPointer<Double>, swapsAccepted s: [Double]) {
        betas.append(contentsOf: b)
        logLikelihoods.append(contentsOf: l)
        swapsAccepted.append(contentsOf: s)
        steps += 1
    }

    mutating func reserve(steps more: Int) {
        betas.reserveCapacity(betas.count + more * temperatures)
        logLikelihoods.reserveCapacity(logLikelihoods.count + more * temperatures * walkers)
        swapsAccepted.reserveCapacity(swapsAccepted.count + more * max(temperatures - 1, 0))
    }

    /// The steps from `start` on.
    public func suffix(from start: Int) -> TemperedHistory {
        let s = min(max(start, 0), steps)
        let k = temperatures, w = walkers
        return TemperedHistory(temperatures: k, walkers: w, steps: steps - s, betas: Array(betas[(s * k)...]),
                               logLikelihoods: Array(logLikelihoods[(s * k * w)...]),
                               swapsAccepted: Array(swapsAccepted[(s * max(k - 1, 0))...]))
    }

    /// This history followed by `later`.
    public func appending(_ later: TemperedHistory) -> TemperedHistory {
        precondition(later.temperatures == temperatures && later.walkers == walkers, "histories of different shapes")
        return TemperedHistory(temperatures: temperatures, walkers: walkers, steps: steps + later.steps,
                               betas: betas + later.betas, logLikelihoods: logLikelihoods + later.logLikelihoods,
                               swapsAccepted: swapsAccepted + later.swapsAccepted)
    }

    /// β of temperature `k` at `step`.
    public func beta(step: Int, temperature k: Int) -> Double { betas[step * temperatures + k] }

    /// log L of `walker` at temperature `k` and `step`.
    public func logLikelihood(step: Int, temperature k: Int, walker: Int) -> Double {
        logLikelihoods[(step * temperatures + k) * walkers + walker]
    }

    /// Fraction of proposed swaps accepted between temperatures i and i + 1 over all recorded steps.
    public var swapAcceptance: [Double] { swapAcceptance(from: 0) }

    /// The same over the steps from `start` on (NaN without such steps).
    public func swapAcceptance(from start: Int) -> [Double] { Self.swapAcceptance(of: [self], from: start) }

    /// Swap acceptance over the steps after a ladder's adaptation, as the convergence verdict
    /// judges it; over all steps while the ladder still adapts.
    public func judgedSwapAcceptance(adaptationSteps: Int) -> [Double] {
        Self.judgedSwapAcceptance(of: [self], adaptationSteps: adaptationSteps)
    }

    /// ``judgedSwapAcceptance(adaptationSteps:)`` of consecutive histories (a file's and a resumed
    /// run's), without joining them.
    public static func judgedSwapAcceptance(of parts: [TemperedHistory], adaptationSteps a: Int) -> [Double] {
        let total = parts.reduce(0) { $0 + $1.steps }
        return swapAcceptance(of: parts, from: total > a ? a : 0)
    }

    /// Accepted over proposed swaps per adjacent pair, over the steps from `start` on of
    /// consecutive histories of one run.
    static func swapAcceptance(of parts: [TemperedHistory], from start: Int) -> [Double] {
        let pairs = max((parts.first?.temperatures ?? 1) - 1, 0), walkers = parts.first?.walkers ?? 0
        var sums = [Double](repeating: 0, count: pairs)
        var counted = 0, offset = 0
        for part in parts {
            let first = max(start - offset, 0)
            if first < part.steps {
                for s in first..<part.steps {
                    for i in 0..<pairs { sums[i] += part.swapsAccepted[s * pairs + i] }
                }
                counted += part.steps - first
            }
            offset += part.steps
        }
        guard counted > 0 else { return [Double](repeating: .nan, count: pairs) }
        return sums.map { $0 / Double(counted * walkers) }
    }

    /// The first step from which the ladder no longer changed (0 if it never did).
    public var firstStepOfFinalLadder: Int {
        var first = steps
        while first > 0 && betas[((first - 1) * temperatures)..<(first * temperatures)].elementsEqual(betas[((steps - 1) * temperatures)..<(steps * temperatures)]) {
            first -= 1
        }
        return first
    }
}
