import Foundation
import Testing
@testable import Flavor

/// CEvNS at COHERENT (CsI 2017) with a Z_D in the weak charge (paper sec. 4.8; docs/neutrino.md §2),
/// and the three neutrino constraints in the constraint set.
@Suite("COHERENT CEvNS (sec. 4.8)")
struct CoherentScatteringTests {
    static let scattering = try! NeutrinoScatteringInputs(contentsOf: FlavorFixtures.root + "/data/neutrino_scattering.csv")
    static let coherent = try! CoherentScattering(inputs: FlavorFixtures.inputs, scattering: scattering)

    static func caseA(_ mass: Double, epsilon: Double = 0, epsilonZ: Double) -> Double {
        coherent.ratio(FlavorFixtures.model.point(DarkBosonParameters(modelCase: .A, mZD: mass, epsilon: epsilon, epsilonZ: epsilonZ)))
    }

    @Test func windowAndMomentumTransfer() {
        // 6 and 30 photoelectrons at 13.348 PE/keVee and quenching 0.0878
        #expect(abs(Self.coherent.recoilWindow.min * 1e6 - 5.1197) < 1e-3)
        #expect(abs(Self.coherent.recoilWindow.max * 1e6 - 25.598) < 1e-2)
        // <Q^2> = 2 M <T> ~ (50 MeV)^2
        let q2 = Self.coherent.meanMomentumTransfer2
        #expect(q2 > 2.3e-3 && q2 < 2.7e-3, "\(q2)")
    }

    /// No neutrino coupling (eps_Z = 0): no effect whatever eps; tiny couplings: ratio 1.
    @Test func standardModelLimit() {
        #expect(abs(Self.caseA(0.01, epsilon: 1e-3, epsilonZ: 0) - 1) < 1e-15)
        #expect(abs(Self.caseA(0.01, epsilonZ: 1e-9) - 1) < 1e-9)
    }

    /// A heavy Z_D shifts Q_w by a constant: ratio = (1 + delta)^2 with, for pure mass mixing,
    /// delta = eps_Z^2 (g/c_W)^2/(4 sqrt 2 G_F M^2) (the Z_D is a copy of the Z scaled by eps_Z). At M = M_Z,
    /// eps_Z = 1 this is the Z itself: delta = (g/c_W)^2/(4 sqrt 2 G_F M_Z^2) = 0.940, darkz's scheme factor
    /// (docs/physics.md §1), up to Q^2/M_Z^2 ~ 3e-7.
    @Test func heavyAndZLimits() {
        let inputs = FlavorFixtures.inputs
        let gz2 = pow(inputs.weakCoupling / inputs.cosThetaW, 2)
        let mZ = inputs.massZ
        let delta = gz2 / (4 * 2.0.squareRoot() * inputs.fermiConstant * mZ * mZ)
        #expect(abs(delta - 0.940) < 0.001)
        #expect(abs(Self.caseA(mZ, epsilonZ: 1) / pow(1 + delta, 2) - 1) < 1e-5)
        let heavy = 500.0, eps = 0.3
        let d = eps * eps * gz2 / (4 * 2.0.squareRoot() * inputs.fermiConstant * heavy * heavy)
        #expect(abs(Self.caseA(heavy, epsilonZ: eps) / pow(1 + d, 2) - 1) < 1e-8)
    }

    /// Kinetic mixing adds the proton coupling e eps: interference with eps_Z sets the sign (for eps eps_Z > 0 the
    /// dark-photon part, e eps Z, has the sign opposite to Q_w ~ -N/2 and lowers the rate).
    @Test func kineticMixingInterference() {
        let base = Self.caseA(0.01, epsilonZ: 5e-5)
        #expect(Self.caseA(0.01, epsilon: 1e-4, epsilonZ: 5e-5) < base)
        #expect(Self.caseA(0.01, epsilon: -1e-4, epsilonZ: 5e-5) > base)
    }

