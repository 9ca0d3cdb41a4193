import Foundation
import Testing
@testable import Flavor

/// The paper's statements about K+ -> mu+ nu Z_D (sec. 4.5, Figs. 6-7) and pi+ -> mu+ nu Z_D (sec. 4.6,
/// Fig. 8), with darkz's numbers pinned. Where darkz disagrees with the paper the test says so and pins
/// darkz (docs/validation.md, "Radiative K and pi decays").
@Suite("Radiative K, pi -> mu nu Z_D: the paper's statements")
struct RadiativePaperStatementTests {
    static let model = FlavorFixtures.model
    static let kaon = RadiativeAmplitudeTests.kaon
    static let pion = RadiativeAmplitudeTests.pion

    static func caseB(_ M: Double, gMu: Double, epsilonZ: Double = 1e-5) -> DarkBosonPoint {
        model.point(DarkBosonParameters(modelCase: .B, mZD: M, epsilon: 1e-4, epsilonZ: epsilonZ, gMu: gMu))
    }

    /// The g_mu > 0 at which B(K -> mu nu Z_D) B(Z_D -> invisible) reaches `bound` in case B
    /// (eps = 1e-4, eps_Z = 1e-5). Below 2 m_mu the Z_D branching fractions do not depend on g_mu, so
    /// the product is a quadratic in g_mu (muon coupling v0 + g_mu, a0), solved in closed form.
    static func gMuLimit(mass M: Double, bound: Double) -> Double {
        let point = caseB(M, gMu: 0)
        precondition(M < 2 * kaon.muonMass)
        let invisible = point.widths.branchingFraction(point.widths.invisible)
        let t = kaon.widthTerms(mass: M), v0 = point.couplings.muon.vector, a0 = point.couplings.muon.axial
        let a = t.left + t.right + t.interference
        let b = 2 * t.left * (v0 - a0) + 2 * t.right * (v0 + a0) + 2 * t.interference * v0
        let c = t.value(point.couplings.muon) - bound * kaon.totalWidth / invisible
        return (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)
    }

    /// B(K -> mu nu Z_D) B(Z_D -> invisible) in case A.
    static func caseAInvisible(_ M: Double, epsilon: Double = 1e-3, epsilonZ: Double = 1e-3) -> Double {
        kaon.rates(model.point(DarkBosonParameters(modelCase: .A, mZD: M, epsilon: epsilon, epsilonZ: epsilonZ)), emission: .paperMuonLeg)
            .invisibleBranchingFraction
    }

    /// The x in [a, b] where the decreasing or increasing f crosses `level` (bisection in ln x).
    static func crossing(_ f: (Double) -> Double, level: Double, from a: Double, to b: Double) -> Double {
        var lo = a, hi = b
        let rising = f(b) > f(a)
        for _ in 0..<60 {
            let mid = (lo * hi).squareRoot()
            if (f(mid) > level) == rising { hi = mid } else { lo = mid }
        }
        return (lo * hi).squareRoot()
    }

    /// PIENU's R^{pi mu nu X} = R B(Z_D -> invisible) in case B, whole spectrum and T_mu below/above 1.2 MeV.
    static func pienuRatios(_ M: Double, gMu: Double, epsilonZ: Double) -> (all: Double, below: Double, above: Double) {
        let p = caseB(M, gMu: gMu, epsilonZ: epsilonZ)
        return (pion.rates(p, emission: .paperMuonLeg).invisibleRatio, pion.rates(p, emission: .paperMuonLeg, muonKineticEnergy: 0...0.0012).invisibleRatio,
                pion.rates(p, emission: .paperMuonLeg, muonKineticEnergy: 0.0012...Double.infinity).invisibleRatio)
    }

    static func expectPinned(_ value: Double, _ pin: Double, _ what: String) {
        #expect(abs(value / pin - 1) < 1e-6, "\(what): \(value) vs pinned \(pin)")
    }

