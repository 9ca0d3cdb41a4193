import Foundation
import Testing
@testable import Flavor

/// Eqs. 4.3 and 4.24. The paper quotes Delta M_K^NP = -4.64e-15 MeV at M_ZD = 10 MeV,
/// eps_Z = 0.001; darkz's value is pinned here and compared in docs/validation.md.
@Suite("Meson mixing through the Z_D monopole")
struct MesonMixingTests {
    let mixing = try! MesonMixing(inputs: FlavorFixtures.inputs)

    @Test func deltaMKAtThePaperPoint() {
        let value = mixing.deltaMK(mZD: 0.010, epsilonZ: 1e-3) * 1e3  // MeV
        #expect(value < 0)  // 1 - 5 m_s^2/(8 M^2) < 0 at 10 MeV
        #expect(abs(value / Self.pinnedDeltaMK - 1) < 1e-6)
    }

    @Test func scalesAsEpsilonZSquared() {
        let a = mixing.deltaMBs(mZD: 0.05, epsilonZ: 1e-3), b = mixing.deltaMBs(mZD: 0.05, epsilonZ: 2e-3)
        #expect(abs(b / a - 4) < 1e-12)
        #expect(a < 0)
    }

    /// With a constituent-like m_s = 0.5 GeV in the factor 1 - 5 m_s^2/(8 M^2) (the only place m_s enters)
    /// the value moves to the paper's. This explanation excludes the E^{0,Z}/e one, which also accounts for the
    /// B_s-mixing crossing and the case-C coupling (PaperScaleHypothesisTests, docs/validation.md).
    @Test func constituentStrangeMassComesCloseToThePaper() throws {
        let heavy = try MesonMixing(inputs: FlavorFixtures.inputs.replacing(["m_s": 0.5]))
        let value = heavy.deltaMK(mZD: 0.010, epsilonZ: 1e-3) * 1e3
        #expect(abs(value / -4.64e-15 - 1) < 0.05)
    }

    /// Eq. 4.1 with the paper's inputs gives the SM mass difference; the paper quotes 18.4 ps^-1
    /// (its ref. [36], with higher-order inputs); eq. 4.1 with the paper's inputs gives 17.1 ps^-1.
    @Test func standardModelDeltaMBs() {
        let perPicosecond = mixing.deltaMBsStandardModel / 6.582119569e-13  // GeV -> ps^-1
        #expect(abs(perPicosecond / 18.4 - 1) < 0.15)
        #expect(abs(MesonMixing.inamiLimS0(pow(163.53 / 80.377, 2)) - 2.32) < 0.01)
    }

    /// Paper sec. 4.1: eps_Z >~ 0.001 is excluded for M_ZD <~ 60 MeV at 2 sigma, i.e. Delta_mix < -0.13
    /// (twice the 6.5% lower SM uncertainty). darkz, from eqs. 4.1-4.3 as printed (S_0 corrected),
    /// excludes eps_Z = 0.001 only below about 20 MeV: Delta_mix ∝ 1/M^2 is 9 times smaller than the
    /// paper's statement needs (docs/validation.md; 1/e^2 = 10.9 if the paper's E^{0,Z} was 1/e times eq. B.7,
    /// PaperScaleHypothesisTests). Pinned: the crossing lies between 19 and 21 MeV.
    @Test func bsMixingExcludesLightDarkZ() {
        #expect(mixing.deltaMix(mZD: 0.010, epsilonZ: 1e-3) < -0.4)
        #expect(mixing.deltaMix(mZD: 0.019, epsilonZ: 1e-3) < -0.13)
        #expect(mixing.deltaMix(mZD: 0.021, epsilonZ: 1e-3) > -0.13)
        #expect(mixing.deltaMix(mZD: 0.06, epsilonZ: 1e-3) > -0.02)
        #expect(mixing.deltaMix(mZD: 0.010, epsilonZ: 1e-3) < 0)
    }

    static let pinnedDeltaMK = -1.5651681614699198e-16
}
