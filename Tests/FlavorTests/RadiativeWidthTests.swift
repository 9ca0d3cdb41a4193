import Foundation
import Testing
@testable import Flavor

/// The width of eq. 4.28 over the Dalitz region 4.29-4.30: kinematic limits, the two orders of
/// integration, muon-energy windows, coupling scaling, the two-body normalisation and pinned values.
@Suite("Radiative P -> mu nu Z_D: width (eqs. 4.28-4.30)")
struct RadiativeWidthTests {
    static let kaon = RadiativeAmplitudeTests.kaon
    static let pion = RadiativeAmplitudeTests.pion
    static let vector = ChiralCoupling(vector: 1, axial: 0)
    static let axial = ChiralCoupling(vector: 0, axial: 1)

    static func relative(_ a: ChiralQuadraticForm, _ b: ChiralQuadraticForm) -> Double {
        [abs(a.left / b.left - 1), abs(a.right / b.right - 1), abs(a.interference / b.interference - 1)].max()!
    }

    @Test func nothingAtOrAboveThreshold() {
        for d in [Self.kaon, Self.pion] {
            let top = d.mesonMass - d.muonMass
            #expect(d.muonEnergyRange(mass: top) == nil)
            for M in [top, top + 1e-6, 2 * top] {
                #expect(d.widthTerms(mass: M) == .zero)
                #expect(d.referenceWidthTerms(mass: M) == .zero)
                #expect(d.width(mass: M, coupling: Self.vector) == 0)
            }
            let justBelow = d.width(mass: top * (1 - 1e-3), coupling: Self.vector)
            #expect(justBelow > 0 && justBelow < 1e-6 * d.width(mass: top / 2, coupling: Self.vector))
        }
    }

    /// Eq. 4.30 and the boundary solved for E_mu at fixed E_nu describe the same curve.
    @Test func dalitzBoundariesAgree() {
        for (d, M) in [(Self.kaon, 0.05), (Self.kaon, 0.3), (Self.pion, 0.01)] {
            let e = d.muonEnergyRange(mass: M)!
            for f in [0.1, 0.5, 0.9] {
                let eMu = e.lowerBound + f * (e.upperBound - e.lowerBound)
                let nu = d.neutrinoEnergyRange(muonEnergy: eMu, mass: M)!
                for eNu in [nu.lowerBound, nu.upperBound] {
                    let back = d.muonEnergyRange(neutrinoEnergy: eNu, mass: M)!
                    #expect(min(abs(back.lowerBound - eMu), abs(back.upperBound - eMu)) < 1e-12)
                }
            }
        }
    }

    /// The fast order (Q^2 outside, exact E_mu inside) against nested adaptive GSL quadrature in the
    /// paper's order (E_mu outside over eq. 4.29, E_nu inside over eq. 4.30), every coupling structure,
    /// with and without the PIENU muon-energy windows.
    @Test func bothOrdersOfIntegrationAgree() {
        let cut = 0.0012
        let cases: [(RadiativeLeptonicDecay, Double, ClosedRange<Double>)] = [
            (Self.kaon, 0.0005, RadiativeLeptonicDecay.allMuonKineticEnergies),
            (Self.kaon, 0.01, RadiativeLeptonicDecay.allMuonKineticEnergies),
            (Self.kaon, 0.15, RadiativeLeptonicDecay.allMuonKineticEnergies),
            (Self.kaon, 0.38, RadiativeLeptonicDecay.allMuonKineticEnergies),
            (Self.kaon, 0.05, 0.02...0.1),
            (Self.pion, 0.001, RadiativeLeptonicDecay.allMuonKineticEnergies),
            (Self.pion, 0.001, 0...cut),
            (Self.pion, 0.001, cut...Double.infinity),
            (Self.pion, 0.02, 0...cut),
            (Self.pion, 0.02, cut...Double.infinity),
            (Self.pion, 0.033, RadiativeLeptonicDecay.allMuonKineticEnergies),
        ]
        var worst = 0.0
        defer { print("largest relative difference between the orders:", worst) }
        for (d, M, window) in cases {
            let fast = d.widthTerms(mass: M, muonKineticEnergy: window)
            let reference = d.referenceWidthTerms(mass: M, muonKineticEnergy: window)
            worst = max(worst, Self.relative(fast, reference))
            #expect(Self.relative(fast, reference) < 1e-6, "\(d.meson) M \(M) window \(window): \(fast) vs \(reference)")
        }
    }

    @Test func muonEnergyWindowsAddUp() {
        let d = Self.pion, cut = 0.0012
        for M in [0.001, 0.01, 0.025] {
            let total = d.widthTerms(mass: M)
            let sum = d.widthTerms(mass: M, muonKineticEnergy: 0...cut) + d.widthTerms(mass: M, muonKineticEnergy: cut...Double.infinity)
            #expect(Self.relative(sum, total) < 1e-8)
        }
        // Above M = m_pi - m_mu - (largest T_mu reachable) nothing is left above the cut.
        let high = d.widthTerms(mass: 0.0335, muonKineticEnergy: cut...Double.infinity)
        #expect(high == .zero)
    }

