import Testing
@testable import Flavor

/// a_mu at the paper's best fits (sec. 6: -3.45e-7, 7.7e-4, 7.38e-6). Cases B and C agree with the
/// paper to 0.3%; case A differs by 7% (docs/validation.md), pinned here to 1e-6.
@Suite("Muon g-2 (eqs. 6.2-6.3)")
struct MuonAnomalousMomentTests {
    let inputs = FlavorFixtures.inputs

    @Test func caseBAndCAgreeWithThePaper() {
        let b = MuonAnomalousMoment.value(DarkBosonParameters(modelCase: .B, mZD: 0.0103, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 0.28), inputs: inputs)
        let c = MuonAnomalousMoment.value(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.033), inputs: inputs)
        #expect(abs(b / 7.7e-4 - 1) < 0.005)   // paper prints two digits
        #expect(abs(c / 7.38e-6 - 1) < 0.003)  // three digits
    }

    @Test func caseAIsPinned() {
        let a = MuonAnomalousMoment.value(DarkBosonParameters(modelCase: .A, mZD: 0.01007, epsilon: 1.6e-5, epsilonZ: 0.002), inputs: inputs)
        #expect(abs(a / -3.6847725e-7 - 1) < 1e-6)
    }

    /// Heavy-mediator limit of the vector part: m^2/(12 pi^2 M^2) for M >> m, up to corrections
    /// of order (m/M)^2 ln(M/m) ≈ 1e-7 at M = 1 TeV.
    @Test func heavyVectorLimit() {
        let m = inputs.massMuon, M = 1000.0
        let v = MuonAnomalousMoment.loopIntegrals(muonMass: m, mZD: M).vector
        #expect(abs(v / (m * m / (12 * Double.pi * Double.pi * M * M)) - 1) < 1e-5)
    }
}
