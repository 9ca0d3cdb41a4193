import Foundation

/// Differential-evolution snooker move (ter Braak & Vrugt 2008), emcee's `DESnookerMove`: the
/// ensemble is split into four subsets; a walker x takes one walker from each other subset, in
/// random roles z, z1, z2, and moves along the line through x and z by γs times the projection
/// of z1 - z2 onto it. Hastings factor (|y - z| / |x - z|)^(d-1).
///
/// The direction is the unit vector (x - z)/|x - z| and the exponent d - 1, as in the paper and
/// emcee after dfm/emcee#531; emcee 3.1.6 itself divides by √|x - z| and uses (d - 1)/2.
@frozen
public struct DESnookerMove: Move {
    /// Stretch of the projected difference (default 1.7, ter Braak & Vrugt 2008).
    public let gammas: Double

    public init(gammas: Double = 1.7) { self.gammas = gammas }

    public var subsetCount: Int { 4 }

    public func validate(walkers: Int, dimension: Int) throws {
        guard walkers >= 4 else {
            throw SamplerError.invalidMove("DESnookerMove splits the ensemble into 4 subsets; use at least 4 walkers.")
        }
        guard gammas > 0, gammas.isFinite else {
            throw SamplerError.invalidMove("DESnookerMove needs a finite gammas > 0 (got \(gammas)).")
        }
    }

    @inlinable
    public func propose(
        from position: UnsafeBufferPointer<Double>, complement: Complement,
        random: inout Xoshiro256StarStar, into proposal: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let w0 = complement.position(random.nextInt(below: complement.groupSize(0)), inGroup: 0)
        let w1 = complement.position(random.nextInt(below: complement.groupSize(1)), inGroup: 1)
        let w2 = complement.position(random.nextInt(below: complement.groupSize(2)), inGroup: 2)
        // A uniformly random assignment of the three helpers to the roles (z, z1, z2).
        let z, z1, z2: UnsafeBufferPointer<Double>
        switch random.nextInt(below: 6) {
        case 0: (z, z1, z2) = (w0, w1, w2)
        case 1: (z, z1, z2) = (w0, w2, w1)
        case 2: (z, z1, z2) = (w1, w0, w2)
        case 3: (z, z1, z2) = (w1, w2, w0)
        case 4: (z, z1, z2) = (w2, w0, w1)
        default: (z, z1, z2) = (w2, w1, w0)
        }
        let d = position.count
        var norm2 = 0.0, projection = 0.0
        for k in 0..<d {
            let delta = position[k] - z[k]
            norm2 += delta * delta
            projection += delta * (z1[k] - z2[k])
        }
        guard norm2 > 0 else {  // x == z: no direction; propose staying put
            for k in 0..<d { proposal[k] = position[k] }
            return 0
        }
        // y = x + γs ((x - z)·(z1 - z2) / |x - z|^2) (x - z)
        let step = gammas * projection / norm2
        var newNorm2 = 0.0
        for k in 0..<d {
            let delta = position[k] - z[k]
            let y = position[k] + step * delta
            proposal[k] = y
            newNorm2 += (y - z[k]) * (y - z[k])
        }
        return 0.5 * Double(d - 1) * log(newNorm2 / norm2)
    }
}
