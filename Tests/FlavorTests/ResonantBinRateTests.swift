import Foundation
import Numerics
import Testing
@testable import Flavor

/// The fixed-node pole-subtracted bin integral against GSL's adaptive QAGP (epsrel 1e-10) of the same
/// integrand with the rate coefficients computed exactly at every q^2, for poles far from, inside,
/// and just either side of a bin edge (docs/physics.md §4).
@Suite("Off-shell Z_D contribution to a bin")
struct ResonantBinRateTests {
    static let rates = FlavorFixtures.rates
    static let channel = SemileptonicChannel(.bPlusToKPlus, .muon)
    static let bin = rates.bin(channel, q2Min: 1.1, q2Max: 2.0)
    static let grid = ChannelFormGrid(rates: rates, channel: channel, q2Min: 0.05, q2Max: 3.0)
    static let resonant = ResonantBinRate(bin: bin, grid: grid, resolution: 0.002, leptonMass: FlavorFixtures.inputs.massMuon)

    func shift(mass: Double) -> PoleShift {
        let p = DarkBosonParameters(modelCase: .B, mZD: mass, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.05)
        return FlavorFixtures.model.point(p).poleShift(lepton: .muon)
    }

    func reference(_ s: PoleShift) -> Double {
        Self.resonant.adaptiveOffShellChange(s, rates: Self.rates)
    }

    /// Relative to the SM bin (what a prediction's accuracy is measured against).
    @Test(arguments: [0.5, 1.05, 1.1 - 1e-3, 1.1 - 1e-6, 1.1 + 1e-6, 1.1 + 1e-3, 1.55, 2.0 - 1e-5, 2.0 + 1e-5, 2.8])
    func agreesWithAdaptiveQuadrature(m2: Double) {
        let s = shift(mass: m2.squareRoot())
        let fast = Self.resonant.offShellChange(s)
        let slow = reference(s)
        let sm = Self.bin.standardModel
        #expect(abs(fast - slow) < 1e-4 * sm, "M^2 = \(m2): fast \(fast / sm), reference \(slow / sm) (units of the SM bin)")
    }

    /// Continuity across the lower edge: the result varies on the scale of the regulator
    /// g = 2 M r_mu ≈ 4e-3 GeV^2 (slope at most ~|A(M^2)|/(2 g) ≈ 1e3 SM-bin units per GeV^2 here), so
    /// steps of 2e-5 GeV^2 may change it by ~0.02 at most; a hole or spike would be far larger.
    @Test func continuousAcrossTheEdge() {
        let edge = 1.1
        let values = stride(from: -4e-3, through: 4e-3, by: 2e-5).map { d in
            Self.resonant.offShellChange(shift(mass: (edge + d).squareRoot())) / Self.bin.standardModel
        }
        let jumps = zip(values, values.dropFirst()).map { abs($0 - $1) }
        #expect(jumps.max()! < 0.02, "largest step \(jumps.max()!)")
        let across = Self.resonant.offShellChange(shift(mass: (edge + 1e-9).squareRoot()))
            - Self.resonant.offShellChange(shift(mass: (edge - 1e-9).squareRoot()))
        #expect(abs(across) < 1e-4 * Self.bin.standardModel)
    }

    /// With the pole far away the result is the bin integral of the exact shifts' rate minus the SM:
    /// the regulator changes k by a relative (g/x)^2 ≤ (2 M r_mu / 0.9 GeV^2)^2 ≈ 2e-6 there.
    @Test func farPoleIsThePlainOffShellRate() {
        let s = shift(mass: 0.3)  // M^2 = 0.09, far below the bin
        let exact = zip(Self.bin.quadrature.weights, Self.bin.nodes).reduce(0.0) { sum, node in
            let c = s.shifts(q2: node.1.q2)
            return sum + node.0 * (node.1.dBdq2(deltaC9: c.c9, deltaC10: c.c10, deltaC10Timelike: c.c10Timelike)
                                   - node.1.standardModel)
        }
        #expect(abs(Self.resonant.offShellChange(s) - exact) < 2e-6 * abs(exact))
    }
}
