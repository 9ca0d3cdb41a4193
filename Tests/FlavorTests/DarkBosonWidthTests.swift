import Foundation
import Testing
@testable import Flavor

@Suite("Z_D couplings and widths (section 2.3)")
struct DarkBosonWidthTests {
    let model = FlavorFixtures.model
    var inputs: FlavorInputs { model.inputs }

    @Test(arguments: [0.012, 0.25, 1.2])
    func pureDarkPhotonLeptonWidths(mZD: Double) {
        let eps = 1e-3
        let w = model.point(DarkBosonParameters(modelCase: .A, mZD: mZD, epsilon: eps)).widths
        for (lepton, m) in [(Lepton.electron, inputs.massElectron), (.muon, inputs.massMuon)] {
            let r = m * m / (mZD * mZD)
            let expected = r < 0.25 ? inputs.alphaEM0 * eps * eps * mZD / 3 * (1 + 2 * r) * (1 - 4 * r).squareRoot() : 0
            #expect(abs(w.leptons(lepton) - expected) <= 1e-13 * max(expected, 1e-30))
        }
        #expect(w.neutrinos == 0)
    }

    /// Eq. 2.15 as printed, for case A: the couplings of DarkBosonCouplings reproduce it, including
    /// the sign of the eps eps_Z interference.
    @Test(arguments: [(0.05, 1e-3, 2e-3), (0.5, -4e-4, 1e-3), (1.5, 1e-4, 1e-4)])
    func equation215(mZD: Double, epsilon: Double, epsilonZ: Double) {
        let w = model.point(DarkBosonParameters(modelCase: .A, mZD: mZD, epsilon: epsilon, epsilonZ: epsilonZ)).widths
        let e = inputs.electricCharge, s2 = inputs.sin2ThetaW, s = s2.squareRoot(), c = (1 - s2).squareRoot()
        for (lepton, m) in [(Lepton.electron, inputs.massElectron), (.muon, inputs.massMuon)] {
            let m2 = m * m, M2 = mZD * mZD
            guard 4 * m2 < M2 else { #expect(w.leptons(lepton) == 0); continue }
            let bracket = 8 * c * c * s2 * epsilon * epsilon * (2 * m2 + M2)
                - 4 * c * s * (4 * s2 - 1) * epsilon * epsilonZ * (2 * m2 + M2)
                + epsilonZ * epsilonZ * (m2 * (16 * s2 * s2 - 8 * s2 - 1) + M2 * (8 * s2 * s2 - 4 * s2 + 1))
            let printed = e * e / (96 * Double.pi * c * c * s2 * mZD) * (1 - 4 * m2 / M2).squareRoot() * bracket
            #expect(abs(w.leptons(lepton) / printed - 1) < 1e-12)
        }
        // eq. 2.16 is one neutrino flavour; darkz sums three
        let perFlavour = e * e * mZD * epsilonZ * epsilonZ / (96 * Double.pi * c * c * s2)
        #expect(abs(w.neutrinos / (3 * perFlavour) - 1) < 1e-12)
    }

    /// For a dark photon the hadronic width is Gamma(mu mu)|_{m_mu -> 0} x R(e+e- -> hadrons):
    /// R from DarkCast's tables near the rho and phi peaks and in the continuum.
    @Test func hadronicWidthFollowsR() {
        func r(_ m: Double) -> Double {
            let w = model.point(DarkBosonParameters(modelCase: .A, mZD: m, epsilon: 1e-3)).widths
            return w.hadrons / (inputs.alphaEM0 * 1e-6 * m / 3)
        }
        #expect(r(0.2) < 0.05)                  // only pi0 gamma below 2 m_pi
        #expect(r(0.75) > 7 && r(0.75) < 11)    // rho peak below the omega, R(pi pi) ≈ 8.6
        #expect(r(0.782) > 15)                  // omega peak on top of the rho
        #expect(r(1.0195) > 30)                 // phi peak
        #expect(r(1.9) > 1.5 && r(1.9) < 3.0)   // continuum, 2 (1 + alpha_s/pi) ≈ 2.2
        #expect(abs(r(0.9) - model.decays.vmd.ratioR(mass: 0.9)) < 1e-12)
    }

    @Test func caseCouplings() {
        let b = DarkBosonCouplings(DarkBosonParameters(modelCase: .B, mZD: 0.03, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 0.2), inputs: inputs)
        let a = DarkBosonCouplings(DarkBosonParameters(modelCase: .A, mZD: 0.03, epsilon: 1e-4, epsilonZ: 1e-5), inputs: inputs)
        #expect(abs(b.muon.vector - a.muon.vector - 0.2) < 1e-15)
        #expect(b.electron == a.electron)
        let c = DarkBosonCouplings(DarkBosonParameters(modelCase: .C, mZD: 0.03, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.03), inputs: inputs)
        #expect(c.electron.vector == 0)
        #expect(c.electron.axial == c.muon.axial)
        // eq. 4.31: g_V = -e eps + g/(4 c_W) eps_Z (-1 + 4 s_W^2)
        let gz = inputs.weakCoupling / inputs.cosThetaW
        #expect(abs(a.muon.vector - (-inputs.electricCharge * 1e-4 + gz / 4 * 1e-5 * (-1 + 4 * inputs.sin2ThetaW))) < 1e-18)
    }

    @Test func invisibleFractionAddsToTheNeutrinoWidth() {
        let base = DarkBosonParameters(modelCase: .A, mZD: 0.02, epsilon: 1e-5, epsilonZ: 2e-3)
        var withInvisible = base
        withInvisible.invisibleFraction = 0.5
        let w0 = model.point(base).widths, w1 = model.point(withInvisible).widths
        #expect(abs(w1.extraInvisible - 0.5 * w0.neutrinos) < 1e-25)
        #expect(abs(w1.total - w0.total - 0.5 * w0.neutrinos) < 1e-12 * w1.total)
    }

    @Test func unphysicalPointsAreNamed() {
        #expect(DarkBosonParameters(modelCase: .A, mZD: -1).problem?.contains("mZD") == true)
        #expect(DarkBosonParameters(modelCase: .B, mZD: 0.1, gMu: .nan).problem?.contains("gMu") == true)
        #expect(DarkBosonParameters(modelCase: .A, mZD: 0.1, gMu: 0.1).problem != nil)
        #expect(DarkBosonParameters(modelCase: .C, mZD: 0.1, gMu: 0.1).problem == nil)
    }
}
