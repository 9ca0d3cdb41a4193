/// Integrated autocorrelation time of every parameter of an ensemble chain, computed as emcee
/// 3.1.6's `autocorr.integrated_time(x, c=c, tol=tolerance, quiet=True)` does for
/// x of shape (nSteps, nWalkers, nDim).
///
/// Per parameter: the normalised autocorrelation function of each walker
/// (``autocorrelationFunction(of:)``) is averaged over walkers into f, the running estimates are
/// τ_M = 2·Σ_{k≤M} f_k - 1, and the window is Sokal's automatic one (Sokal 1997, p. 16; emcee's
/// `auto_window`): the first M with M ≥ c·τ_M, else the last lag. A walker that never moves has an
/// undefined autocorrelation function, and then τ is NaN, as in emcee.
public struct IntegratedAutocorrelationTime: Sendable, Equatable {
    /// τ per parameter, in steps.
    public let tau: [Double]
    /// The window M chosen per parameter (the τ_M reported).
    public let window: [Int]
    /// Number of steps the estimate used.
    public let nSteps: Int
    /// The tolerance: how many τ a trustworthy chain spans (emcee's `tol`).
    public let tolerance: Double

    /// Estimates τ for every parameter of `chain` (emcee defaults c = 5, tol = 50).
    public init(_ chain: ChainArray, c: Double = 5, tolerance: Double = 50) {
        precondition(chain.nSteps > 0 && chain.nWalkers > 0, "autocorrelation time needs at least one step and one walker")
        var tau = [Double](), window = [Int]()
        for dim in 0..<chain.nDim {
            var f = [Double](repeating: 0, count: chain.nSteps)
            for walker in 0..<chain.nWalkers {
                let acf = Self.autocorrelationFunction(of: chain.series(walker: walker, dim: dim))
                for k in 0..<f.count { f[k] += acf[k] }
            }
            var taus = [Double](), running = 0.0
            taus.reserveCapacity(f.count)
            for value in f {
                running += value / Double(chain.nWalkers)
                taus.append(2 * running - 1)
            }
            // The first M that is not (M < c·τ_M); NaN compares false, as in numpy.
            let m = taus.indices.first { !(Double($0) < c * taus[$0]) } ?? taus.count - 1
            window.append(m)
            tau.append(taus[m])
        }
        self.tau = tau
        self.window = window
        self.nSteps = chain.nSteps
        self.tolerance = tolerance
    }

    /// Per parameter, whether the chain is shorter than `tolerance`·τ steps: emcee's condition
    /// `tol * tau > n_steps` for the warning "The chain is shorter than 50 times the integrated
    /// autocorrelation time". Such an estimate is biased low and should not be trusted.
    public var isTooShort: [Bool] { tau.map { tolerance * $0 > Double(nSteps) } }

    /// Whether any parameter's estimate is flagged by ``isTooShort``.
    public var anyTooShort: Bool { isTooShort.contains(true) }

    /// Normalised autocorrelation function ρ_k (k = 0..<n) of one series, as emcee's
    /// `autocorr.function_1d`: FFT autocovariance of the mean-subtracted series divided by its
    /// lag-0 value.
    public static func autocorrelationFunction(of series: [Double]) -> [Double] {
        let s = centredLagProducts(series)
        guard let s0 = s.first else { return [] }
        return s.map { $0 / s0 }
    }
}
