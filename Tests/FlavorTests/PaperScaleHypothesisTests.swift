import Foundation
import Numerics
import Testing
@testable import Flavor

/// Issue #11 item 5: would the paper's numbers follow if its numerical (E^{0,Z})_L were 1/e = 3.30
/// times its printed eq. B.7? docs/validation.md ("The paper's E^{0,Z} is 1/e times eq. B.7") reports
/// the result. Nothing here changes darkz's physics: the hypothesis is evaluated from darkz's own
/// coefficients, using that E^{0,Z} enters
///   - the mixing formulas 4.3, 4.24 only as the product eps_Z (E^{0,Z})_L, so "E^{0,Z} x s" equals
///     "eps_Z x s" exactly, and
///   - delta C9, delta C10 through the monopole eps_Z E^{0,Z} + (eps E^{2,A} + eps_Z E^{2,Z}) q^2, which
///     is rebuilt here with only the first term scaled.
/// Everything is deterministic; the tolerances only cover the rounding of the numbers quoted in
/// docs/validation.md (3-4 significant digits), so a change in any input shows up here.
@Suite("The paper's E^{0,Z} = (printed B.7)/e hypothesis")
struct PaperScaleHypothesisTests {
    static let inputs = FlavorFixtures.inputs
    static let mixing = try! MesonMixing(inputs: inputs)
    /// The hypothetical scale of (E^{0,Z})_L: 1/e with e = sqrt(4 pi alpha(0)) (darkz's e, docs/physics.md §1).
    static let scale = 1 / inputs.electricCharge