    @Test func widthIsQuadraticInTheCouplings() {
        let d = Self.kaon, M = 0.03
        let terms = d.widthTerms(mass: M)
        for c in [ChiralCoupling(vector: 1e-3, axial: 0), ChiralCoupling(vector: -2e-4, axial: 5e-4)] {
            let w = d.width(mass: M, coupling: c)
            #expect(abs(w / terms.value(c) - 1) < 1e-12)
            let scaled = d.width(mass: M, coupling: ChiralCoupling(vector: 7 * c.vector, axial: 7 * c.axial))
            #expect(abs(scaled / (49 * w) - 1) < 1e-12)
        }
        // A pure left (right) coupling has only the g_L^2 (g_R^2) term; flipping the axial sign swaps them.
        let left = d.width(mass: M, coupling: ChiralCoupling(vector: 0.5, axial: -0.5))
        let right = d.width(mass: M, coupling: ChiralCoupling(vector: 0.5, axial: 0.5))
        #expect(abs(left / terms.left - 1) < 1e-12 && abs(right / terms.right - 1) < 1e-12)
        #expect(terms.left > 0 && terms.right > 0 && terms.interference < 0)
    }

    /// Tree-level Gamma(P -> mu nu): B(K -> mu nu) = 0.627 (PDG 0.6356, which includes radiative and
    /// isospin corrections and the measured f_K |V_us|), B(pi -> mu nu) = 0.9784 (PDG 0.99988; the
    /// electromagnetic correction to pi_mu2 alone is about +1.8%, Marciano-Sirlin).
    @Test func twoBodyNormalisation() {
        let bK = Self.kaon.twoBodyWidth / Self.kaon.totalWidth
        let bPi = Self.pion.twoBodyWidth / Self.pion.totalWidth
        print("B(K->mu nu) tree", bK, "B(pi->mu nu) tree", bPi)
        #expect(abs(bK / 0.6356 - 1) < 0.02)
        #expect(abs(bPi / 0.99988 - 1) < 0.025)
        #expect(abs(bK - 0.62698152561) < 1e-10 && abs(bPi - 0.97842976651) < 1e-10)
    }

    /// Pinned values of B(K -> mu nu Z_D)/g^2 and R(pi)/g^2 for unit vector and axial couplings.
    /// An independent scipy implementation of the same formula (dblquad-free: Q^2 outside, E_mu exact)
    /// gave B_K/g^2 = 9.0652 (vector) and 9.2012 (axial) at 10 MeV, 6.1813e-2 and 8.6440e-2 at 100 MeV,
    /// R_pi/g^2 = 9.8525e-3 and 2.5589e-2 at 10 MeV.
    @Test func pinnedValues() {
        let k10 = Self.kaon.widthTerms(mass: 0.01), k100 = Self.kaon.widthTerms(mass: 0.1), p10 = Self.pion.widthTerms(mass: 0.01)
        let gK = Self.kaon.totalWidth, gPi = Self.pion.twoBodyWidth
        let values = [k10.value(Self.vector) / gK, k10.value(Self.axial) / gK, k100.value(Self.vector) / gK,
                      k100.value(Self.axial) / gK, p10.value(Self.vector) / gPi, p10.value(Self.axial) / gPi]
        print("pinned", values.map { String(format: "%.10e", $0) })
        let scipy = [9.0652, 9.2012, 6.1813e-2, 8.6440e-2, 9.8525e-3, 2.5589e-2]
        for (v, s) in zip(values, scipy) { #expect(abs(v / s - 1) < 1e-4) }
    }

    /// The printed eq. 4.27 integrated over the same region (nested GSL quadrature in the paper's order),
    /// relative to darkz's width: the factor 2 plus the misprinted g_R^2 term (up to +6% at 100 MeV).
    /// An independent scipy integration gave 0.50186, 0.53085 and 0.50470.
    @Test func printedEquationIntegratesToAboutHalf() {
        for (d, M, expected) in [(Self.kaon, 0.01, 0.50186), (Self.kaon, 0.1, 0.53085), (Self.pion, 0.01, 0.50470)] {
            let mP = d.mesonMass, m = d.muonMass, e = d.muonEnergyRange(mass: M)!
            let printed = AdaptiveQuadrature.integrate({ eMu in
                guard let nu = d.neutrinoEnergyRange(muonEnergy: eMu, mass: M) else { return 0 }
                return AdaptiveQuadrature.integrate({ s in
                    let eNu = (mP * mP - m * m - exp(s)) / (2 * mP)
                    return RadiativeAmplitudeTests.printedEquation427(d, muonEnergy: eMu, neutrinoEnergy: eNu, mass: M)
                        .value(Self.vector) * exp(s) / (2 * mP)
                }, points: [log(mP * mP - m * m - 2 * mP * nu.upperBound), log(mP * mP - m * m - 2 * mP * nu.lowerBound)],
                   relativeTolerance: 1e-11).value
            }, points: [e.lowerBound, d.collinearMuonEnergy(mass: M), e.upperBound], relativeTolerance: 1e-10).value
                / (64 * Double.pi * Double.pi * Double.pi * mP)
            let ratio = printed / d.width(mass: M, coupling: Self.vector)
            #expect(abs(ratio - expected) < 2e-5, "\(d.meson) M \(M): \(ratio)")
        }
    }
}
