import Foundation
import Numerics
import Testing
@testable import Flavor

/// Eq. 4.27 (docs/physics.md §6): darkz's closed form against an explicit Dirac-matrix spin sum, the soft
/// (eikonal) limit, and the equation as printed in the paper.
@Suite("Radiative P -> mu nu Z_D: squared amplitude (eq. 4.27)")
struct RadiativeAmplitudeTests {
    static let kaon = try! RadiativeLeptonicDecay(.kaon, inputs: FlavorFixtures.inputs)
    static let pion = try! RadiativeLeptonicDecay(.pion, inputs: FlavorFixtures.inputs)

    /// Four-momenta in the meson rest frame for energies (E_mu, E_nu) inside the Dalitz region: muon
    /// along z, neutrino in the x-z plane at the angle fixed by p_D^2 = M^2.
    static func momenta(_ d: RadiativeLeptonicDecay, muonEnergy e: Double, neutrinoEnergy n: Double, mass M: Double)
        -> (k: TraceVector, p: TraceVector, q: TraceVector, pD: TraceVector) {
        let mP = d.mesonMass, m = d.muonMass
        let pMu = (e * e - m * m).squareRoot(), eD = mP - e - n
        let cosine = (eD * eD - M * M - pMu * pMu - n * n) / (2 * pMu * n)
        precondition(abs(cosine) <= 1 + 1e-12, "outside the Dalitz region")
        let c = min(1, max(-1, cosine)), s = (1 - c * c).squareRoot()
        let k = TraceVector(t: mP, x: 0, y: 0, z: 0)
        let p = TraceVector(t: e, x: 0, y: 0, z: pMu)
        let q = TraceVector(t: n, x: n * s, y: 0, z: n * c)
        return (k, p, q, k - p - q)
    }

    /// sum |M|^2 by explicit 4x4 traces: M = (G_F V f/sqrt 2) u-bar(q) k-slash (1 - g5) (-Q-slash + m)/(Q^2 - m^2)
    /// gamma^beta (v + a g5) v(p) eps*_beta, summed with (q-slash) (p-slash - m) and -g + p_D p_D / M^2.
    static func diracSpinSum(_ d: RadiativeLeptonicDecay, muonEnergy e: Double, neutrinoEnergy n: Double, mass M: Double,
                             coupling c: ChiralCoupling) -> Double {
        let (k, p, q, pD) = momenta(d, muonEnergy: e, neutrinoEnergy: n, mass: M)
        let m = d.muonMass, one = TraceMatrix.identity, g5 = TraceMatrix.gamma5
        let bigQ = p + pD
        let propagator = (1 / (bigQ.dot(bigQ) - m * m)) * (m * one - TraceMatrix.slash(bigQ))
        let vertex = c.vector * one + c.axial * g5
        let left = TraceMatrix.slash(k) * (one - g5) * propagator
        let currents = (0..<4).map { left * TraceMatrix.gamma[$0] * vertex }
        let bars = currents.map(\.bar)
        let qSlash = TraceMatrix.slash(q), pMinusM = TraceMatrix.slash(p) - m * one
        var sum = Complex<Double>.zero
        for beta in 0..<4 {
            for alpha in 0..<4 {
                let metric = alpha == beta ? (alpha == 0 ? 1.0 : -1.0) : 0
                let polarisation = -metric + pD.lower(beta) * pD.lower(alpha) / (M * M)
                guard polarisation != 0 else { continue }
                sum += (qSlash * currents[beta] * pMinusM * bars[alpha]).trace * polarisation
            }
        }
        #expect(abs(sum.imaginary) <= 1e-9 * abs(sum.real))
        return sum.real * d.normalization / 2
    }

