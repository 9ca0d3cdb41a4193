/// Initial walker positions, reproducible from a seed (walker i draws from stream
/// `Xoshiro256StarStar.initialPositionStream(seed:walker:)`).
public enum InitialEnsemble {
    /// A Gaussian ball: walker i at center + scale ⊙ N(0, I) (emcee's usual
    /// `p0 = center + 1e-4 * randn(nwalkers, ndim)`), one scale per parameter.
    public static func ball(around center: [Double], scale: [Double], walkers: Int, seed: UInt64) -> [[Double]] {
        precondition(scale.count == center.count, "ball: scale needs one value per parameter")
        return fromPrior(walkers: walkers, seed: seed) { random in
            (0..<center.count).map { center[$0] + scale[$0] * random.nextGaussian() }
        }
    }

    /// A Gaussian ball with the same scale for every parameter.
    public static func ball(around center: [Double], scale: Double, walkers: Int, seed: UInt64) -> [[Double]] {
        ball(around: center, scale: [Double](repeating: scale, count: center.count), walkers: walkers, seed: seed)
    }

    /// One draw per walker from a user-supplied sampler, e.g. of the prior.
    public static func fromPrior(walkers: Int, seed: UInt64,
                                 draw: (inout Xoshiro256StarStar) -> [Double]) -> [[Double]] {
        (0..<walkers).map { w in
            var random = Xoshiro256StarStar.initialPositionStream(seed: seed, walker: w)
            return draw(&random)
        }
    }
}
