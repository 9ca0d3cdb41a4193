import Foundation
import Testing
@testable import Flavor

/// Issue #11 item 2: a Z_D radiated from a conserved current has no 1/M_ZD^2 enhancement; only the charge the W
/// vertex does not conserve (the direct couplings) and the mass-broken right-handed excess 2 a_l radiate
/// longitudinally (docs/physics.md §7). The paper's formulas stay available as the `-paper` rows.
@Suite("Z_D emission from conserved and non-conserved currents")
struct ConservedCurrentEmissionTests {
    static let model = FlavorFixtures.model
    static let inputs = FlavorFixtures.inputs
    static let kaon = RadiativeAmplitudeTests.kaon
    static let pion = RadiativeAmplitudeTests.pion
    static var set: ConstraintSet { FlavorFixtures.constraints }

    static func point(_ c: DarkBosonCase, _ M: Double, epsilon: Double = 0, epsilonZ: Double = 0, gMu: Double = 0) -> DarkBosonPoint {
        model.point(DarkBosonParameters(modelCase: c, mZD: M, epsilon: epsilon, epsilonZ: epsilonZ, gMu: gMu))
    }

    static func judge(_ name: String, _ p: DarkBosonPoint) -> ConstraintResult { set.evaluate(p, names: [name])[0] }

    static func mismatch(_ p: DarkBosonPoint) -> LeptonChargeMismatch {
        LeptonChargeMismatch(p.parameters, couplings: p.couplings, inputs: inputs)
    }

    // MARK: The Ward identity at the W vertex