    @Test(arguments: [ChargedPseudoscalar.kaon, .pion])
    func closedFormEqualsExplicitDiracTraces(_ meson: ChargedPseudoscalar) {
        let d = meson == .kaon ? Self.kaon : Self.pion
        let masses = meson == .kaon ? [0.001, 0.03, 0.15, 0.35] : [0.0005, 0.004, 0.02, 0.032]
        let couplings = [ChiralCoupling(vector: 1, axial: 0), ChiralCoupling(vector: 0, axial: 1),
                         ChiralCoupling(vector: 1, axial: 1), ChiralCoupling(vector: 0.3, axial: -0.7)]
        for M in masses {
            let eRange = d.muonEnergyRange(mass: M)!
            for fe in [0.13, 0.5, 0.91] {
                let e = eRange.lowerBound + fe * (eRange.upperBound - eRange.lowerBound)
                let nRange = d.neutrinoEnergyRange(muonEnergy: e, mass: M)!
                for fn in [0.05, 0.6, 0.97] {
                    let n = nRange.lowerBound + fn * (nRange.upperBound - nRange.lowerBound)
                    for c in couplings {
                        let closed = d.squaredAmplitude(muonEnergy: e, neutrinoEnergy: n, mass: M, coupling: c)
                        let traced = Self.diracSpinSum(d, muonEnergy: e, neutrinoEnergy: n, mass: M, coupling: c)
                        #expect(abs(closed / traced - 1) < 1e-9, "M \(M) E_mu \(e) E_nu \(n) v \(c.vector) a \(c.axial)")
                    }
                }
            }
        }
    }

    /// A soft vector Z_D factorises on K -> mu nu (eikonal limit, longitudinal part included):
    /// sum |M|^2 -> g^2 sum |M_0|^2 [(p.p_D)^2/M^2 - m_mu^2] / (p.p_D + M^2/2)^2, with
    /// sum |M_0|^2 = 4 G_F^2 f^2 |V|^2 [2 (q.k)(p.k) - m_K^2 q.p] the two-body spin sum (which fixes the
    /// overall normalisation that the printed eq. 4.27 has a factor 2 below).
    @Test func softVectorEmissionFactorisesOnTheTwoBodyDecay() {
        let d = Self.kaon, mK = d.mesonMass, m = d.muonMass, M = 1e-5
        let eMu2 = (mK * mK + m * m) / (2 * mK), eNu2 = (mK * mK - m * m) / (2 * mK)
        for (de, dn) in [(0.0004, 0.0004), (0.0006, 0.0003), (0.0002, 0.0007)] {
            let e = eMu2 - de, n = eNu2 - dn, eD = mK - e - n
            #expect(d.neutrinoEnergyRange(muonEnergy: e, mass: M)!.contains(n))
            let qk = mK * n, pk = mK * e, qp = (mK * mK - 2 * mK * eD + M * M - m * m) / 2
            let q2 = mK * mK - 2 * mK * n, ppD = (q2 - m * m - M * M) / 2
            let twoBody = 4 * d.normalization * (2 * qk * pk - mK * mK * qp)
            let eikonal = twoBody * (ppD * ppD / (M * M) - m * m) / ((ppD + M * M / 2) * (ppD + M * M / 2))
            let full = d.squaredAmplitude(muonEnergy: e, neutrinoEnergy: n, mass: M, coupling: ChiralCoupling(vector: 1, axial: 0))
            #expect(abs(full / eikonal - 1) < 1e-5)
        }
    }

    /// Eq. 4.27 exactly as printed (M_K read as m_K), split by chiral couplings.
    static func printedEquation427(_ d: RadiativeLeptonicDecay, muonEnergy eMu: Double, neutrinoEnergy eNu: Double,
                                   mass M: Double) -> ChiralQuadraticForm {
        let mK = d.mesonMass, m = d.muonMass, mK2 = mK * mK, m2 = m * m, M2 = M * M
        let q2 = mK2 - 2 * mK * eNu, eD = mK - eMu - eNu
        let common = d.normalization / ((q2 - m2) * (q2 - m2) * M2)
        let left = q2 * q2 * (2 * eMu * mK * (m2 + M2 - q2) - 2 * eD * mK * M2 - mK2 * m2 + mK2 * q2 - m2 * m2 + m2 * q2
                              + 2 * M2 * M2 - m2 * M2 - M2 * q2)
        let interference = 6 * m2 * M2 * q2 * (q2 - mK2)
        let right = m2 * (-2 * eMu * mK2 * mK * (m2 + M2 - q2)
                          + 2 * eD * (eNu * M2 * (mK2 - q2) + mK2 * mK * (q2 - m2) + mK * q2 * (m2 + M2 - q2))
                          + mK2 * mK2 * m2 + mK2 * mK2 * M2 - mK2 * mK2 * q2 + mK2 * m2 * m2 - mK2 * m2 * q2
                          - 3 * mK2 * M2 * M2 + 2 * mK2 * m2 * M2 + M2 * M2 * q2 - m2 * M2 * q2)
        return common * ChiralQuadraticForm(left: left, right: right, interference: interference)
    }