    /// Bisection for Delta_mix(M) = level between 1 MeV and 1 GeV (Delta_mix rises monotonically to 0).
    static func crossing(epsilonZ: Double, level: Double = -0.13, denominatorFactor: Double = 1) -> Double {
        var lo = 0.001, hi = 1.0
        for _ in 0..<100 {
            let mid = (lo * hi).squareRoot()
            if mixing.deltaMix(mZD: mid, epsilonZ: epsilonZ) * denominatorFactor < level { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// (a) Paper sec. 4.1: eps_Z = 1e-3 excluded at 2 sigma (Delta_mix < -0.13) below ~60 MeV.
    /// darkz: 19.8 MeV; with E^{0,Z}/e: 65.5 MeV, or 63.2 MeV if Delta M^SM is the paper's 18.4 ps^-1
    /// (eq. 4.4) instead of darkz's eq. 4.1 value (17.13 ps^-1). Tolerance 0.1 MeV: the numbers are deterministic;
    /// the tolerance only absorbs the last digit printed in the docs.
    @Test func bsMixingCrossing() {
        let plain = Self.crossing(epsilonZ: 1e-3)
        let scaled = Self.crossing(epsilonZ: 1e-3 * Self.scale)
        let smPerPs = Self.mixing.deltaMBsStandardModel / 6.582119569e-13
        let scaled184 = Self.crossing(epsilonZ: 1e-3 * Self.scale, denominatorFactor: smPerPs / 18.4)
        // the Delta_mix factor that puts the crossing at exactly 60 MeV, and the E^{0,Z} factor it means
        let needed = -0.13 / Self.mixing.deltaMix(mZD: 0.060, epsilonZ: 1e-3)
        print(String(format: "[hypothesis] Bs crossing eps_Z=1e-3: darkz %.2f MeV, E0Z/e %.2f MeV, E0Z/e with 18.4/ps %.2f MeV; Delta_mix factor for 60 MeV %.3f (E0Z x %.3f); 1/e = %.4f, 1/e^2 = %.3f; SM %.2f/ps",
                     plain * 1e3, scaled * 1e3, scaled184 * 1e3, needed, needed.squareRoot(), Self.scale, Self.scale * Self.scale, smPerPs))
        #expect(abs(plain * 1e3 - 19.8) < 0.1)
        #expect(abs(scaled * 1e3 - 65.5) < 0.1)
        #expect(abs(scaled184 * 1e3 - 63.2) < 0.1)
        #expect(abs(smPerPs - 17.13) < 0.01)
        #expect(abs(Self.scale - 3.302) < 1e-3)
        // bound on eps_Z at 10 MeV and 30 MeV (the paper sets eps_Z = 1e-4 in case C "to satisfy B_s mixing")
        for m in [0.010, 0.030] {
            let d = Self.mixing.deltaMix(mZD: m, epsilonZ: 1e-3)
            print(String(format: "[hypothesis] eps_Z 2-sigma bound at %.0f MeV: darkz %.3g, E0Z/e %.3g",
                         m * 1e3, 1e-3 * (0.13 / -d).squareRoot(), 1e-3 * (0.13 / -d).squareRoot() / Self.scale))
        }
    }

    /// (b) Paper sec. 4.4: Delta M_K^NP = -4.64e-15 MeV at 10 MeV, eps_Z = 1e-3. The scale gives 1/e^2 = 10.9
    /// of the needed 29.6; the rest (x2.72) is not fixed by the paper's printed inputs.
    @Test func kaonMixing() throws {
        func mk(_ m: MesonMixing, _ s: Double = 1) -> Double { m.deltaMK(mZD: 0.010, epsilonZ: 1e-3 * s) * 1e3 }
        let plain = mk(Self.mixing), scaled = mk(Self.mixing, Self.scale)
        let paper = -4.64e-15
        // what the rest would need, one input at a time (only m_s enters outside E^{0,Z})
        let e0 = Self.mixing.penguinSToD.e0ZLeft
        // charm and top parts of E^{0,Z}(s -> d): m_c -> m_u removes the charm GIM term
        let pc = PenguinCoefficients(transition: .sToD, inputs: Self.inputs)
        let noCharm = PenguinCoefficients(transition: .sToD, inputs: try Self.inputs.replacing(["m_c": Self.inputs.massUp]))
        let absOverRe = e0.lengthSquared / (e0 * e0).real
        let lambdaC = Self.inputs.ckm.lambda(up: 1, from: 1, to: 0), lambdaT = Self.inputs.ckm.lambda(up: 2, from: 1, to: 0)
        // m_s that gives the paper's number with the scale: 5 m_s^2/(8 M^2) - 1 = paper/(scaled/(5 m_s0^2/(8M^2) - 1))
        let ms0 = Self.inputs.massStrange, m = 0.010
        let factor0 = 1 - 5 * ms0 * ms0 / (8 * m * m)
        let neededFactor = factor0 * paper / scaled
        let msScaled = ((1 - neededFactor) * 8 * m * m / 5).squareRoot()
        let msPlain = ((1 - factor0 * paper / plain) * 8 * m * m / 5).squareRoot()
        let withPoleCharm = mk(try MesonMixing(inputs: Self.inputs.replacing(["m_c": 1.67])), Self.scale)
        let withPoleTop = mk(try MesonMixing(inputs: Self.inputs.replacing(["m_t_MSbar": 172.69])), Self.scale)
        let withMs1GeV = mk(try MesonMixing(inputs: Self.inputs.replacing(["m_s": 0.1266])), Self.scale)
        // how (E^{0,Z})^2 is squared and which internal quarks are kept: Re(E^2) (darkz), |E|^2, (Re E)^2,
        // and the top quark alone (charm GIM term dropped), each with the 1/e scale
        func variant(_ square: Double, ms: Double = ms0) -> Double {
            let f2B = Self.mixing.fK * Self.mixing.fK * Self.mixing.bK, mK = Self.mixing.mK
            let s2 = Self.scale * Self.scale * 1e-6 * square
            return f2B * mK * s2 * (1 - 5 * ms * ms / (8 * m * m)) / (3 * (mK * mK - m * m)) * 1e3
        }
        let top = noCharm.e0ZLeft
        let vAbs = variant(e0.lengthSquared), vReSq = variant(e0.real * e0.real)
        let vTop = variant((top * top).real), vTopAbs = variant(top.lengthSquared), vMs150 = variant((e0 * e0).real, ms: 0.150)
        print(String(format: "[hypothesis]   with E0Z/e: Re(E^2) %.4g; |E|^2 %.4g; (Re E)^2 %.4g; top only Re(E^2) %.4g, |E|^2 %.4g; m_s = 0.150 %.4g",
                     variant((e0 * e0).real), vAbs, vReSq, vTop, vTopAbs, vMs150))
        #expect(abs(variant((e0 * e0).real) / scaled - 1) < 1e-12)
        #expect(abs(vAbs / -3.769e-15 - 1) < 1e-3)
        #expect(abs(vTop / -4.42e-15 - 1) < 3e-3)
        #expect(abs(vMs150 / -4.45e-15 - 1) < 3e-3)
        print(String(format: "[hypothesis] DeltaM_K^NP (MeV): darkz %.4g, E0Z/e %.4g, paper %.4g; paper/darkz %.2f, paper/(E0Z/e) %.3f",
                     plain, scaled, paper, paper / plain, paper / scaled))
        print(String(format: "[hypothesis]   m_s needed: %.4f GeV without the scale, %.4f GeV with it; |E|^2/Re(E^2) = %.4f",
                     msPlain, msScaled, absOverRe))
        print(String(format: "[hypothesis]   with E0Z/e and m_c = 1.67: %.4g; m_t = 172.69: %.4g; m_s(1 GeV) = 0.1266: %.4g",
                     withPoleCharm, withPoleTop, withMs1GeV))
        print("[hypothesis]   E0Z(s->d) =", pc.e0ZLeft, " top part only:", noCharm.e0ZLeft, " lambda_c", lambdaC, " lambda_t", lambdaT)
        #expect(abs(plain / -1.5652e-16 - 1) < 1e-4)
        #expect(abs(scaled / -1.7068e-15 - 1) < 1e-4)
        #expect(abs(paper / scaled - 2.718) < 0.005)
        #expect(abs(msScaled - 0.1529) < 0.0005)
        #expect(abs(msPlain - 0.5040) < 0.0005)
    }

    /// (c) Case C at the paper's point: 30.2 MeV, eps = eps_Z = 1e-4, q^2 = 1 GeV^2. The monopole
    /// eps_Z E^{0,Z} is 5000 times the q^2 terms and v_mu ≈ g_mu, so delta C9 ∝ E^{0,Z} g_mu and at
    /// fixed delta C9 the coupling scales as e: darkz's best |g_mu| = 0.108 (at 30.2 MeV) -> 0.0327.
    @Test func caseCCoupling() throws {
        let q2 = 1.0
        let point = FlavorFixtures.model.point(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4,
                                                                   epsilonZ: 1e-4, gMu: -0.108))
        let pc = point.penguin, p = point.parameters
        let monopole = pc.e0ZLeft * p.epsilonZ
        let photonQ2 = pc.e2ALeft * (p.epsilon * q2), zQ2 = pc.e2ZLeft * (p.epsilonZ * q2)
        let propagator = Complex<Double>(q2 - p.mZD * p.mZD, p.mZD * point.widths.total)
        func c9(scale s: Double, gMu: Double) -> Complex<Double> {
            let v = point.couplings.muon.vector - p.gMu + gMu
            return -(monopole * s + photonQ2 + zQ2) / (point.normalization * propagator) * v
        }
        let darkz = c9(scale: 1, gMu: -0.108)
        #expect(abs((darkz - point.wilsonCoefficients(q2: q2, lepton: .muon).c9).length) < 1e-12)
        // delta C9 is linear in g_mu: the coupling that gives darkz's delta C9 with the scale
        let a = c9(scale: Self.scale, gMu: 0), b = c9(scale: Self.scale, gMu: 1) - a
        let gEquivalent = ((darkz - a) / b).real
        let mixingPart = point.couplings.muon.vector - p.gMu
        print(String(format: "[hypothesis] case C q2=1: |eps_Z E0Z| %.4g, |eps E2A q2| %.3g, |eps_Z E2Z q2| %.3g; v_mu - g_mu = %.3g",
                     monopole.length, photonQ2.length, zQ2.length, mixingPart))
        print(String(format: "[hypothesis] delta C9: darkz (g=-0.108) %.4f, E0Z/e (g=-0.108) %.4f, darkz (g=-0.033) %.4f, E0Z/e (g=-0.033) %.4f; g for darkz's delta C9 with E0Z/e: %.5f",
                     darkz.real, c9(scale: Self.scale, gMu: -0.108).real, c9(scale: 1, gMu: -0.033).real,
                     c9(scale: Self.scale, gMu: -0.033).real, gEquivalent))
        #expect(monopole.length / (photonQ2 + zQ2).length > 5e3)
        #expect(abs(darkz.real - -1.5094) < 1e-3)
        #expect(abs(c9(scale: Self.scale, gMu: -0.033).real - -1.5242) < 1e-3)
        #expect(abs(gEquivalent - -0.108 * Self.inputs.electricCharge) < 5e-5)
        #expect(abs(gEquivalent - -0.0327) < 1e-4)
    }
}
