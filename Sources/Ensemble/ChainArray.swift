/// A block of MCMC samples laid out as emcee's `get_chain()` returns them: shape
/// (nSteps, nWalkers, nDim), row-major, so the value of parameter `dim` of walker `walker` at
/// step `step` sits at `(step * nWalkers + walker) * nDim + dim`.
///
/// The same layout serves positions, and with `nDim == 1` log-probabilities. Diagnostics take a
/// `ChainArray` and treat each walker as one chain, as emcee and ArviZ do.
public struct ChainArray: Sendable, Equatable {
    public let nSteps: Int
    public let nWalkers: Int
    public let nDim: Int
    /// Flat storage, `nSteps * nWalkers * nDim` values.
    public var values: [Double]

    public init(nSteps: Int, nWalkers: Int, nDim: Int, values: [Double]) {
        precondition(nSteps >= 0 && nWalkers >= 0 && nDim >= 0, "negative ChainArray extent")
        precondition(values.count == nSteps * nWalkers * nDim,
                     "ChainArray needs \(nSteps * nWalkers * nDim) values, got \(values.count)")
        self.nSteps = nSteps
        self.nWalkers = nWalkers
        self.nDim = nDim
        self.values = values
    }

    /// A chain of the given shape filled with `value`.
    public init(nSteps: Int, nWalkers: Int, nDim: Int, repeating value: Double = 0) {
        self.init(nSteps: nSteps, nWalkers: nWalkers, nDim: nDim,
                  values: Array(repeating: value, count: nSteps * nWalkers * nDim))
    }

    @inlinable
    public subscript(step: Int, walker: Int, dim: Int) -> Double {
        get { values[(step * nWalkers + walker) * nDim + dim] }
        set { values[(step * nWalkers + walker) * nDim + dim] = newValue }
    }

    /// The series of one parameter for one walker, in step order.
    public func series(walker: Int, dim: Int) -> [Double] {
        (0..<nSteps).map { self[$0, walker, dim] }
    }

    /// Drops the first `discard` steps and keeps every `thin`-th step after that exactly as emcee
    /// 3.1.6's `get_chain(discard:thin:)` does: steps `discard + thin - 1`, `discard + 2 thin - 1`, ...
    /// (the last step of each block of `thin`).
    public func slice(discard: Int = 0, thin: Int = 1) -> ChainArray {
        precondition(discard >= 0 && thin >= 1, "discard must be >= 0 and thin >= 1")
        let kept = Array(stride(from: discard + thin - 1, to: nSteps, by: thin))
        var out = [Double]()
        out.reserveCapacity(kept.count * nWalkers * nDim)
        let row = nWalkers * nDim
        for s in kept { out.append(contentsOf: values[(s * row)..<((s + 1) * row)]) }
        return ChainArray(nSteps: kept.count, nWalkers: nWalkers, nDim: nDim, values: out)
    }

    /// All samples as (nSteps * nWalkers) points of nDim values, step-major, as emcee's
    /// `get_chain(flat=True)`.
    public func flattened() -> [[Double]] {
        (0..<(nSteps * nWalkers)).map { i in Array(values[(i * nDim)..<((i + 1) * nDim)]) }
    }

    /// Stacks runs with equal nSteps and nDim along the walker axis, so that diagnostics across
    /// independent runs treat every walker of every run as one chain.
    public static func stackingWalkers(_ runs: [ChainArray]) -> ChainArray {
        guard let first = runs.first else { return ChainArray(nSteps: 0, nWalkers: 0, nDim: 0, values: []) }
        precondition(runs.allSatisfy { $0.nSteps == first.nSteps && $0.nDim == first.nDim },
                     "runs must share nSteps and nDim to be stacked")
        let totalWalkers = runs.reduce(0) { $0 + $1.nWalkers }
        var out = [Double]()
        out.reserveCapacity(first.nSteps * totalWalkers * first.nDim)
        for s in 0..<first.nSteps {
            for run in runs {
                let row = run.nWalkers * run.nDim
                out.append(contentsOf: run.values[(s * row)..<((s + 1) * row)])
            }
        }
        return ChainArray(nSteps: first.nSteps, nWalkers: totalWalkers, nDim: first.nDim, values: out)
    }
}