    /// The printed eq. 4.27 against darkz: its g_L^2 and g_L g_R parts are exactly half of darkz's; its
    /// g_R^2 part is half of darkz's plus m^2 M^2 (m_K^2 - Q^2) [2 E_D E_nu + (m_K^2 + m^2 - M^2 - 2 m_K E_mu)]
    /// (times the common prefactor): the printed term 2 E_D E_nu M^2 (m_K^2 - Q^2) should read
    /// -M^2 (m_K^2 - Q^2)(m_K^2 + m_mu^2 - M^2 - 2 m_K E_mu) = -M^2 (m_K^2 - Q^2) 2 q.p_D.
    @Test func printedEquationDiffersByAFactorTwoAndOneTerm() {
        let d = Self.kaon, mK = d.mesonMass, m = d.muonMass
        for M in [0.005, 0.1, 0.3] {
            let eRange = d.muonEnergyRange(mass: M)!
            for fe in [0.2, 0.7] {
                let e = eRange.lowerBound + fe * (eRange.upperBound - eRange.lowerBound)
                let nRange = d.neutrinoEnergyRange(muonEnergy: e, mass: M)!
                for fn in [0.3, 0.8] {
                    let n = nRange.lowerBound + fn * (nRange.upperBound - nRange.lowerBound)
                    let ours = d.squaredAmplitudeTerms(muonEnergy: e, neutrinoEnergy: n, mass: M)
                    let printed = Self.printedEquation427(d, muonEnergy: e, neutrinoEnergy: n, mass: M)
                    #expect(abs(printed.left / ours.left - 0.5) < 1e-12)
                    #expect(abs(printed.interference / ours.interference - 0.5) < 1e-12)
                    let q2 = mK * mK - 2 * mK * n, eD = mK - e - n
                    let common = d.normalization / ((q2 - m * m) * (q2 - m * m) * M * M)
                    let extra = common * m * m * M * M * (mK * mK - q2) * (2 * eD * n + mK * mK + m * m - M * M - 2 * mK * e)
                    #expect(abs((printed.right - extra) / (0.5 * ours.right) - 1) < 1e-9)
                }
            }
        }
    }

    /// g_L = v - a is the left-chiral coupling: for the mixing part of the muon coupling it is the
    /// left-handed Z coupling (g/c_W) eps_Z (-1/2 + s_W^2) - e eps; g_R = (g/c_W) eps_Z s_W^2 - e eps.
    @Test func chiralCouplingsOfTheMixing() {
        let inputs = FlavorFixtures.inputs
        let p = DarkBosonParameters(modelCase: .A, mZD: 0.01, epsilon: 1e-3, epsilonZ: 2e-3)
        let c = DarkBosonCouplings(p, inputs: inputs).muon
        let gz = inputs.weakCoupling / inputs.cosThetaW, e = inputs.electricCharge, s2 = inputs.sin2ThetaW
        #expect(abs(c.left - (gz * 2e-3 * (-0.5 + s2) - e * 1e-3)) < 1e-15)
        #expect(abs(c.right - (gz * 2e-3 * s2 - e * 1e-3)) < 1e-15)
        let form = ChiralQuadraticForm(left: 2, right: 3, interference: 5)
        #expect(abs(form.value(c) - (2 * c.left * c.left + 3 * c.right * c.right + 5 * c.left * c.right)) < 1e-20)
    }
}
