import CGSL
import Foundation
import Numerics
import Testing
@testable import Flavor

/// Closed forms against GSL's adaptive quadrature (QAGS, epsrel 1e-12) for widths where the
/// integrands are resolvable numerically.
@Suite("Resonance integrals and Gaussian smearing")
struct ResonanceIntegralTests {
    /// ∫_a^b f with GSL QAGS.
    func integrate(_ a: Double, _ b: Double, _ f: @escaping (Double) -> Double) -> Double {
        final class Box { let f: (Double) -> Double; init(_ f: @escaping (Double) -> Double) { self.f = f } }
        let box = Box(f)
        let workspace = gsl_integration_workspace_alloc(1000)
        defer { gsl_integration_workspace_free(workspace) }
        var function = gsl_function(function: { x, params in
            Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(box).toOpaque())
        var result = 0.0, error = 0.0
        gsl_integration_qags(&function, a, b, 0, 1e-12, 1000, workspace, &result, &error)
        return result
    }

    @Test(arguments: [(1.1, 2.5, 1.7, 0.05), (1.1, 2.5, 2.6, 0.01), (0.1, 0.98, 0.05, 0.002)])
    func closedFormsMatchQuadrature(a: Double, b: Double, m2: Double, gamma: Double) {
        let lor = integrate(a, b) { 1 / (($0 - m2) * ($0 - m2) + gamma * gamma) }
        let disp = integrate(a, b) { ($0 - m2) / (($0 - m2) * ($0 - m2) + gamma * gamma) }
        #expect(abs(ResonanceIntegrals.lorentzian(from: a, to: b, m2: m2, gamma: gamma) / lor - 1) < 1e-9)
        #expect(abs(ResonanceIntegrals.dispersive(from: a, to: b, m2: m2, gamma: gamma) - disp) < 1e-9 * max(1, abs(disp)))
        // 1/(x + i g) = (x - i g)/(x^2 + g^2)
        let pole = ResonanceIntegrals.pole(from: a, to: b, m2: m2, gamma: gamma)
        #expect(abs(pole.real - disp) < 1e-9 * max(1, abs(disp)))
        #expect(abs(pole.imaginary + gamma * lor) < 1e-9 * gamma * lor)
    }

    /// Eq. 2.14 integrated numerically in |q|.
    @Test(arguments: [(1.1, 2.5, 1.05, 0.002), (1.1, 2.5, 1.5, 0.01), (0.0009, 1.0, 0.031, 0.010)])
    func smearingIsEquation214(q2Min: Double, q2Max: Double, mass: Double, r: Double) {
        let direct = integrate(q2Min.squareRoot(), q2Max.squareRoot()) { q in
            exp(-(q - mass) * (q - mass) / (2 * r * r)) / ((2 * Double.pi).squareRoot() * r)
        }
        let g = ResonanceIntegrals.gaussianSmearing(q2Min: q2Min, q2Max: q2Max, mass: mass, resolution: r)
        #expect(abs(g - direct) < 1e-10)
        #expect(g >= 0 && g <= 1)
    }

    /// Continuity in M across a bin edge: G is smooth, 1/2 exactly at the edge.
    @Test func smearingAtAnEdge() {
        let edge = 1.1.squareRoot()
        let g = ResonanceIntegrals.gaussianSmearing(q2Min: 1.1, q2Max: 2.5, mass: edge, resolution: 0.002)
        #expect(abs(g - 0.5) < 1e-12)
    }
}
