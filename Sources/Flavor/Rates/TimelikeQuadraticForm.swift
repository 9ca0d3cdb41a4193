import Numerics

/// The part of a b -> s l l rate that depends on the timelike (J = 0) axial amplitude H_P, as a real
/// quadratic function of the shift t = (Re dC10P, Im dC10P) of its coefficient C10P (docs/physics.md §2,
/// "The longitudinal Z_D"):
///   f(t) = linear . t + t . Q t,   Q symmetric ((q00, q01), (q01, q11)),
/// with no constant: f(0) = 0, the SM part being in the `ShiftQuadraticForm` of the same rate. H_P enters
/// the rate only through |H_P|^2 (and, for B_s -> phi, the mixing bracket of H_P with itself), so a rate
/// is exactly a `ShiftQuadraticForm` in (dC9, dC10) plus this form in dC10P.
public struct TimelikeQuadraticForm: Sendable, Equatable {
    public var linear: SIMD2<Double>
    public var q00, q01, q11: Double

    public static let zero = TimelikeQuadraticForm(linear: .zero, q00: 0, q01: 0, q11: 0)

    public init(linear: SIMD2<Double>, q00: Double, q01: Double, q11: Double) {
        self.linear = linear
        self.q00 = q00; self.q01 = q01; self.q11 = q11
    }

    /// The real variables of a complex shift.
    @inlinable
    public static func variables(_ z: Complex<Double>) -> SIMD2<Double> { SIMD2(z.real, z.imaginary) }

    @inlinable
    public func value(_ t: SIMD2<Double>) -> Double {
        linear[0] * t[0] + linear[1] * t[1] + q00 * t[0] * t[0] + 2 * q01 * t[0] * t[1] + q11 * t[1] * t[1]
    }

    @inlinable
    public func value(_ z: Complex<Double>) -> Double { value(Self.variables(z)) }

    /// The form of a function known to be quadratic with f(0) = 0, from its values at 5 points.
    public static func fitting(_ f: (SIMD2<Double>) -> Double) -> TimelikeQuadraticForm {
        let xUp = f(SIMD2(1, 0)), xDown = f(SIMD2(-1, 0)), yUp = f(SIMD2(0, 1)), yDown = f(SIMD2(0, -1))
        let both = f(SIMD2(1, 1))
        let q00 = 0.5 * (xUp + xDown), q11 = 0.5 * (yUp + yDown)
        return TimelikeQuadraticForm(linear: SIMD2(0.5 * (xUp - xDown), 0.5 * (yUp - yDown)),
                                     q00: q00, q01: 0.5 * (both - xUp - yUp), q11: q11)
    }

    public static func + (a: TimelikeQuadraticForm, b: TimelikeQuadraticForm) -> TimelikeQuadraticForm {
        TimelikeQuadraticForm(linear: a.linear + b.linear, q00: a.q00 + b.q00, q01: a.q01 + b.q01, q11: a.q11 + b.q11)
    }

    public static func * (w: Double, a: TimelikeQuadraticForm) -> TimelikeQuadraticForm {
        TimelikeQuadraticForm(linear: w * a.linear, q00: w * a.q00, q01: w * a.q01, q11: w * a.q11)
    }
}
