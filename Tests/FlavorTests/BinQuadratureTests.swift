import CGSL
import Foundation
import Numerics
import Testing
@testable import Flavor

/// The fixed 16-node Gauss-Legendre rule in ln q^2 against a 4000-node rule in q^2 on the SM rates
/// of the table-1 bins with the steepest integrands.
@Suite("Bin quadrature")
struct BinQuadratureTests {
    /// A brute-force reference: 4000-point Gauss-Legendre in q^2 itself (no logarithmic mapping).
    /// The rates are piecewise smooth (the two-loop grid is interpolated linearly in q^2), which
    /// makes GSL's adaptive routines stop on roundoff; a fine fixed rule converges regardless.
    func reference(_ a: Double, _ b: Double, _ f: @escaping (Double) -> Double) -> Double {
        let n = 4000
        let table = gsl_integration_glfixed_table_alloc(n)!
        defer { gsl_integration_glfixed_table_free(table) }
        var sum = 0.0
        for i in 0..<n {
            var x = 0.0, w = 0.0
            gsl_integration_glfixed_point(a, b, i, &x, &w, table)
            sum += w * f(x)
        }
        return sum
    }

    @Test(arguments: [(SemileptonicChannel(.bZeroToKStarZero, .electron), 0.0009, 1.0),
                      (SemileptonicChannel(.bZeroToKStarZero, .muon), 0.1, 0.98),
                      (SemileptonicChannel(.bPlusToKPlus, .electron), 0.1, 4.0),
                      (SemileptonicChannel(.bsToPhi, .muon), 1.1, 2.5),
                      (SemileptonicChannel(.bToXs, .electron), 1.0, 6.0)])
    func gaussLegendreMatchesFineRule(channel: SemileptonicChannel, q2Min: Double, q2Max: Double) {
        let rates = FlavorFixtures.rates
        let bin = rates.bin(channel, q2Min: q2Min, q2Max: q2Max)
        let reference = reference(q2Min, q2Max) { rates.dBdq2(channel.decay, lepton: channel.lepton, q2: $0) }
        #expect(abs(bin.standardModel / reference - 1) < 1e-4, "\(channel) [\(q2Min), \(q2Max)]: \(bin.standardModel) vs \(reference)")
    }

    @Test func weightsSumToTheWidth() {
        let rule = BinQuadrature(q2Min: 0.0009, q2Max: 1.0)
        let total: Double = rule.weights.reduce(0, +)
        let width: Double = 1.0 - 0.0009
        #expect(abs(total / width - 1) < 1e-12)
        #expect(rule.nodes.count == 16)
        #expect(rule.nodes[0] > 0.0009)
        #expect(rule.nodes[15] < 1)
    }
}
