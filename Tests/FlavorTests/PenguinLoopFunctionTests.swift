import Foundation
import Testing
@testable import Flavor

@Suite("Penguin loop functions (appendix B)")
struct PenguinLoopFunctionTests {
    typealias F = PenguinLoopFunctions

    /// Eq. B.7 exactly as printed (bracket over denominators), a = x_1^2, b = x_j^2.
    func printedE0Z(_ a: Double, _ b: Double) -> Double {
        let l1 = log(a) / 2, lj = log(b) / 2
        let bracket = 2 * a * (3 * a + 2) * pow(b - 1, 2) * l1
            + (a - 1) * (-2 * (a - 1) * b * (3 * b + 2) * lj + (b - 1) * ((b - 1) * a * a - (b * b - 6) * a + b * (b - 6)))
        return bracket / (pow(a - 1, 2) * pow(b - 1, 2))
    }

    /// Eq. B.3 exactly as printed.
    func printedE2A(_ a: Double, _ b: Double) -> Double {
        let l1 = log(a) / 2, lj = log(b) / 2
        let pa = 3 * pow(a, 4) - 30 * pow(a, 3) + 54 * a * a - 32 * a + 8
        let pb = 3 * pow(b, 4) - 30 * pow(b, 3) + 54 * b * b - 32 * b + 8
        let rest = 25 * b * b - 19 * pow(b, 3) + pow(a, 3) * (32 * b * b - 57 * b + 19)
            + (-32 * pow(b, 3) + 75 * b - 25) * a * a + (57 * pow(b, 3) - 75 * b * b) * a
        let bracket = 4 * pa * pow(b - 1, 4) * l1 - (a - 1) * (4 * pow(a - 1, 3) * pb * lj + (b - 1) * rest)
        return bracket / (pow(a - 1, 4) * pow(b - 1, 4))
    }

    /// Points away from y = 1 where the printed forms are accurate in double precision.
    static let pairs: [(Double, Double)] = [(0.3, 3.5), (0.01, 4.1), (2e-4, 4.14), (0.5, 1.7)]

    @Test(arguments: pairs)
    func separableFormsEqualThePrintedCoefficients(a: Double, b: Double) {
        let e0z = F.e0Z(a) - F.e0Z(b), e2a = F.e2A(a) - F.e2A(b)
        #expect(abs(e0z / printedE0Z(a, b) - 1) < 1e-11)
        #expect(abs(e2a / printedE2A(a, b) - 1) < 1e-11)
    }

    /// f_E0Z = 8 C_0 + c, f_E2A = -36 D_0 + c, f_M1A = -12 D_0' + c (constants cancel in differences).
    @Test(arguments: pairs)
    func inamiLimLimits(a: Double, b: Double) {
        typealias X = FlavorFixtures
        #expect(abs((F.e0Z(a) - F.e0Z(b)) / (8 * (X.inamiLimC0(a) - X.inamiLimC0(b))) - 1) < 1e-11)
        #expect(abs((F.e2A(a) - F.e2A(b)) / (-36 * (X.inamiLimD0(a) - X.inamiLimD0(b))) - 1) < 1e-11)
        #expect(abs((F.m1A(a) - F.m1A(b)) / (-12 * (X.inamiLimD0Prime(a) - X.inamiLimD0Prime(b))) - 1) < 1e-10)
    }

    /// Across the switch between Taylor series and closed form (|y - 1| = 0.1) the functions are
    /// continuous to the closed form's rounding there: numerators of size ~50 cancel down to
    /// f 9 (y-1)^4 ~ 1e-3, so ~1e-12 relative; 1e-10 leaves room.
    @Test(arguments: [0.9, 1.1])
    func seriesMatchesClosedFormAtTheSwitch(y: Double) {
        let below = y.nextDown, above = y.nextUp
        for f in [F.e0Z, F.e2A, F.m1A, F.e2ZRest, F.m1ZRest] {
            let inside = abs(below - 1) < 0.1 ? f(below) : f(above)
            let outside = abs(below - 1) < 0.1 ? f(above) : f(below)
            #expect(abs(inside - outside) <= 1e-10 * max(1, abs(outside)))
        }
    }

    @Test func finiteAtYEqualsOne() {
        #expect(abs(F.e0Z(1) - 25.0 / 6) < 1e-14)
        #expect(F.e2A(1).isFinite && F.m1A(1).isFinite && F.e2Z(1, sin2ThetaW: 0.23).isFinite)
    }

    /// Small-x limit without cancellation: f_E0Z(y) - f_E0Z(0) = 8 C_0(y) -> 6 y + 2 y ln y.
    @Test func smallXLimitOfTheZMonopole() {
        for y in [1e-6, 1e-8, 1e-10] {
            let exact = 8 * FlavorFixtures.inamiLimC0(y)
            let leading = 6 * y + 2 * y * log(y)
            #expect(abs((F.e0Z(y) - 8.0 / 3) / leading - 1) < 10 * y + 1e-5)
            #expect(abs(exact / leading - 1) < 10 * y + 1e-5)
        }
        // the photon monopole diverges logarithmically, 16 ln y (= -36 x (-4/9) ln y)
        #expect(abs((F.e2A(1e-12) - F.e2A(1e-10)) / (16 * log(1e-2)) - 1) < 1e-6)
    }
}
