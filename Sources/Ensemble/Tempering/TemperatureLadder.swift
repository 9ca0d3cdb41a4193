import Foundation

/// The inverse temperatures 1 = β_0 > β_1 > ... > β_{K-1} ≥ 0 of a parallel-tempered run and
/// how they move: fixed, or adapted during the first `adaptationSteps` steps by the dynamics of
/// Vousden, Farr & Mandel (2016, MNRAS 455, 1919, sec. 3.1, as in their ptemcee), which equalise
/// the swap acceptance between adjacent temperatures. After `adaptationSteps` the ladder is
/// frozen, so the chains from then on are exact MCMC at fixed temperatures (what the evidence
/// estimators assume). β_0 = 1 and the hottest β never move.
public struct TemperatureLadder: Codable, Sendable, Equatable {
    /// Current inverse temperatures, descending from 1.
    public var betas: [Double]
    /// Steps during which the ladder adapts (0: a fixed ladder).
    public var adaptationSteps: Int
    /// t_0 of the decay κ(t) = t_0 / (ν (t + t_0)) (ptemcee's `adaptation_lag`, default 10^4).
    public var adaptationLag: Double
    /// ν of the same decay (ptemcee's `adaptation_time`, default 100).
    public var adaptationTime: Double

    public init(betas: [Double], adaptationSteps: Int = 0, adaptationLag: Double = 10_000, adaptationTime: Double = 100) {
        self.betas = betas
        self.adaptationSteps = adaptationSteps
        self.adaptationLag = adaptationLag
        self.adaptationTime = adaptationTime
    }

    public var count: Int { betas.count }

    /// A geometric ladder for a `dimension`-dimensional target (ptemcee's `default_beta_ladder`
    /// with `Tmax = inf`): K - 1 temperatures spaced by the factor that gives about 25 % swap
    /// acceptance for a Gaussian target in that dimension, then β = 0, which samples the prior
    /// (so both evidence estimators are exact at the hot end).
    public static func geometric(temperatures k: Int, dimension: Int, adaptationSteps: Int = 0) -> TemperatureLadder {
        precondition(k >= 1 && dimension >= 1, "a ladder needs at least one temperature and one dimension")
        if k == 1 { return TemperatureLadder(betas: [1], adaptationSteps: 0) }
        let step = temperatureStep(dimension: dimension)
        var betas = (0..<(k - 1)).map { pow(step, -Double($0)) }
        betas.append(0)
        // With two temperatures (1 and 0) nothing can move: no adaptation to wait for.
        return TemperatureLadder(betas: betas, adaptationSteps: k > 2 ? adaptationSteps : 0)
    }

    /// Ratio of adjacent temperatures for ~25 % swap acceptance on a d-dimensional Gaussian: the
    /// values tabulated in ptemcee's `default_beta_ladder` (Vousden et al. 2016) for d ≤ 100, and
    /// its large-d approximation 1 + 2 √(ln 4 / d) beyond.
    static func temperatureStep(dimension d: Int) -> Double {
        d <= ptemceeTemperatureSteps.count ? ptemceeTemperatureSteps[d - 1] : 1 + 2 * (log(4.0) / Double(d)).squareRoot()
    }

    /// ptemcee's table of temperature steps for d = 1...100 (`default_beta_ladder`, `tstep`).
    static let ptemceeTemperatureSteps: [Double] = [
        25.2741, 7.0, 4.47502, 3.5236, 3.0232, 2.71225, 2.49879, 2.34226, 2.22198, 2.12628,
        2.04807, 1.98276, 1.92728, 1.87946, 1.83774, 1.80096, 1.76826, 1.73895, 1.7125, 1.68849,
        1.66657, 1.64647, 1.62795, 1.61083, 1.59494, 1.58014, 1.56632, 1.55338, 1.54123, 1.5298,
        1.51901, 1.50881, 1.49916, 1.49, 1.4813, 1.47302, 1.46512, 1.45759, 1.45039, 1.4435,
        1.4369, 1.43056, 1.42448, 1.41864, 1.41302, 1.40761, 1.40239, 1.39736, 1.3925, 1.38781,
        1.38327, 1.37888, 1.37463, 1.37051, 1.36652, 1.36265, 1.35889, 1.35524, 1.3517, 1.34825,
        1.3449, 1.34164, 1.33847, 1.33538, 1.33236, 1.32943, 1.32656, 1.32377, 1.32104, 1.31838,
        1.31578, 1.31325, 1.31076, 1.30834, 1.30596, 1.30364, 1.30137, 1.29915, 1.29697, 1.29484,
        1.29275, 1.29071, 1.2887, 1.28673, 1.2848, 1.28291, 1.28106, 1.27923, 1.27745, 1.27569,
        1.27397, 1.27227, 1.27061, 1.26898, 1.26737, 1.26579, 1.26424, 1.26271, 1.26121, 1.25973,
    ]

    /// Whether the ladder still adapts after `step` completed steps.
    public func adapts(afterStep step: Int) -> Bool { betas.count > 2 && step < adaptationSteps }

    /// One adaptation step (Vousden et al. 2016, eqs. 16-18): with A_i the swap acceptance of this
    /// step between temperatures i and i+1 and κ = t_0 / (ν (t + t_0)), each temperature gap
    /// T_{i+1} - T_i (i < K - 2) is multiplied by exp(κ (A_i - A_{i+1})): a gap whose swaps are
    /// accepted more often than the next one's widens. The coldest and hottest temperatures stay.
    public mutating func adapt(swapAcceptance a: [Double], step t: Int) {
        let k = betas.count
        guard k > 2 else { return }
        precondition(a.count == k - 1, "one swap acceptance per adjacent pair")
        let kappa = adaptationLag / (Double(t) + adaptationLag) / adaptationTime
        var temperature = 1 / betas[0]
        var newBetas = betas
        for i in 0..<(k - 2) {
            let gap = (1 / betas[i + 1] - 1 / betas[i]) * exp(kappa * (a[i] - a[i + 1]))
            temperature += gap
            newBetas[i + 1] = 1 / temperature
        }
        // The hottest β is fixed; a finite one must stay below its neighbour.
        if newBetas[k - 1] > 0, newBetas[k - 2] <= newBetas[k - 1] { return }
        betas = newBetas
    }
}
