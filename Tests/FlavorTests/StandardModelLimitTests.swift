import Foundation
import Numerics
import Testing
@testable import Flavor

/// The normalisation of eqs. 2.9-2.11 checked against the SM penguins (docs/physics.md §2): a Z_D
/// with Z-like couplings must give eps_Z^2 times the SM Z-penguin part of C10 (and C9), and a
/// Z_D with photon-like couplings eps^2 times the SM photon-penguin part of C9, each rescaled by
/// the propagator ratio. Inputs obey the electroweak tree relations, so agreement is exact.
@Suite("SM penguin limits of delta C9, delta C10")
struct StandardModelLimitTests {
    let inputs = FlavorFixtures.treeLevelInputs
    let model: DarkBosonModel

    init() throws {
        model = try DarkBosonModel(inputs: inputs, vmd: FlavorFixtures.vmd)
    }

    /// sum_{j=c,t} lambda_j [f(x_j^2) - f(x_u^2)] / lambda_t for a Buchalla-Buras-Lautenbacher function f.
    func gimOverLambdaT(_ f: (Double) -> Double) -> Complex<Double> {
        let ckm = inputs.ckm, mW = inputs.massW
        let yu = pow(inputs.massUp / mW, 2)
        var sum = Complex<Double>.zero
        for (j, m) in [(1, inputs.massCharm), (2, inputs.massTop)] {
            sum += ckm.lambda(up: j, from: 2, to: 1) * (f(pow(m / mW, 2)) - f(yu))
        }
        return sum / ckm.lambda(up: 2, from: 2, to: 1)
    }

    func close(_ a: Complex<Double>, _ b: Complex<Double>, _ tol: Double) -> Bool {
        (a - b).length <= tol * b.length
    }

    /// Z-like couplings at q^2 = 0: delta C10 = (-C_0/s_W^2) x (-M_Z^2)/(-M^2 + i M Gamma), and
    /// delta C9 / delta C10 = v_l / a_l = -(1 - 4 s_W^2) as in C9 ⊃ C_0 (1 - 4 s_W^2)/s_W^2 (BBL).
    @Test(arguments: [0.01, 0.3, 1.5])
    func zPenguinLimit(mZD: Double) {
        let point = model.point(DarkBosonParameters(modelCase: .A, mZD: mZD, epsilon: 0, epsilonZ: 1))
        let (c9, c10, c10P) = point.wilsonCoefficients(q2: 0, lepton: .muon)
        #expect(close(c10P, c10, 1e-14))  // at q^2 = 0 the timelike coefficient is delta C10 (docs/physics.md §2)
        let smZPenguinC10 = gimOverLambdaT(FlavorFixtures.inamiLimC0) * (-1 / inputs.sin2ThetaW)
        let propagatorRatio = Complex<Double>(-inputs.massZ * inputs.massZ, 0)
            / Complex<Double>(-mZD * mZD, mZD * point.widths.total)
        #expect(close(c10, smZPenguinC10 * propagatorRatio, 1e-12))
        #expect(close(c9, c10 * -(1 - 4 * inputs.sin2ThetaW), 1e-12))
        // the top loop dominates: -C_0(x_t)/s_W^2 ≈ -3.4 at M = M_Z
        #expect(smZPenguinC10.real < -3 && smZPenguinC10.real > -4)
    }

    /// Photon-like couplings: delta C9(q^2) = -D_0 x q^2/(q^2 - M^2 + i M Gamma); delta C10 = 0.
    @Test(arguments: [(1e-4, 1.0), (0.02, 2.5)])
    func photonPenguinLimit(mZD: Double, q2: Double) {
        let point = model.point(DarkBosonParameters(modelCase: .A, mZD: mZD, epsilon: 1, epsilonZ: 0))
        let (c9, c10, c10P) = point.wilsonCoefficients(q2: q2, lepton: .muon)
        #expect(c10P.length == 0)  // a transverse vertex has no timelike part
        let smPhotonC9 = gimOverLambdaT(FlavorFixtures.inamiLimD0) * -1.0
        let ratio = Complex<Double>(q2, 0) / Complex<Double>(q2 - mZD * mZD, mZD * point.widths.total)
        #expect(close(c9, smPhotonC9 * ratio, 1e-10))
        #expect(c10.length == 0)
    }

    /// With the standard (not tree-consistent) inputs the Z-like normalisation differs from 1 by the
    /// scheme factor g^2 / (4 sqrt 2 G_F c_W^2 M_Z^2) of docs/physics.md §1 times alpha(0)/alpha(m_b),
    /// since N carries the rates' alpha(m_b) while the couplings use alpha(0); pin both.
    @Test func schemeFactorOfTheStandardInputs() throws {
        let std = FlavorFixtures.inputs
        let g = std.weakCoupling
        let factor = g * g / (4 * 2.0.squareRoot() * std.fermiConstant * (1 - std.sin2ThetaW) * std.massZ * std.massZ)
        #expect(abs(factor - 0.9403) < 5e-4)
        let alphaRatio = std.alphaEM0 / (try std.value("alpha_em_mb"))
        let point = FlavorFixtures.model.point(DarkBosonParameters(modelCase: .A, mZD: 0.3, epsilon: 0, epsilonZ: 1))
        let c10 = point.wilsonCoefficients(q2: 0, lepton: .muon).c10
        // the SM Z penguin of the standard inputs, the same Inami-Lim function as zPenguinLimit
        var gim = Complex<Double>.zero
        for (j, m) in [(1, std.massCharm), (2, std.massTop)] {
            gim += std.ckm.lambda(up: j, from: 2, to: 1)
                * (FlavorFixtures.inamiLimC0(pow(m / std.massW, 2)) - FlavorFixtures.inamiLimC0(pow(std.massUp / std.massW, 2)))
        }
        let sm = gim / std.ckm.lambda(up: 2, from: 2, to: 1) * (-1 / std.sin2ThetaW)
            * (Complex<Double>(-std.massZ * std.massZ, 0) / Complex<Double>(-0.09, 0.3 * point.widths.total))
        #expect(close(c10, sm * Complex(factor * alphaRatio, 0), 1e-10))
        #expect(abs(factor * alphaRatio - 0.9065) < 5e-4)
    }
}
