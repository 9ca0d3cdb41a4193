import Foundation
import Testing
@testable import Flavor

/// The constraints of sections 4 and 6 against what the paper states (docs/validation.md explains
/// each difference; where darkz disagrees with the paper the test pins darkz's value).
@Suite("Constraints of sections 4 and 6")
struct ConstraintTests {
    static var set: ConstraintSet { FlavorFixtures.constraints }

    func judge(_ name: String, _ p: DarkBosonParameters) -> ConstraintResult {
        Self.set.evaluate(FlavorFixtures.model.point(p), names: [name])[0]
    }

    /// Sec. 4.1: eps_Z = 0.001 excluded at 2 sigma for light Z_D (darkz: below ~20 MeV, the paper 60 MeV;
    /// see MesonMixingTests).
    @Test func bsMixing() {
        #expect(judge("bs-mixing", DarkBosonParameters(modelCase: .A, mZD: 0.010, epsilonZ: 1e-3)).excluded)
        #expect(!judge("bs-mixing", DarkBosonParameters(modelCase: .A, mZD: 0.060, epsilonZ: 1e-3)).excluded)
    }

    /// Sec. 4.2 states that eps_Z as large as 0.01 is allowed by B_s -> mu mu at 3 sigma. With the full
    /// Z_D propagator (docs/physics.md §2) the longitudinal exchange gives delta C10P ∝ eps_Z^2/M^2 and
    /// excludes eps_Z = 0.01 at every mass up to 2 GeV (pull 3.5 at 2 GeV, 24 below 300 MeV): pinned.
    /// eps_Z = 1e-5 stays allowed (delta C10P = 0.03 at 10 MeV).
    @Test(arguments: [0.01, 0.1, 0.5, 1.0, 2.0])
    func bsToMuMuContradictsThePaper(mass: Double) {
        let r = judge("bs-mumu", DarkBosonParameters(modelCase: .A, mZD: mass, epsilon: 1e-3, epsilonZ: 1e-2))
        #expect(r.applies && r.excluded && r.cl == 0.9973)
        #expect(!judge("bs-mumu", DarkBosonParameters(modelCase: .A, mZD: mass, epsilon: 1e-3, epsilonZ: 1e-5)).excluded)
    }

    /// Sec. 4.3 states B -> K(*) nu nu-bar stays ten times below its bounds for eps_Z = 0.1,
    /// eps = 0.001. darkz's on-shell rates grow as eps_Z^2/M^2 (longitudinal Z_D, docs/physics.md §5)
    /// and exceed the bounds at every mass up to 2 GeV: pinned.
    @Test(arguments: [0.01, 0.1, 0.5, 1.0, 2.0])
    func bToKNuNuContradictsThePaper(mass: Double) {
        let p = DarkBosonParameters(modelCase: .A, mZD: mass, epsilon: 1e-3, epsilonZ: 0.1)
        #expect(judge("b-k-nunu-limit", p).excluded)
        #expect(judge("b-kstar-nunu-limit", p).excluded)
        // and a small eps_Z is allowed
        #expect(!judge("b-k-nunu-limit", DarkBosonParameters(modelCase: .A, mZD: mass, epsilon: 1e-3, epsilonZ: 1e-7)).excluded)
    }

    /// Sec. 4.4: Delta M_K is no strong constraint (M_ZD = 10 MeV, eps_Z = 0.001).
    @Test func kaonMixingIsWeak() {
        let r = judge("delta-mk", DarkBosonParameters(modelCase: .A, mZD: 0.010, epsilonZ: 1e-3))
        #expect(r.applies && !r.excluded && r.chi2 < 1e-3)
    }