    /// The J_em and J_Z charges of l-_L, nu-bar and W- balance (Q: -1 = -1 + 0; T3 - Q s_W^2: -c_W^2 =
    /// (-1/2 + s_W^2) - 1/2), so the mixing couplings leave no mismatch for any lepton. The couplings are of
    /// order 1e-2, so 1e-17 is rounding; a wrong W vertex (g/c_W instead of g c_W, or e eps missing) gives 1e-3.
    @Test(arguments: [(1e-2, 0.0), (0.0, 2e-3), (1e-3, 1e-2), (-3e-3, 5e-3)])
    func mixingCouplingsAreConservedAtTheWVertex(epsilon: Double, epsilonZ: Double) {
        let m = Self.mismatch(Self.point(.A, 0.05, epsilon: epsilon, epsilonZ: epsilonZ))
        for delta in [m.electron, m.muon, m.tau] { #expect(abs(delta) < 1e-17, "\(delta)") }
        #expect(abs(m.wMinus) > 1e-3)
        // the mass-broken excess g_R - g_L = 2 a_l = (g/c_W) eps_Z / 2
        let a = Self.inputs.weakCoupling / Self.inputs.cosThetaW * epsilonZ / 4
        #expect(abs(m.rightExcess - 2 * a) <= 1e-15 * max(abs(a), 1e-300))
    }

    /// The direct couplings are the mismatch: Delta_mu = g_mu (cases B, C); in case C Delta_e is the direct
    /// electron coupling -(mixing-induced v_e) of eq. 3.2. Exact to rounding of the 1e-2 couplings.
    @Test func directCouplingsAreTheMismatch() {
        let b = Self.mismatch(Self.point(.B, 0.03, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.033))
        #expect(abs(b.muon - 0.033) < 1e-17)
        #expect(abs(b.electron) < 1e-17 && abs(b.tau) < 1e-17)
        let pC = Self.point(.C, 0.03, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033)
        let c = Self.mismatch(pC)
        let mixingElectron = Self.point(.A, 0.03, epsilon: 1e-4, epsilonZ: 1e-4).couplings.electron.vector
        #expect(abs(c.muon + 0.033) < 1e-17)
        #expect(abs(c.electron + mixingElectron) < 1e-17 && abs(c.tau) < 1e-17)
        // the muon-leg coupling of the radiative decays: g_L = Delta_mu, g_R = Delta_mu + 2 a_mu
        let muon = c.nonConservedMuon
        #expect(abs(muon.left + 0.033) < 1e-17 && abs(muon.right - muon.left - c.rightExcess) < 1e-17)
        #expect(abs(muon.right - muon.left - 2 * pC.couplings.muon.axial) < 1e-17)
    }

    // MARK: W -> l nu Z_D

    /// The issue's point: a pure dark photon (case A, eps = 1e-2, eps_Z = 0, 10 MeV). The paper's eq. 4.40
    /// gives 0.48 GeV, pull 11.4 (pinned to 1e-9, the number of the former default); darkz's width is zero from
    /// 100 MeV to 1 MeV (the enhanced term has no coupling; the transverse emission, O(alpha eps^2/pi ln^2)
    /// Gamma(W -> l nu) = 1.3e-5 GeV here, is bounded in docs/physics.md §7 and not computed).
    @Test func darkPhotonWWidthDoesNotGrow() {
        let issue = Self.point(.A, 0.01, epsilon: 1e-2)
        let paper = Self.judge("w-width-paper", issue)
        #expect(abs(paper.prediction / 0.4794689095923 - 1) < 1e-9, "\(paper.prediction)")
        #expect(abs(paper.pull - 11.415926418864) < 1e-9 && paper.excluded, "\(paper.pull)")
        for M in [0.1, 0.01, 0.001] {
            #expect(Self.judge("w-width", Self.point(.A, M, epsilon: 1e-2)).prediction == 0)
            // with eps_Z, too: only rounding of the balanced charges is left (1e-17^2 x 1.7 / M^2)
            #expect(Self.judge("w-width", Self.point(.A, M, epsilon: 1e-3, epsilonZ: 2e-3)).prediction < 1e-25)
        }
        #expect(!Self.judge("w-width", issue).excluded)
        // the paper's formula grows as 1/M^2: a factor 1e4 from 100 to 1 MeV (same couplings)
        let ratio = Self.judge("w-width-paper", Self.point(.A, 0.001, epsilon: 1e-2)).prediction
            / Self.judge("w-width-paper", Self.point(.A, 0.1, epsilon: 1e-2)).prediction
        #expect(abs(ratio / 1e4 - 1) < 1e-12)
    }

    /// A direct muon coupling is still enhanced: Gamma = g_mu^2 G_F M_W^5 / (512 sqrt 2 pi^3 M^2) (eq. 4.40 with
    /// Delta = g_mu), a factor 1e4 from 100 to 1 MeV; equal to the paper's formula when the mixing is off.
    @Test func directMuonCouplingWWidthIsEnhanced() {
        let i = Self.inputs
        for M in [0.1, 0.01, 0.001] {
            let p = Self.point(.B, M, gMu: 1e-3)
            let expected = 1e-6 * i.fermiConstant * pow(i.massW, 5) / (512 * 2.0.squareRoot() * pow(Double.pi, 3) * M * M)
            let width = Self.judge("w-width", p).prediction
            #expect(abs(width / expected - 1) < 1e-12)
            #expect(abs(Self.judge("w-width-paper", p).prediction / width - 1) < 1e-12)
        }
    }

    /// Eq. 5.4: g_mu < 0.022 (M/100 MeV) at 2 sigma (Gamma < 2 x 0.042 GeV), case B with eps = 1e-4,
    /// eps_Z = 1e-5. Gamma is quadratic in Delta_mu = g_mu, so the limit is sqrt(0.084 / Gamma(g_mu = 1)). The
    /// paper's 0.022 has two digits (±2.3%); darkz gives 0.02195, within 1% of it at every mass.
    @Test(arguments: [0.01, 0.05, 0.1, 0.2, 1.0])
    func equationFivePointFour(mass: Double) {
        let unit = Self.judge("w-width", Self.point(.B, mass, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 1)).prediction
        let limit = (2 * 0.042 / unit).squareRoot()
        #expect(abs(limit / (0.022 * mass / 0.1) - 1) < 0.01, "\(limit)")
        let atLimit = Self.judge("w-width", Self.point(.B, mass, epsilon: 1e-4, epsilonZ: 1e-5, gMu: limit))
        #expect(abs(atLimit.pull - 2) < 1e-9)
    }

    // MARK: K+, pi+ -> mu+ nu Z_D

    /// A pure dark photon radiates no longitudinal Z_D in K+, pi+ -> mu+ nu: the muon coupling is conserved
    /// with the K+ and contact diagrams, the non-conserved coupling vanishes and the default rates are zero
    /// (the transverse inner bremsstrahlung, B = 8e-9 x (eps/1e-3)^2 at 1 MeV for the K, is bounded in docs/physics.md §7).
    /// The paper's muon leg grows as 1/M^2: more than a factor 1000 from 100 MeV to 1 MeV.
    @Test(arguments: [ChargedPseudoscalar.kaon, .pion])
    func darkPhotonRadiativeRatesDoNotGrow(meson: ChargedPseudoscalar) {
        let d = meson == .kaon ? Self.kaon : Self.pion
        let masses = meson == .kaon ? [0.1, 0.01, 0.001] : [0.03, 0.01, 0.001]
        for M in masses {
            #expect(d.rates(Self.point(.A, M, epsilon: 1e-3)).width == 0)
        }
        let paper = masses.map { d.rates(Self.point(.A, $0, epsilon: 1e-3), emission: .paperMuonLeg).width }
        #expect(paper[2] / paper[0] > 1e3, "\(paper)")
        #expect(Self.judge("k-mu-nu-ee", Self.point(.A, 0.15, epsilon: 1e-3)).prediction == 0)
        #expect(Self.judge("k-mu-nu-ee-paper", Self.point(.A, 0.15, epsilon: 1e-3)).prediction > 1e-9)
    }

    /// A direct muon coupling keeps the enhancement: with the mixing off the default equals the paper's muon leg
    /// (same coupling; to 1e-12), and the width grows as 1/M^2 at small M: from 10 MeV to 1 MeV by 95-110 (100.9;
    /// 1/M^2 up to corrections of order M/m_mu = 10%), from 100 to 10 MeV by more (146.6, the phase space
    /// m_K - m_mu - M still closing at 100 MeV).
    @Test func directMuonCouplingRadiativeRateIsEnhanced() {
        var widths: [Double] = []
        for M in [0.1, 0.01, 0.001] {
            let p = Self.point(.B, M, gMu: 1e-3)
            let w = Self.kaon.rates(p).width
            #expect(abs(w / Self.kaon.rates(p, emission: .paperMuonLeg).width - 1) < 1e-12)
            widths.append(w)
        }
        #expect(widths[2] / widths[1] > 95 && widths[2] / widths[1] < 110, "\(widths)")
        #expect(widths[1] / widths[0] > 100, "\(widths)")
        #expect(Self.judge("k-mu-invisible", Self.point(.B, 0.02, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 0.01)).excluded)
    }

    /// The eps_Z part: the default keeps the muon leg of the mass-broken right-handed excess g_R = 2 a_mu (g_L = 0)
    /// only, below the paper's whole-coupling muon leg. Pinned at the case-A prior's corner (eps_Z = 2e-3, 10 MeV).
    @Test func epsilonZRightHandedExcess() {
        let p = Self.point(.A, 0.01, epsilon: 1e-3, epsilonZ: 2e-3)
        let m = Self.mismatch(p)
        let muon = Self.kaon.muonCoupling(p, emission: .nonConserved)
        #expect(abs(muon.left) < 1e-18 && abs(muon.right / m.rightExcess - 1) < 1e-12)
        let b = Self.kaon.rates(p).invisibleBranchingFraction
        #expect(abs(b / 4.4518e-7 - 1) < 1e-4, "\(b)")
        #expect(b < 0.2 * Self.kaon.rates(p, emission: .paperMuonLeg).invisibleBranchingFraction)
    }

    /// The paper's alternatives reproduce the former defaults: w-width, k-mu-invisible and k-mu-nu-ee of
    /// Tests/Fixtures/constraints/predictions.json as written from main at 2bf84c4 (before this change), to the
    /// fixture's 1e-12. NaN: the constraint does not apply (k-mu-nu-ee below 145 MeV).
    @Test func paperAlternativesReproduceTheFormerNumbers() {
        let former: [(DarkBosonParameters, [Double])] = [
            (DarkBosonParameters(modelCase: .C, mZD: 0.03, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.03),
             [0.0007397407794840634, .nan, 1.7371144555495872]),
            (DarkBosonParameters(modelCase: .A, mZD: 0.01007, epsilon: 1.6e-5, epsilonZ: 2e-3),
             [1.145169267482214e-06, .nan, 0.00788142693060129]),
            (DarkBosonParameters(modelCase: .B, mZD: 0.3, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 2e-3),
             [4.89787243964435e-15, 2.350519708612914e-13, 7.502576799958692e-05]),
            (DarkBosonParameters(modelCase: .C, mZD: 0.25, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.03),
             [3.75304171311894e-12, 6.25491272348355e-13, 0.025180385514257404]),
            (DarkBosonParameters(modelCase: .A, mZD: 0.15, epsilon: 1e-3, epsilonZ: 1e-4, invisibleFraction: 0.5),
             [5.768349423827105e-11, 1.8455110464992357e-09, 2.411349523462081e-05]),
        ]
        let names = ["k-mu-invisible-paper", "k-mu-nu-ee-paper", "w-width-paper"]
        for (p, values) in former {
            let results = Self.set.evaluate(Self.model.point(p), names: names)
            #expect(results.map(\.name) == names)
            for (r, want) in zip(results, values) {
                #expect(ConstraintPredictionTests.close(r.prediction, want), "\(r.name) at \(p): \(r.prediction) vs \(want)")
            }
        }
    }
}
