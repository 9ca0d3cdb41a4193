import Foundation

/// The affine-invariant "stretch move" of Goodman & Weare (2010, eq. 7), with the red-blue
/// parallel split of Foreman-Mackey et al. (2013, alg. 3) — emcee's `StretchMove`, the default.
///
/// A walker at x picks a complementary walker c and proposes y = c + z (x - c), with z drawn
/// from g(z) ∝ 1/√z on [1/a, a]; the Hastings factor is z^(d-1).
@frozen
public struct StretchMove: Move {
    /// Scale parameter a > 1 (default 2).
    public let a: Double

    public init(a: Double = 2) { self.a = a }

    public func validate(walkers: Int, dimension: Int) throws {
        guard a > 1, a.isFinite else {
            throw SamplerError.invalidMove("StretchMove needs a finite scale a > 1 (got \(a)); the usual choice is 2.")
        }
    }

    @inlinable
    public func propose(
        from position: UnsafeBufferPointer<Double>, complement: Complement,
        random: inout Xoshiro256StarStar, into proposal: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let root = (a - 1) * random.nextUniform() + 1
        let z = root * root / a
        let c = complement[random.nextInt(below: complement.count)]
        for i in 0..<position.count {
            proposal[i] = c[i] + z * (position[i] - c[i])
        }
        let d = position.count
        return d == 1 ? 0 : Double(d - 1) * log(z)
    }
}
