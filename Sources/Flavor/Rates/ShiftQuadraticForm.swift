import Numerics

/// A real quadratic function of the new-physics shifts delta C9, delta C10, written in the real
/// variables s = (Re dC9, Im dC9, Re dC10, Im dC10):
///   f(s) = constant + linear . s + s . Q s,   Q symmetric (rows q0...q3).
/// Every b -> s l l rate is exactly of this form (amplitudes are linear in C9 and C10), so the form
/// holds all that the shifts need to know and costs a few multiply-adds to evaluate.
public struct ShiftQuadraticForm: Sendable, Equatable {
    public var constant: Double
    public var linear: SIMD4<Double>
    public var q0, q1, q2, q3: SIMD4<Double>

    public static let zero = ShiftQuadraticForm(constant: 0, linear: .zero, q0: .zero, q1: .zero, q2: .zero, q3: .zero)

    public init(constant: Double, linear: SIMD4<Double>, q0: SIMD4<Double>, q1: SIMD4<Double>,
                q2: SIMD4<Double>, q3: SIMD4<Double>) {
        self.constant = constant; self.linear = linear
        self.q0 = q0; self.q1 = q1; self.q2 = q2; self.q3 = q3
    }

    /// The real variables s of (delta C9, delta C10).
    @inlinable
    public static func variables(_ deltaC9: Complex<Double>, _ deltaC10: Complex<Double>) -> SIMD4<Double> {
        SIMD4(deltaC9.real, deltaC9.imaginary, deltaC10.real, deltaC10.imaginary)
    }

    @inlinable
    public func value(_ s: SIMD4<Double>) -> Double {
        var qs: SIMD4<Double> = q0 * s[0]
        qs += q1 * s[1]
        qs += q2 * s[2]
        qs += q3 * s[3]
        let total: SIMD4<Double> = (linear + qs) * s
        return constant + total.sum()
    }

    @inlinable
    public func value(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> Double {
        value(Self.variables(deltaC9, deltaC10))
    }

    /// The form of a function known to be quadratic, from its values at 15 points (exact for
    /// quadratic `f` up to rounding): f(0), f(+-e_i), f(e_i + e_j).
    public static func fitting(_ f: (SIMD4<Double>) -> Double) -> ShiftQuadraticForm {
        func unit(_ i: Int) -> SIMD4<Double> { var e = SIMD4<Double>.zero; e[i] = 1; return e }
        let c = f(.zero)
        var linear = SIMD4<Double>.zero, diagonal = SIMD4<Double>.zero, plus = SIMD4<Double>.zero
        for i in 0..<4 {
            let up = f(unit(i)), down = f(-unit(i))
            plus[i] = up
            linear[i] = 0.5 * (up - down)
            diagonal[i] = 0.5 * (up + down) - c
        }
        var rows = [SIMD4<Double>](repeating: .zero, count: 4)
        for i in 0..<4 {
            rows[i][i] = diagonal[i]
            for j in (i + 1)..<4 where j < 4 {
                let q = 0.5 * (f(unit(i) + unit(j)) - plus[i] - plus[j] + c)
                rows[i][j] = q
                rows[j][i] = q
            }
        }
        return ShiftQuadraticForm(constant: c, linear: linear, q0: rows[0], q1: rows[1], q2: rows[2], q3: rows[3])
    }

    public static func + (a: ShiftQuadraticForm, b: ShiftQuadraticForm) -> ShiftQuadraticForm {
        ShiftQuadraticForm(constant: a.constant + b.constant, linear: a.linear + b.linear,
                           q0: a.q0 + b.q0, q1: a.q1 + b.q1, q2: a.q2 + b.q2, q3: a.q3 + b.q3)
    }

    public static func * (w: Double, a: ShiftQuadraticForm) -> ShiftQuadraticForm {
        ShiftQuadraticForm(constant: w * a.constant, linear: w * a.linear,
                           q0: w * a.q0, q1: w * a.q1, q2: w * a.q2, q3: w * a.q3)
    }
}

extension ShiftQuadraticForm {
    /// linear . s
    @inlinable
    public func linearPart(_ s: SIMD4<Double>) -> Double { (linear * s).sum() }

    /// s . Q s
    @inlinable
    public func quadraticPart(_ s: SIMD4<Double>) -> Double {
        var qs: SIMD4<Double> = q0 * s[0]
        qs += q1 * s[1]
        qs += q2 * s[2]
        qs += q3 * s[3]
        return (qs * s).sum()
    }

    /// s . Q t (Q symmetric)
    @inlinable
    public func bilinear(_ s: SIMD4<Double>, _ t: SIMD4<Double>) -> Double {
        var qt: SIMD4<Double> = q0 * t[0]
        qt += q1 * t[1]
        qt += q2 * t[2]
        qt += q3 * t[3]
        return (qt * s).sum()
    }
}