    /// Eq. 5.4: case B requires g_mu < 0.022 (M_ZD/100 MeV) at 2 sigma; both formulas lie within 5% (the
    /// default within 1%: WWidthConservedCurrentTests).
    @Test(arguments: [0.05, 0.1, 0.2])
    func wWidthCaseB(mass: Double) {
        let bound = 0.022 * mass / 0.1
        func p(_ g: Double) -> DarkBosonParameters { DarkBosonParameters(modelCase: .B, mZD: mass, epsilon: 1e-4, epsilonZ: 1e-5, gMu: g) }
        for name in ["w-width", "w-width-paper"] {
            #expect(!judge(name, p(0.95 * bound)).excluded)
            #expect(judge(name, p(1.05 * bound)).excluded)
        }
    }

    /// Eq. 4.42: case A, eps_Z <~ 0.08 (M_ZD/100 MeV), the paper's formula. With it darkz sums e, mu, tau and
    /// counts every Z_D decay (the total width), which puts the bound at 0.066 at 100 MeV: pinned between 0.06
    /// and 0.07. darkz's default has no enhanced term for the mixing couplings (docs/physics.md §7): eps_Z = 0.07
    /// is allowed.
    @Test func wWidthCaseA() {
        #expect(!judge("w-width-paper", DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilonZ: 0.06)).excluded)
        #expect(judge("w-width-paper", DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilonZ: 0.07)).excluded)
        #expect(!judge("w-width", DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilonZ: 0.07)).excluded)
    }

    /// Sec. 4.9: Belle II's invisible Z' limit (g' from 0.05 to 1 below 6 GeV) is "not as competitive as
    /// the low energy bounds". It allows the paper's case-C best fit (30.2 MeV, g_mu = 0.033, eps = eps_Z =
    /// 1e-4) but excludes darkz's (10 MeV, g_mu = -0.109), the curve being flat at 0.051
    /// there. Above 2 m_mu, Z_D -> mu mu takes over and B(invisible) ~ (eps_Z/g_mu)^2 removes the bound.
    @Test func belle2Invisible() {
        func caseC(_ m: Double, _ g: Double) -> DarkBosonParameters {
            DarkBosonParameters(modelCase: .C, mZD: m, epsilon: 1e-4, epsilonZ: 1e-4, gMu: g)
        }
        let paper = judge("belle2-invisible", caseC(0.0302, 0.033))
        // g_eff = |v_mu| sqrt(B(inv)); v_mu = g_mu - e eps + O(eps_Z s_W^2 - 1/4) = 0.03297. In case C the Z_D
        // keeps the axial electron coupling (g/c_W) eps_Z/4 (docs/physics.md §1), so
        // Gamma(ee) / Gamma(nu nu) = [(1/4)^2 / (12 pi)] / [3 (1/2)^2 / (24 pi)] = 1/6 and B(inv) = 6/7.
        #expect(paper.applies && !paper.excluded && abs(paper.prediction - 0.03297 * (6.0 / 7).squareRoot()) < 1e-4)
        #expect(abs(paper.bound - 0.050998) < 1e-6)
        let darkzBest = judge("belle2-invisible", caseC(0.010, -0.109))
        #expect(darkzBest.excluded && darkzBest.chi2 > 4 * 1.2816 * 1.2816)
        #expect(!judge("belle2-invisible", caseC(0.3, -0.109)).excluded)
        // Case A best fit: mixing-size couplings, far below.
        let a = judge("belle2-invisible", DarkBosonParameters(modelCase: .A, mZD: 0.01007, epsilon: 1.6e-5, epsilonZ: 2e-3))
        #expect(a.applies && a.prediction < 1e-3 && !a.excluded)
        #expect(!judge("belle2-invisible", caseC(6.5, -0.109)).applies)  // beyond the curve
    }

