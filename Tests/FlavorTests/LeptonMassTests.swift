import Numerics
import Testing
@testable import Flavor

/// Full lepton-mass dependence: the rates vanish at q^2 = 4 m_l^2 like beta_l, and electron and
/// muon rates agree to a few per mille far above the dimuon threshold.
@Suite("Lepton-mass effects")
struct LeptonMassTests {
    @Test(arguments: SemileptonicDecay.allCases)
    func vanishAtThreshold(decay: SemileptonicDecay) {
        let rates = FlavorFixtures.rates
        for lepton in Lepton.allCases {
            let threshold = 4 * rates.leptonMass(lepton) * rates.leptonMass(lepton)
            #expect(rates.dBdq2(decay, lepton: lepton, q2: threshold) == 0)
            #expect(rates.dBdq2(decay, lepton: lepton, q2: 0.9 * threshold) == 0)
            // beta = sqrt(eps/(1 + eps)) at q^2 = 4 m^2 (1 + eps): the ratio at eps = 1e-8 and 1e-4 is 0.01.
            let near = rates.dBdq2(decay, lepton: lepton, q2: threshold * (1 + 1e-8))
            let further = rates.dBdq2(decay, lepton: lepton, q2: threshold * (1 + 1e-4))
            #expect(near > 0)
            #expect(abs(near / further / 0.01 - 1) < 1e-3, "\(decay) \(lepton): \(near / further)")
        }
    }

    /// e vs mu at q^2 = 2, 4, 6 GeV^2 (m_mu^2/q^2 < 0.006): equal within 5 per mille; the electron
    /// rate of B -> K* and B -> X_s is the larger (by about 0.3%).
    @Test(arguments: SemileptonicDecay.allCases)
    func electronMatchesMuonFarAboveThreshold(decay: SemileptonicDecay) {
        let rates = FlavorFixtures.rates
        for q2 in [2.0, 4.0, 6.0] {
            let e = rates.dBdq2(decay, lepton: .electron, q2: q2), mu = rates.dBdq2(decay, lepton: .muon, q2: q2)
            print(String(format: "%@ q2 = %.0f: e/mu - 1 = %+.5f", decay.hadrons, q2, e / mu - 1))
            #expect(abs(e / mu - 1) < 5e-3)
        }
    }

    /// With the lepton mass set to zero by hand, e and mu coincide exactly.
    @Test func masslessLeptonsCoincide() throws {
        let inputs = try FlavorFixtures.inputs.replacing(["m_mu": FlavorFixtures.inputs.massElectron])
        let rates = try SemileptonicRates(inputs: inputs, dataDirectory: FlavorFixtures.root + "/data")
        for decay in SemileptonicDecay.allCases {
            #expect(rates.dBdq2(decay, lepton: .electron, q2: 3) == rates.dBdq2(decay, lepton: .muon, q2: 3))
        }
    }
}