    /// (i) Fig. 6 left: "even for very light masses and eps, eps_Z ~ 0.001, the branching fraction stays
    /// well within the upper limit" 1.0e-6 (eq. 4.31). darkz disagrees below M ≈ 11 MeV: the longitudinal
    /// 1/M^2 term of eq. 4.27 gives B(K -> mu + invisible) = 1.18e-6 at 10 MeV and 2.0e-4 at 1 MeV
    /// (B(Z_D -> inv) = 1 below 2 m_e, 0.59 above). The statement holds above ≈ 11 MeV (4.5e-8 at 50 MeV).
    @Test func caseAInvisibleKaonDecay() {
        Self.expectPinned(Self.caseAInvisible(0.001), 1.9917518338e-04, "M = 1 MeV")
        Self.expectPinned(Self.caseAInvisible(0.01), 1.1809483087e-06, "M = 10 MeV")
        Self.expectPinned(Self.caseAInvisible(0.05), 4.4608054565e-08, "M = 50 MeV")
        let crossing = Self.crossing({ Self.caseAInvisible($0) }, level: 1e-6, from: 0.003, to: 0.1)
        #expect(abs(crossing - 0.010863) < 2e-6)
        #expect(Self.caseAInvisible(0.02) < 1e-6 && Self.caseAInvisible(0.1) < 1e-8)
    }

    /// (ii) Fig. 6 right: in case B "g_mu must be less than 0.01" for B(K -> mu + invisible) < 1.0e-6.
    /// darkz's limit grows with the mass, from 2.4e-3 at 10 MeV to 9.4e-2 at 200 MeV (roughly g_mu < 0.24 M/GeV,
    /// the 1/M^2 of the longitudinal term); it equals 0.01 at M = 41 MeV. B(Z_D -> invisible) = 0.0204 here.
    @Test func caseBLimitOnTheMuonCoupling() {
        let pins: [(Double, Double)] = [(0.01, 2.3563796558e-03), (0.02, 4.7268381642e-03), (0.05, 1.2355965555e-02),
                                        (0.1, 2.8184681853e-02), (0.15, 5.1953282126e-02), (0.2, 9.4240037590e-02)]
        for (M, pin) in pins {
            let g = Self.gMuLimit(mass: M, bound: 1e-6)
            Self.expectPinned(g, pin, "g_mu limit at M = \(M)")
            Self.expectPinned(Self.kaon.rates(Self.caseB(M, gMu: g), emission: .paperMuonLeg).invisibleBranchingFraction, 1e-6, "B at the limit")
        }
        let crossing = Self.crossing({ Self.gMuLimit(mass: $0, bound: 1e-6) }, level: 0.01, from: 0.005, to: 0.2)
        #expect(abs(crossing - 0.041134) < 2e-6)
    }

    /// (iii) Fig. 7: K+ -> mu+ nu e+ e- (m_ee > 145 MeV) through Z_D -> e+ e- in case B; "g_mu ≳ 0.001 produces
    /// an enhancement for 145 < M < 200 MeV" against (7.06 ± 0.31)e-8 (eq. 4.32). darkz at g_mu = 0.001:
    /// 1.87e-8 at 145 MeV, 9.3e-9 at 175 MeV, 5.1e-9 at 200 MeV (B(Z_D -> e e) = 0.980), i.e. more than the 3 sigma
    /// error 0.93e-8 below M = 175 MeV and less above; the contribution scales as g_mu^2.
    @Test func caseBKaonToMuNuElectronPair() {
        for (M, pin) in [(0.145, 1.8740713328e-08), (0.175, 9.2738006901e-09), (0.2, 5.0614613198e-09)] {
            Self.expectPinned(Self.kaon.rates(Self.caseB(M, gMu: 1e-3), emission: .paperMuonLeg).electronBranchingFraction, pin, "M = \(M)")
        }
        let crossing = Self.crossing({ Self.kaon.rates(Self.caseB($0, gMu: 1e-3), emission: .paperMuonLeg).electronBranchingFraction },
                                     level: 3 * 0.31e-8, from: 0.145, to: 0.2)
        #expect(abs(crossing - 0.174881) < 2e-6)
    }