    /// Sec. 4.9: the LHCb limit applies to case A directly and, by the paper's rule (kept as
    /// `lhcb-dark-photon-paper`), to cases B, C with (e eps)^2 -> (e eps) g_mu: "this rules out
    /// g_mu > 1e-3 for M_ZD > 210 MeV" (case C, eps = 1e-4). DarkCast's recast (`lhcb-dark-photon`,
    /// DarkPhotonRecastTests) produces the Z_D through its quark couplings (eps, eps_Z) and g_mu only
    /// raises B(Z_D -> mu mu) towards 1, so eps_eff moves by < 0.2% from g_mu = 2e-3 to 3e-2. For case C
    /// (eps = eps_Z = 1e-4, eps_eff ~ 2.2-3.9e-4) it excludes only the masses where LHCb's jagged curve
    /// dips below that (0.215, 0.25, 0.3 GeV; not 0.4 or 0.6 GeV, where it is 3.4e-4, 5.5e-4;
    /// docs/validation.md).
    @Test func lhcbDarkPhoton() {
        for name in ["lhcb-dark-photon", "lhcb-dark-photon-paper"] {
            #expect(judge(name, DarkBosonParameters(modelCase: .A, mZD: 0.3, epsilon: 1e-3)).excluded)
            #expect(!judge(name, DarkBosonParameters(modelCase: .A, mZD: 0.3, epsilon: 1e-5)).excluded)
            #expect(!judge(name, DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilon: 1e-3)).applies)
            #expect(!judge(name, DarkBosonParameters(modelCase: .A, mZD: 0.53, epsilon: 1e-3)).applies)  // vetoed window
        }
        func caseC(_ m: Double, _ g: Double) -> DarkBosonParameters {
            DarkBosonParameters(modelCase: .C, mZD: m, epsilon: 1e-4, epsilonZ: 1e-4, gMu: g)
        }
        for m in [0.25, 0.4, 0.6] { #expect(judge("lhcb-dark-photon-paper", caseC(m, 2e-3)).excluded) }
        for m in [0.215, 0.25, 0.3] { #expect(judge("lhcb-dark-photon", caseC(m, 2e-3)).excluded, "\(m)") }
        for m in [0.4, 0.6] { #expect(!judge("lhcb-dark-photon", caseC(m, 2e-3)).excluded, "\(m)") }
        for m in [0.25, 0.4, 1.5] {
            let small = judge("lhcb-dark-photon", caseC(m, 2e-3)).prediction, large = judge("lhcb-dark-photon", caseC(m, 3e-2)).prediction
            #expect(abs(large / small - 1) < 2e-3, "\(m)")
        }
    }

    /// Sec. 6: the best-fit points of cases B and C overshoot Delta a_mu by orders of magnitude, against the
    /// paper's eq. 6.1 (g-2-2021) and the 2025 value (g-2) alike.
    @Test func muonGMinus2() {
        for name in ["g-2-2021", "g-2"] {
            #expect(judge(name, DarkBosonParameters(modelCase: .B, mZD: 0.0103, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 0.28)).excluded)
            #expect(judge(name, DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.033)).excluded)
        }
        // a point without couplings sits at the SM tension: pull -251/59 in the paper, -38/63 in 2025
        let paper = judge("g-2-2021", DarkBosonParameters(modelCase: .A, mZD: 0.1))
        #expect(abs(paper.pull + 251.0 / 59) < 1e-9)
        let now = judge("g-2", DarkBosonParameters(modelCase: .A, mZD: 0.1))
        #expect(abs(now.pull + 38.0 / 63) < 1e-9 && !now.excluded)
    }

    @Test func kaonsToPionsAndInvisible() {
        let p = DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilon: 1e-4, epsilonZ: 1e-2)
        #expect(judge("k-pi-nunu", p).excluded && judge("kl-pi0-nunu-limit", p).excluded)
        let tiny = DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilon: 1e-4, epsilonZ: 1e-9)
        #expect(!judge("k-pi-nunu", tiny).excluded && !judge("kl-pi0-nunu-limit", tiny).excluded)
    }

    /// Sec. 5.1: APV excludes the case-A best fit (10.07 MeV, eps = 1.6e-5, eps_Z = 0.002) at > 3 sigma.
    @Test func atomicParityViolationExcludesTheCaseAFit() {
        let p = DarkBosonParameters(modelCase: .A, mZD: 0.01007, epsilon: 1.6e-5, epsilonZ: 0.002)
        let proton = judge("apv-proton", p), cesium = judge("apv-cesium", p)
        #expect(proton.excluded && cesium.excluded && abs(cesium.pull) > 3)
        #expect(!judge("apv-cesium", DarkBosonParameters(modelCase: .A, mZD: 0.1)).excluded)  // SM-like
    }

    /// Sec. 4.5: "case B requires g_mu < 0.01" from K -> mu + invisible. darkz's limit grows with the
    /// mass (4.7e-3 at 20 MeV, 0.01 at 41 MeV, RadiativePaperStatementTests): excluded at 20 MeV with
    /// g_mu = 0.01, allowed with 0.003.
    @Test func kaonToMuonPlusInvisible() {
        func p(_ g: Double) -> DarkBosonParameters { DarkBosonParameters(modelCase: .B, mZD: 0.020, epsilon: 1e-4, epsilonZ: 1e-5, gMu: g) }
        #expect(judge("k-mu-invisible", p(0.01)).excluded)
        #expect(!judge("k-mu-invisible", p(0.003)).excluded)
        #expect(!judge("k-mu-nu-ee", p(0.01)).applies)  // below 145 MeV
    }

    @Test func selection() throws {
        #expect(try Self.set.select("all") == Self.set.defaultNames)
        #expect(try !Self.set.select("all").contains("w-width-paper") && Self.set.select("w-width-paper") == ["w-width-paper"])
        #expect(try Self.set.select("none").isEmpty)
        #expect(try Self.set.select("bs-mixing, g-2") == ["bs-mixing", "g-2"])
        #expect(throws: (any Error).self) { try Self.set.select("bs-mixing,apv-typo") }
    }

    @Test func upperLimitAsHalfGaussian() {
        // at the limit the chi^2 equals z^2 of the CL (one-sided 90%: 1.2816^2)
        let judged = ConstraintForm.upperLimit(4.1e-5).judge(4.1e-5, mass: 1, cl: 0.9)!
        #expect(abs(judged.chi2 - 1.6424) < 1e-3)
        #expect(ConstraintForm.upperLimit(4.1e-5).judge(-1, mass: 1, cl: 0.9)!.chi2 == 0)
    }
}

@Suite("K -> pi Z_D (sec. 4.4, appendix A)")
struct KaonToPionTests {
    let kaons = try! KaonToPionProduction(inputs: FlavorFixtures.inputs)

