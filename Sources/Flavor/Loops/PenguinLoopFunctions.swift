import Foundation

/// The one-variable loop functions behind the penguin coefficients of the paper's appendix B.
///
/// Every printed coefficient (eqs. B.3, B.5, B.7, B.9, B.11) has the form
/// sum_{j=c,t} lambda_j P(x_1^2, x_j^2) / ((x_1^2 - 1)^n (x_j^2 - 1)^n), and
/// scripts/derive_loop_functions.py verifies that P / (...) = f(x_1^2) - f(x_j^2) for one function
/// f of y = x^2 each. Constants are dropped from f (they cancel in the difference). Known limits:
/// f_E0Z = 8 C_0 + const and f_E2A = -36 D_0 + const, f_M1A = -12 D_0' + const with the
/// Inami-Lim functions of Buchalla, Buras, Lautenbacher, Rev. Mod. Phys. 68 (1996) 1125.
///
/// The closed forms are 0/0 at y = 1; within |y - 1| < 0.1 a Taylor series of 14 terms is used
/// (truncation below 1e-13), elsewhere the closed form (rounding below ~1e-10 relative). For small y
/// the closed forms have no cancellation (their numerators tend to constants or to c ln y).
public enum PenguinLoopFunctions {
    /// Radius around y = 1 inside which the Taylor series replaces the closed form.
    static let seriesRadius = 0.1

    /// f for E^{0,Z} (eq. B.7): [(y-4)(y-1)(3y+2) + 3y(3y+2) ln y] / (3 (y-1)^2).
    public static func e0Z(_ y: Double) -> Double {
        if abs(y - 1) < seriesRadius { return series(e0ZSeries, y - 1) }
        return ((y - 4) * (y - 1) * (3 * y + 2) + 3 * y * (3 * y + 2) * log(y)) / (3 * (y - 1) * (y - 1))
    }

    /// f for E^{2,A} (eq. B.3): [-(y-4)(y-1)(101y^2-187y+68) + 18(3y^4-30y^3+54y^2-32y+8) ln y] / (9 (y-1)^4).
    public static func e2A(_ y: Double) -> Double {
        if abs(y - 1) < seriesRadius { return series(e2ASeries, y - 1) }
        let t = y - 1
        let rational = -(y - 4) * t * (101 * y * y - 187 * y + 68)
        let logPart = 18 * ((((3 * y - 30) * y + 54) * y - 32) * y + 8) * log(y)
        return (rational + logPart) / (9 * t * t * t * t)
    }

    /// f for M^{1,A} (eqs. B.5, B.6): [-(y-4)(y-1)(116y^2-145y+47) - 54 y^2 (3y-2) ln y] / (9 (y-1)^4).
    public static func m1A(_ y: Double) -> Double {
        if abs(y - 1) < seriesRadius { return series(m1ASeries, y - 1) }
        let t = y - 1
        let rational = -(y - 4) * t * (116 * y * y - 145 * y + 47)
        let logPart = -54 * y * y * (3 * y - 2) * log(y)
        return (rational + logPart) / (9 * t * t * t * t)
    }

    /// f for E^{2,Z} (eq. B.9): 2 s_W^2 f_E2A(y) + [-2(y-4)(y-1)(129y^2+21y+12) + 18(-3y^4+24y^3-99y^2+36y-12) ln y] / (9 (y-1)^4).
    public static func e2Z(_ y: Double, sin2ThetaW s2: Double) -> Double {
        2 * s2 * e2A(y) + e2ZRest(y)
    }

    /// f for M^{1,Z} (eqs. B.11, B.12): -2 s_W^2 f_M1A(y) + [(y-4)(y-1)(-201y^2+231y-84) + 54 y (-5y^2+3y-1) ln y] / (9 (y-1)^4).
    public static func m1Z(_ y: Double, sin2ThetaW s2: Double) -> Double {
        -2 * s2 * m1A(y) + m1ZRest(y)
    }

    static func e2ZRest(_ y: Double) -> Double {
        if abs(y - 1) < seriesRadius { return series(e2ZRestSeries, y - 1) }
        let t = y - 1
        let rational = -2 * (y - 4) * t * (129 * y * y + 21 * y + 12)
        let logPart = 18 * ((((-3 * y + 24) * y - 99) * y + 36) * y - 12) * log(y)
        return (rational + logPart) / (9 * t * t * t * t)
    }

    static func m1ZRest(_ y: Double) -> Double {
        if abs(y - 1) < seriesRadius { return series(m1ZRestSeries, y - 1) }
        let t = y - 1
        let rational = (y - 4) * t * (-201 * y * y + 231 * y - 84)
        let logPart = 54 * y * (-5 * y * y + 3 * y - 1) * log(y)
        return (rational + logPart) / (9 * t * t * t * t)
    }

    /// Horner evaluation of sum_k c_k t^k.
    static func series(_ c: [Double], _ t: Double) -> Double {
        var sum = 0.0
        for k in c.indices.reversed() { sum = sum * t + c[k] }
        return sum
    }

    // Taylor coefficients about y = 1, printed by scripts/derive_loop_functions.py.
    static let e0ZSeries: [Double] = [4.166666666666667, 1.6666666666666667, -0.08333333333333333, 0.0, 0.016666666666666666, -0.01904761904761905, 0.017857142857142856, -0.015873015873015872, 0.013888888888888888, -0.012121212121212121, 0.010606060606060607, -0.009324009324009324, 0.008241758241758242, -0.007326007326007326]
    static let e2ASeries: [Double] = [-32.05555555555556, 14.2, -7.8, 5.3238095238095235, -4.021428571428571, 3.223809523809524, -2.687301587301587, 2.3025974025974025, -2.0136363636363637, 1.7888111888111888, -1.6089910089910089, 1.461938061938062, -1.3394688644688644, 1.2359082094376213]
    static let m1ASeries: [Double] = [-18.38888888888889, 1.3, -0.5, 0.24285714285714285, -0.1357142857142857, 0.08333333333333333, -0.05476190476190476, 0.03787878787878788, -0.02727272727272727, 0.02027972027972028, -0.015484515484515484, 0.012087912087912088, -0.009615384615384616, 0.007773109243697479]
    static let e2ZRestSeries: [Double] = [-0.6666666666666666, -18.6, 10.7, -7.428571428571429, 5.6571428571428575, -4.557142857142857, 3.8119047619047617, -3.275324675324675, 2.871212121212121, -2.556177156177156, 2.3037962037962036, -2.0971028971028973, 1.9247252747252748, -1.778765352294764]
    static let m1ZRestSeries: [Double] = [-31.833333333333332, 2.4, -1.0, 0.5285714285714286, -0.32142857142857145, 0.21428571428571427, -0.1523809523809524, 0.11363636363636363, -0.08787878787878788, 0.06993006993006994, -0.056943056943056944, 0.04725274725274725, -0.03983516483516483, 0.03403361344537815]
}