    /// (iv) Fig. 8: R^{pi mu nu X} B(Z_D -> inv) at g_mu = 0.1 in case B (eps = 1e-4). PIENU's mass-dependent
    /// curves are not available here (docs/validation.md); the one published PIENU number reachable is
    /// R < 4.3e-6 (90% CL) for a massless Majoron-like X (PDG, AGUILAR-AREVALO 2021A), used as the reference
    /// level. Paper: "g_mu < 0.1 is allowed for M < 34 MeV if eps_Z << eps" and "if eps_Z ≳ eps, g_mu ≥ 0.1
    /// is not allowed for M < 15 MeV". darkz at that level: eps_Z = 1e-5 gives 2.0e-6 at 10 MeV and crosses
    /// 4.3e-6 at 8.0 MeV (allowed above, as the paper says, except below 8 MeV); eps_Z = 1e-4 (B_inv = 0.59)
    /// crosses at 17.4 MeV (excluded below, the paper's 15 MeV). The 1e-7 and 1e-8 crossings pin the mass
    /// dependence. Columns: all T_mu, T_mu < 1.2 MeV, T_mu > 1.2 MeV.
    @Test func pionRatioAtTheMuonCouplingPointOne() {
        let pins: [(Double, Double, [Double])] = [
            (1e-5, 0.005, [1.6107259964e-05, 3.7078156386e-06, 1.2399444325e-05]),
            (1e-5, 0.010, [2.0100328689e-06, 5.8200024960e-07, 1.4280326193e-06]),
            (1e-5, 0.015, [3.5078504949e-07, 1.2793254787e-07, 2.2285250163e-07]),
            (1e-5, 0.020, [5.5742437869e-08, 2.8055944742e-08, 2.7686493127e-08]),
            (1e-5, 0.025, [5.6104248992e-09, 4.5155895346e-09, 1.0948353646e-09]),
            (1e-5, 0.030, [1.3464308455e-10, 1.3464308455e-10, 0]),
            (1e-4, 0.005, [4.7117507988e-04, 1.0843871118e-04, 3.6273636870e-04]),
            (1e-4, 0.010, [5.8559328534e-05, 1.6952015166e-05, 4.1607313368e-05]),
            (1e-4, 0.015, [1.0210747821e-05, 3.7230982090e-06, 6.4876496117e-06]),
            (1e-4, 0.020, [1.6219356156e-06, 8.1619478152e-07, 8.0574083405e-07]),
            (1e-4, 0.025, [1.6319273290e-07, 1.3133659609e-07, 3.1856136805e-08]),
            (1e-4, 0.030, [3.9142562093e-09, 3.9142562093e-09, 0]),
        ]
        for (eZ, M, pin) in pins {
            let r = Self.pienuRatios(M, gMu: 0.1, epsilonZ: eZ)
            for (value, p) in zip([r.all, r.below, r.above], pin) {
                if p == 0 { #expect(value == 0) } else { Self.expectPinned(value, p, "eps_Z \(eZ) M \(M)") }
            }
        }
        for (eZ, level, mass) in [(1e-5, 4.3e-6, 0.0079769), (1e-4, 4.3e-6, 0.0174332), (1e-5, 1e-7, 0.018488), (1e-5, 1e-8, 0.023890), (1e-4, 1e-7, 0.025863), (1e-4, 1e-8, 0.029054)] {
            let crossing = Self.crossing({ Self.pienuRatios($0, gMu: 0.1, epsilonZ: eZ).all }, level: level, from: 0.0011, to: 0.0335)
            #expect(abs(crossing - mass) < 2e-6, "eps_Z \(eZ) level \(level): \(crossing)")
        }
    }
}