    /// The 1 sigma bound on eps_Z (eps = 0): N/N_SM < 0.775 + 0.250.
    static func bound(mass: Double, z: Double = 1) -> Double {
        let limit = 0.775 + z * 0.250
        var lo = 1e-7, hi = 1e-1
        for _ in 0..<100 {
            let mid = (lo * hi).squareRoot()
            if caseA(mass, epsilonZ: mid) > limit { hi = mid } else { lo = mid }
        }
        return lo
    }

    /// Paper: "eps_Z <~ 0.0005 for M_ZD <~ 10 MeV" (1 sigma, Fig. 11). darkz excludes eps_Z = 5e-4 there by more
    /// than 10 sigma; its 1 sigma bound is 5.8e-5 (2 sigma: 1.9e-4), nearly flat below 10 MeV since
    /// <Q^2> = (50 MeV)^2, and grows like M above: pinned. The paper's substitution
    /// g' -> eps_Z (g/c_W) g_V^nu g_V^q is linear in eps_Z while the Z_D amplitude is quadratic (g_nu v_q ~ eps_Z^2):
    /// see docs/neutrino.md §2.
    @Test func paperStatement() {
        for mass in [0.001, 0.005, 0.01] {
            #expect((Self.caseA(mass, epsilonZ: 5e-4) - 0.775) / 0.25 > 10)
            let b = Self.bound(mass: mass)
            #expect(b > 5.4e-5 && b < 6.2e-5, "\(b)")
        }
        let b2 = Self.bound(mass: 0.01, z: 2)
        #expect(b2 > 1.7e-4 && b2 < 2.1e-4, "\(b2)")
        #expect(Self.bound(mass: 0.1) > 2 * Self.bound(mass: 0.01))
        let b1GeV = Self.bound(mass: 1)
        #expect(b1GeV > 1.1e-3 && b1GeV < 1.4e-3, "\(b1GeV)")
    }
}

/// The neutrino constraints as named entries of the constraint set (data/constraints.csv).
@Suite("Neutrino constraints in the set")
struct NeutrinoConstraintTests {
    static var set: ConstraintSet { FlavorFixtures.constraints }

    func judge(_ name: String, _ p: DarkBosonParameters) -> ConstraintResult {
        Self.set.evaluate(FlavorFixtures.model.point(p), names: [name])[0]
    }

    @Test func namesAndForms() throws {
        for name in ["trident-ccfr", "trident-charm2", "coherent"] { #expect(Self.set.names.contains(name)) }
        #expect(try Self.set.data.entry("trident-ccfr").cl == 0.95)
        #expect(try Self.set.data.entry("coherent").cl == 0.6827)
    }

    @Test func tridentJudged() {
        let bestFitPaperSign = DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.033)
        let r = judge("trident-ccfr", bestFitPaperSign)
        #expect(r.applies && r.excluded && r.kind == "measurement" && r.bound == 0.82)
        let window = DarkBosonParameters(modelCase: .C, mZD: 0.15, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.03)
        #expect(!judge("trident-ccfr", window).excluded && !judge("trident-charm2", window).excluded)
        // below the table (1 MeV) the trident constraints do not apply
        #expect(!judge("trident-ccfr", DarkBosonParameters(modelCase: .C, mZD: 5e-4, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.01)).applies)
        // SM-like point: pull (1 - 0.82)/0.28
        let sm = judge("trident-ccfr", DarkBosonParameters(modelCase: .A, mZD: 0.1))
        #expect(abs(sm.pull - 0.18 / 0.28) < 1e-9)
    }

    @Test func coherentJudged() {
        #expect(judge("coherent", DarkBosonParameters(modelCase: .A, mZD: 0.01, epsilonZ: 5e-4)).excluded)
        #expect(!judge("coherent", DarkBosonParameters(modelCase: .A, mZD: 0.01, epsilonZ: 1e-5)).excluded)
        // the paper's case-A best fit (10.07 MeV, eps = 1.6e-5, eps_Z = 0.002)
        #expect(judge("coherent", DarkBosonParameters(modelCase: .A, mZD: 0.01007, epsilon: 1.6e-5, epsilonZ: 0.002)).excluded)
    }
}