    /// The K_L rate is the K+ rate with F -> Im F (and K_L, pi0 masses): below the Grossman-Nir
    /// ratio tau_L/tau_+ (times the small phase-space difference) for any point.
    @Test(arguments: [0.01, 0.1, 0.3])
    func grossmanNirBound(mass: Double) {
        let p = DarkBosonParameters(modelCase: .A, mZD: mass, epsilon: 1e-4, epsilonZ: 1e-3)
        let ratio = kaons.neutralBranchingFraction(p) / kaons.chargedBranchingFraction(p)
        #expect(ratio > 0 && ratio < 4.3 * 1.05)
    }

    @Test func kinematicLimit() {
        #expect(kaons.chargedBranchingFraction(DarkBosonParameters(modelCase: .A, mZD: 0.36, epsilonZ: 1e-3)) == 0)
    }

    /// Sec. 4.4 calls the K -> pi + invisible rates "tiny even for eps_Z ~ 0.01". darkz's on-shell
    /// rate, enhanced by m_K^2/M_ZD^2 like B -> K Z_D (docs/physics.md §5), exceeds the NA62 and KOTO
    /// bounds by many orders of magnitude there; pinned: B(K+ -> pi+ Z_D) = 3.4e-2 at 100 MeV, eps = 1e-4.
    @Test func contradictsThePaper() {
        let p = DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilon: 1e-4, epsilonZ: 1e-2)
        let b = kaons.chargedBranchingFraction(p)
        #expect(b > 1e-2 && b < 1e-1)
    }
}
