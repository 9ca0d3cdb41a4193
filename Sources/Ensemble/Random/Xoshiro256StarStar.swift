import Foundation

/// The xoshiro256** generator (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47, 36): 256 bits of state, period 2^256 - 1, fast and statistically
/// strong.
///
/// The sampler keeps one stream per walker and one for itself, all derived from one seed
/// (`init(seed:stream:)`). Every random number of a walker's update comes from that walker's
/// stream, so results do not depend on how walkers are spread over threads. The value is
/// `Codable`, so a saved sampler state carries its random streams exactly.
@frozen
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Codable, Equatable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64
    /// Second deviate of the last polar-method pair, used by the next `nextGaussian()`.
    @usableFromInline var spareGaussian: Double
    @usableFromInline var hasSpareGaussian: Bool

    /// Stream `stream` of seed `seed`: the pair is hashed through SplitMix64 into the 256-bit
    /// state, so streams of one seed (and seeds) are unrelated for any practical purpose.
    public init(seed: UInt64, stream: UInt64) {
        var outer = SplitMix64(state: seed)
        let seedKey = outer.next()
        var inner = SplitMix64(state: seedKey ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
        s0 = inner.next()
        s1 = inner.next()
        s2 = inner.next()
        s3 = inner.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the one forbidden state
        spareGaussian = 0
        hasSpareGaussian = false
    }

    /// A generator with the given raw state (not all zero), e.g. to check reference outputs.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state.0 | state.1 | state.2 | state.3 != 0, "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
        spareGaussian = 0
        hasSpareGaussian = false
    }

    /// The sampler-level stream (move choice, red-blue split) of a seed.
    public static func samplerStream(seed: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: 0)
    }

    /// The stream of walker `walker` during sampling.
    public static func walkerStream(seed: UInt64, walker: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: 1 &+ UInt64(walker))
    }

    /// The stream of a tempered run's swaps between temperatures (see `TemperedSampler`).
    public static func swapStream(seed: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: 1 << 62)
    }

    /// The seed of temperature `k` of a tempered run: the run's seed for k = 0 (so one temperature
    /// is the untempered run), a SplitMix64 hash of seed and k otherwise.
    public static func temperatureSeed(seed: UInt64, temperature k: Int) -> UInt64 {
        k == 0 ? seed : SplitMix64.mix(seed ^ SplitMix64.mix(0x7465_6D70 &+ UInt64(k)))
    }

    /// The seed of independent ensemble `e` of a run with `seed` (`darkz sample --ensembles`):
    /// ensemble 0 is the run with the seed itself; the others mix the seed with their index.
    public static func ensembleSeed(seed: UInt64, ensemble e: Int) -> UInt64 {
        e == 0 ? seed : SplitMix64.mix(seed ^ SplitMix64.mix(0x656E_7365 &+ UInt64(e)))
    }

    /// The stream that draws the initial position of walker `walker` (see `InitialEnsemble`).
    public static func initialPositionStream(seed: UInt64, walker: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: (1 << 63) | UInt64(walker))
    }

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotl(s3, 45)
        return result
    }

    /// A uniform deviate in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound (bound > 0), by Lemire's multiply-and-reject method
    /// (Lemire 2019, ACM TOMS 29, 3), exactly unbiased.
    @inlinable @inline(__always)
    public mutating func nextInt(below bound: Int) -> Int {
        let n = UInt64(truncatingIfNeeded: bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return Int(truncatingIfNeeded: product.high)
    }

    /// A standard normal deviate by Marsaglia's polar method; the second deviate of each pair is
    /// kept in the generator (and in its saved state) for the next call.
    @inlinable
    public mutating func nextGaussian() -> Double {
        if hasSpareGaussian {
            hasSpareGaussian = false
            return spareGaussian
        }
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let r2 = u * u + v * v
            if r2 > 0 && r2 < 1 {
                let f = (-2 * log(r2) / r2).squareRoot()
                spareGaussian = v * f
                hasSpareGaussian = true
                return u * f
            }
        }
    }
}
