@preconcurrency import CGSL
import Foundation
import Testing
@testable import Flavor

/// Neutrino trident production with a Z_D (paper sec. 4.8, eq. 4.39; docs/neutrino.md §1): the
/// Dirac algebra and matrix element, the nu gamma cross section against its collinear (leading-log)
/// limit, the stored tables against the generator, the heavy-Z' and L_mu - L_tau limits of the
/// paper's ref. [59], and the paper's case-C statements (Fig. 13).
@Suite("Neutrino trident (sec. 4.8)")
struct NeutrinoTridentTests {
    static let muonMass = FlavorFixtures.inputs.massMuon
    static let ccfr = try! NeutrinoTrident(table: TridentTable(contentsOf: FlavorFixtures.root + "/data/trident_ccfr.csv"),
                                           inputs: FlavorFixtures.inputs)
    static let charm2 = try! NeutrinoTrident(table: TridentTable(contentsOf: FlavorFixtures.root + "/data/trident_charm2.csv"),
                                             inputs: FlavorFixtures.inputs)

    // MARK: Dirac algebra and matrix element

    @Test func cliffordAlgebra() {
        let g = DiracMatrix.gammas
        let metric = [1.0, -1, -1, -1]
        for mu in 0..<4 {
            for nu in 0..<4 {
                let anti = g[mu] * g[nu] + g[nu] * g[mu]
                let expected = (mu == nu ? 2 * metric[mu] : 0) * DiracMatrix.identity
                for i in 0..<4 { for j in 0..<4 {
                    #expect(abs(anti.entry(i, j).0 - expected.entry(i, j).0) < 1e-14)
                    #expect(abs(anti.entry(i, j).1) < 1e-14)
                } }
            }
            // gamma-bar^mu = gamma^mu
            let b = g[mu].bar
            for i in 0..<4 { for j in 0..<4 { #expect(abs(b.entry(i, j).0 - g[mu].entry(i, j).0) + abs(b.entry(i, j).1 - g[mu].entry(i, j).1) < 1e-14) } }
        }
        // gamma_5 = i gamma^0 gamma^1 gamma^2 gamma^3
        let g5 = DiracMatrix.scaled(g[0] * g[1] * g[2] * g[3], re: 0, im: 1)
        for i in 0..<4 { for j in 0..<4 {
            #expect(abs(g5.entry(i, j).0 - DiracMatrix.gamma5.entry(i, j).0) < 1e-14)
            #expect(abs(g5.entry(i, j).1 - DiracMatrix.gamma5.entry(i, j).1) < 1e-14)
        } }
    }

    /// J^alpha J^beta* has the symmetric part 2 (p2 p1 + p1 p2 - g p1.p2) and the current is conserved.
    @Test func neutrinoCurrent() {
        let p1 = LorentzVector(3, 0, 0, 3), p2 = LorentzVector(2, 0.6, -0.3, (4 - 0.36 - 0.09).squareRoot())
        let j = TridentMatrixElement.neutrinoCurrent(p1: p1, p2: p2)
        let metric = [1.0, -1, -1, -1]
        for a in 0..<4 {
            for b in 0..<4 {
                let re = j.re[a] * j.re[b] + j.im[a] * j.im[b]
                let expected = 2 * (p2[a] * p1[b] + p1[a] * p2[b] - (a == b ? metric[a] : 0) * (p1 * p2))
                #expect(abs(re - expected) < 1e-10)
            }
        }
        let q = p1 - p2
        #expect(abs(j.re * q) < 1e-10 && abs(j.im * q) < 1e-10)
    }

    /// The photon couples to a conserved current: eps -> k gives zero for the vector and axial pieces.
    @Test func gaugeInvariance() {
        let kin = TridentKinematics(muonMass: Self.muonMass)
        let pt = kin.point(sHat: 4.0, s34: 0.5, q2: 0.3, cosStar: 0.4, phiStar: 1.1)
        let me = TridentMatrixElement(muonMass: Self.muonMass)
        let transverse = me.pieces(p1: pt.p1, k: pt.k, p2: pt.p2, p3: pt.p3, p4: pt.p4)
        let longitudinal = me.pieces(p1: pt.p1, k: pt.k, p2: pt.p2, p3: pt.p3, p4: pt.p4, polarisations: [DiracMatrix.slash(pt.k)])
        #expect(transverse.vv > 0 && transverse.aa > 0)
        #expect(abs(longitudinal.vv) < 1e-10 * transverse.vv && abs(longitudinal.aa) < 1e-10 * transverse.aa)
        // momentum conservation and on-shell muons
        let sum = pt.p1 + pt.k - pt.p2 - pt.p3 - pt.p4
        #expect(abs(sum.t) + abs(sum.x) + abs(sum.y) + abs(sum.z) < 1e-12)
        #expect(abs(pt.p3.mass2 - Self.muonMass * Self.muonMass) < 1e-12 && abs((pt.p1 - pt.p2).mass2 + 0.3) < 1e-12)
    }

    /// sigma(nu gamma -> nu mu mu) for s-hat >> m^2 against the collinear limit: the muon from gamma -> mu mu
    /// (probability alpha/(2 pi) (x^2 + (1-x)^2) ln(s-hat/m^2)) scattering through the contact interaction gives
    /// sigma = G_F^2 alpha s-hat (G_V^2 + G_A^2) ln(s-hat/m^2) / (9 pi^2) + O(s-hat): the coefficient of the
    /// logarithm is checked to 8% (2e4 points, the same at both energies; with 1e6 points in a release build
    /// darkz finds sigma/(G_F^2 alpha s-hat) = (ln(s-hat/m^2) - 2.65)/(9 pi^2) from 1e4 to 1e8 m^2, the slope
    /// within 2%). V and A agree there (chirality) and the V-A interference integrates to zero.
    @Test func leadingLogarithm() {
        let integrand = TridentIntegrand(muonMass: Self.muonMass)
        let rng = gsl_rng_alloc(gsl_rng_mt19937)!
        defer { gsl_rng_free(rng) }
        let n = 20000
        let points = (0..<n).map { _ in (gsl_rng_uniform_pos(rng), gsl_rng_uniform_pos(rng), gsl_rng_uniform_pos(rng), gsl_rng_uniform_pos(rng)) }
        let m2 = Self.muonMass * Self.muonMass
        // sigma / (G_F^2 alpha s-hat) = 2 e^2 x estimate / (alpha s-hat) = 8 pi x estimate / s-hat
        func sigma(_ r: Double) -> (vv: Double, aa: Double, va: Double) {
            var v = 0.0, a = 0.0, va = 0.0
            for u in points {
                guard let s = integrand.sample(sHat: r * m2, u: u) else { continue }
                v += s.weight * s.pieces.vv; a += s.weight * s.pieces.aa; va += s.weight * s.pieces.va
            }
            let norm = 8 * Double.pi / (r * m2) / Double(n)
            return (v * norm, a * norm, va * norm)
        }
        let low = sigma(1e4), high = sigma(1e7)
        let slope = (high.vv - low.vv) / log(1000)
        let expected = 1 / (9 * Double.pi * Double.pi)
        #expect(abs(slope / expected - 1) < 0.08, "slope \(slope) vs \(expected)")
        #expect(abs(high.aa / high.vv - 1) < 0.02)
        #expect(abs(high.va / high.vv) < 0.03)
    }

    // MARK: Tables

    /// The stored table is what the generator gives: a fresh run with other random numbers agrees
    /// within its statistical error (at most 4% here).
    @Test func tableReproducedByGenerator() throws {
        let scattering = try NeutrinoScatteringInputs(contentsOf: FlavorFixtures.root + "/data/neutrino_scattering.csv")
        let masses = [0.01, 0.1, 1.0]
        let fresh = try TridentTable.generate(neutrinoEnergy: scattering.value("ccfr_neutrino_energy"),
                                              formFactor: scattering.helm(massNumber: scattering.value("ccfr_target_A")),
                                              muonMass: Self.muonMass, masses: masses, events: 16000, seed: 99)
        for (k, m) in masses.enumerated() {
            let stored = Self.ccfr.moments(mass: m)!
            #expect(abs(fresh.s1vv[k] / stored.s1.0 - 1) < max(0.04, 4 * fresh.errS1vv[k]))
            #expect(abs(fresh.s2vv[k] / stored.s2.0 - 1) < max(0.06, 4 * fresh.errS2vv[k]))
        }
        #expect(abs(fresh.s0aa / Self.ccfr.table.s0aa - 1) < 0.03)
        // stored precision
        for t in [Self.ccfr.table, Self.charm2.table] {
            #expect(t.errS1vv.max()! < 0.01 && t.errS2vv.max()! < 0.02)
        }
    }

    // MARK: Limits of ref. [59] (L_mu - L_tau: g_nu = v_mu = g', a_mu = 0)

    static func lMuLTau(_ t: NeutrinoTrident, mass: Double, g: Double) -> Double {
        t.ratio(mass: mass, neutrinoCoupling: g, muon: ChiralCoupling(vector: g, axial: 0))!
    }

    /// The CCFR 95% CL bound on g' (ratio = 0.82 + 1.96 x 0.28) by bisection.
    static func ccfrBound(mass: Double) -> Double {
        let limit = 0.82 + 1.959964 * 0.28
        var lo = 1e-6, hi = 1.0
        for _ in 0..<100 {
            let mid = (lo * hi).squareRoot()
            if lMuLTau(ccfr, mass: mass, g: mid) > limit { hi = mid } else { lo = mid }
        }
        return lo
    }

    /// For M^2 >> Q^2 the ratio is the heavy-Z' form of ref. [59], [(1 + 4 s_W^2 + 2 g'^2 v^2/M^2)^2 + 1]/
    /// [(1 + 4 s_W^2)^2 + 1] with v = (sqrt 2 G_F)^(-1/2) = 246 GeV, up to the muon-mass difference of the V and
    /// A pieces (s0_aa != 1) and <Q^2>/M^2; CCFR then requires M/g' > 5.4e2 GeV at 95% CL.
    @Test func heavyZPrimeLimit() {
        let s2 = FlavorFixtures.inputs.sin2ThetaW
        let v2 = 1 / (2.0.squareRoot() * FlavorFixtures.inputs.fermiConstant)
        let mass = 100.0, g = mass / 550
        let heavy = (pow(1 + 4 * s2 + 2 * g * g * v2 / (mass * mass), 2) + 1) / (pow(1 + 4 * s2, 2) + 1)
        let r = Self.lMuLTau(Self.ccfr, mass: mass, g: g)
        #expect(abs(r / heavy - 1) < 0.01, "\(r) vs \(heavy)")
        let bound = Self.ccfrBound(mass: mass)
        #expect(mass / bound > 530 && mass / bound < 545, "M/g' = \(mass / bound)")
    }

    /// Ref. [59]'s abstract: trident data "disfavor a putative resolution to the muon g-2 discrepancy via the
    /// loop of Z' for any mass m_Z' >~ 400 MeV". darkz's CCFR 95% CL curve crosses the lower edge of the 2 sigma
    /// g-2 band of that time, Delta a_mu = (287 - 2 x 80) x 1e-11 (Davier et al. 2011), between 350 and 450 MeV;
    /// below ~150 MeV even the central value is allowed.
    @Test func lMuLTauGMinus2Crossing() {
        func gForGMinus2(_ mass: Double, _ deltaA: Double) -> Double {
            let loop = MuonAnomalousMoment.loopIntegrals(muonMass: Self.muonMass, mZD: mass).vector
            return (deltaA / loop).squareRoot()
        }
        #expect(Self.ccfrBound(mass: 0.35) > gForGMinus2(0.35, 127e-11))
        #expect(Self.ccfrBound(mass: 0.45) < gForGMinus2(0.45, 127e-11))
        #expect(Self.ccfrBound(mass: 0.1) > gForGMinus2(0.1, 287e-11))
        #expect(Self.ccfrBound(mass: 0.2) < gForGMinus2(0.2, 287e-11))
    }

    /// A light mediator is less constrained than the heavy form suggests (M/g' = 88 GeV at 100 MeV
    /// instead of 540 GeV); the CCFR bound on g' is pinned at 10 MeV (8.7e-4) and 1 GeV (2.7e-3).
    @Test func lMuLTauLightBound() {
        let b10 = Self.ccfrBound(mass: 0.01), b100 = Self.ccfrBound(mass: 0.1), b1000 = Self.ccfrBound(mass: 1)
        #expect(b10 < b100 && b100 < b1000)
        #expect(b10 > 8.2e-4 && b10 < 9.2e-4, "\(b10)")
        #expect(b1000 > 2.55e-3 && b1000 < 2.9e-3, "\(b1000)")
    }

    // MARK: The paper's statements (case C, Fig. 13; eps = eps_Z = 1e-4)

    static func caseC(_ mass: Double, _ gMu: Double) -> DarkBosonParameters {
        DarkBosonParameters(modelCase: .C, mZD: mass, epsilon: 1e-4, epsilonZ: 1e-4, gMu: gMu)
    }

    static func ratio(_ t: NeutrinoTrident, _ p: DarkBosonParameters) -> Double {
        t.ratio(FlavorFixtures.model.point(p))!
    }

    /// Trident depends on the sign of eps_Z g_mu: the Z_D adds g_nu v_mu/(sqrt 2 G_F (M^2 + Q^2)) to
    /// G_V = 1/2 + 2 s_W^2 > 0, constructive for eps_Z g_mu > 0 and destructive for eps_Z g_mu < 0 (the sign
    /// darkz needs for delta C9 < 0 with a light Z_D, docs/physics.md §2).
    @Test func signOfEpsilonZTimesGMu() {
        let plus = Self.ratio(Self.ccfr, Self.caseC(0.15, 0.02)), minus = Self.ratio(Self.ccfr, Self.caseC(0.15, -0.02))
        #expect(plus > 1 && minus < 1)
    }

    /// Fig. 13 with the paper's sign (constructive, darkz's g_mu > 0): CCFR excludes the best fit (30.2 MeV,
    /// g_mu = 0.033) and g_mu > 0.021 at 10 MeV, while the window 100-200 MeV, g_mu = 0.015-0.035 survives
    /// (darkz's 95% CL bounds: 0.036 at 100 MeV, 0.043 at 150 MeV, 0.050 at 200 MeV), as the paper says.
    @Test func caseCConstructive() {
        let limit = 0.82 + 1.959964 * 0.28
        #expect(Self.ratio(Self.ccfr, Self.caseC(0.0302, 0.033)) > limit)
        for mass in [0.1, 0.15, 0.2] { #expect(Self.ratio(Self.ccfr, Self.caseC(mass, 0.035)) < limit) }
        let bound10 = Self.gMuBound(mass: 0.01, sign: 1), bound150 = Self.gMuBound(mass: 0.15, sign: 1)
        #expect(bound10 > 0.019 && bound10 < 0.023, "\(bound10)")
        #expect(bound150 > 0.040 && bound150 < 0.047, "\(bound150)")
    }

    /// The paper recasts the L_mu - L_tau curve with (g')^2 -> g eps_Z g_mu/(4 c_W). The amplitude is
    /// proportional to g_nu v_mu with g_nu = (g/c_W) eps_Z/2 (the nu_L coupling, as g' is for L_mu - L_tau),
    /// i.e. (g')^2 -> g eps_Z g_mu/(2 c_W): darkz's direct case-C bound equals its own L_mu - L_tau curve recast
    /// that way (to 1%), and is half of what the paper's recast gives.
    @Test func recastFactorOfTwo() {
        let gz = FlavorFixtures.inputs.weakCoupling / FlavorFixtures.inputs.cosThetaW
        for mass in [0.03, 0.15, 0.5] {
            let gPrime = Self.ccfrBound(mass: mass)
            let darkzRecast = gPrime * gPrime / (gz * 1e-4 / 2), paperRecast = gPrime * gPrime / (gz * 1e-4 / 4)
            let direct = Self.gMuBound(mass: mass, sign: 1)
            #expect(abs(direct / darkzRecast - 1) < 0.01, "\(direct) vs \(darkzRecast)")
            #expect(abs(paperRecast / direct - 2) < 0.03)
        }
    }

    /// The b -> s preferred sign in darkz (g_mu < 0 with eps_Z > 0): destructive interference; the ratio first
    /// falls below 1 (towards the measured 0.82) and the 95% CL upper edge needs Delta G_V ~ -2 G_V, so the bound
    /// on |g_mu| is ~4 times weaker: 0.16 at 150 MeV (pinned), and the paper's window survives.
    @Test func caseCDestructive() {
        let bound150 = Self.gMuBound(mass: 0.15, sign: -1)
        #expect(bound150 > 3 * Self.gMuBound(mass: 0.15, sign: 1))
        #expect(bound150 > 0.14 && bound150 < 0.18, "\(bound150)")
        #expect(Self.ratio(Self.ccfr, Self.caseC(0.15, -0.03)) < 0.82 + 1.959964 * 0.28)
        // the paper's best fit with darkz's sign is not excluded by CCFR
        #expect(Self.ratio(Self.ccfr, Self.caseC(0.0302, -0.033)) < 0.82 + 1.959964 * 0.28)
    }

    /// |g_mu| at which the CCFR ratio reaches its 95% CL upper edge (case C, eps = eps_Z = 1e-4).
    static func gMuBound(mass: Double, sign: Double) -> Double {
        let limit = 0.82 + 1.959964 * 0.28
        var lo = 1e-5, hi = 3.0
        for _ in 0..<80 {
            let mid = (lo * hi).squareRoot()
            if ratio(ccfr, caseC(mass, sign * mid)) > limit { hi = mid } else { lo = mid }
        }
        return lo
    }

    /// CHARM-II (1.58 +- 0.64) is weaker than CCFR everywhere on the case-C plane.
    @Test func charm2WeakerThanCCFR() {
        for mass in [0.03, 0.15, 0.5] {
            let p = Self.caseC(mass, Self.gMuBound(mass: mass, sign: 1))
            let pull = (Self.ratio(Self.charm2, p) - 1.58) / 0.64
            #expect(pull < 1.96)
        }
    }
}
