import DataFiles
import Foundation
import Numerics
import Testing
@testable import Flavor

/// The full Z_D propagator in off-shell exchange (issue #11 item 1, docs/physics.md §2 "The longitudinal
/// Z_D"): the timelike coefficient delta C10P against an explicit contraction, the pseudoscalar
/// amplitude against flavio 2.7.1 (Tests/Fixtures/flavio/pseudoscalar_points.csv), and B_s -> mu mu.
@Suite("Longitudinal Z_D in off-shell exchange")
struct LongitudinalZDTests {
    static let model = FlavorFixtures.model

    /// Minkowski product, metric (+, -, -, -).
    static func dot(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> Double {
        a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]
    }

    /// The quark current J (any vector), the lepton axial current L and the Z_D momentum q contracted
    /// explicitly through the vertex F_0 gamma^mu + F_2 (q^2 gamma^mu - q^mu q-slash) and the unitary-gauge
    /// propagator (g_{mu nu} - q_mu q_nu / M^2)/D with the lepton's axial coupling, against darkz's
    /// -N [delta C10 J.L + (delta C10P - delta C10) (q.J)(q.L)/q^2]: the helicity split of g_{mu nu}
    /// into J = 1 and timelike parts, with C10 on the first and C10P on the second. Exact algebra:
    /// agreement to rounding (1e-12 relative).
    @Test(arguments: [(0.03, 1.0), (0.3, 0.05), (1.2, 4.0), (0.01, 28.8)])
    func timelikeCoefficientIsTheExplicitContraction(mass: Double, q2: Double) {
        let p = DarkBosonParameters(modelCase: .B, mZD: mass, epsilon: 3e-4, epsilonZ: 2e-4, gMu: 0.01)
        let point = Self.model.point(p)
        let w = point.wilsonCoefficients(q2: q2, lepton: .muon)
        let f0 = point.penguin.e0ZLeft * p.epsilonZ, f2 = point.penguin.e2ALeft * p.epsilon + point.penguin.e2ZLeft * p.epsilonZ
        let a = point.couplings.muon.axial
        let d = Complex<Double>(q2 - mass * mass, mass * point.widths.total)
        // q timelike with q^2 as given; J and L arbitrary (not along q).
        let qz = 0.7, q = SIMD4<Double>((q2 + 0.05 + qz * qz).squareRoot(), 0.2, -0.1, qz)
        let q2Used = Self.dot(q, q)
        let j = SIMD4<Double>(1.3, -0.4, 0.9, 0.25), l = SIMD4<Double>(-0.6, 1.1, 0.3, -0.8)
        let qj = Self.dot(q, j), ql = Self.dot(q, l), jl = Self.dot(j, l)
        // vertex V = F_0 J + F_2 (q^2 J - q (q.J)); amplitude a [V.L - (q.V)(q.L)/M^2] / D
        let vl = f0 * jl + f2 * (q2Used * jl - qj * ql)
        let qv = f0 * qj  // the F_2 part is transverse: q.(q^2 J - q q.J) = 0
        let explicit = (vl - qv * (ql / (mass * mass))) * a / d
        let darkz = -point.normalization * (w.c10 * jl + (w.c10Timelike - w.c10) * (qj * ql / q2Used))
        #expect((explicit - darkz).length < 1e-12 * explicit.length, "\(explicit) vs \(darkz)")
        // and the pieces: delta C10 = -F a/(N D), delta C10P = -F_0 a (1 - q^2/M^2)/(N D)
        #expect((w.c10 + (f0 + f2 * q2) * a / (point.normalization * d)).length < 1e-12 * w.c10.length)
    }

    /// No pole in the timelike coefficient: delta C10P = F_0 a/(N M^2) (1 - i M Gamma/D) is smooth through
    /// q^2 = M^2 (the q q/M^2 term cancels the g term's pole), and `PoleShift.timelike` is its constant.
    @Test func timelikeCoefficientHasNoPole() {
        let p = DarkBosonParameters(modelCase: .C, mZD: 0.5, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.03)
        let point = Self.model.point(p)
        let shift = point.poleShift(lepton: .muon)
        let constant = Complex(shift.timelike[0], shift.timelike[1])
        for q2 in [0.2499, 0.25, 0.2501, 1.0, 6.0] {
            let w = point.wilsonCoefficients(q2: q2, lepton: .muon)
            // |1 - i M Gamma / D| - 1 is at most M Gamma / |D| <= 1 at the pole; Gamma/M ~ 1e-9 here
            #expect((w.c10Timelike - constant).length <= constant.length * 1.0000001)
            #expect((shift.shifts(q2: q2).c10Timelike - w.c10Timelike).length < 1e-12 * constant.length)
        }
        // away from the pole the difference is M Gamma/|q^2 - M^2| (1.0e-6 at q^2 = 6 for this point)
        let far = point.wilsonCoefficients(q2: 6, lepton: .muon).c10Timelike
        let bound = p.mZD * point.widths.total / (6 - p.mZD * p.mZD)
        #expect((far - constant).length < 1.0001 * bound * constant.length && bound < 2e-6)
    }

    /// flavio's H_P = i sqrt(lambda)/2 [m_b C_P/(m_b + m_s) + 2 m_l C10/q^2] A0 (angular.helicity_amps_v;
    /// O_P with m_b) is darkz's (2 m_l/q^2) C10P with C10P = C10 + r q^2 C_P/(2 m_l), r = m_b/(m_b + m_s)
    /// (darkz's amplitudes set m_s = 0 elsewhere; here r is put in to compare the amplitude itself). For
    /// B -> X_s mu mu flavio's f_ll has 6 mlh Re(C_P' C10*) + 3/2 sh |C_P'|^2 with C_P' = m_b(mu) C_P and
    /// m_b the pole mass in mlh, sh: darkz's 6 m^2/sh |C10P|^2 with C10P = C10 + (m_b(mu)/m_b^pole) q^2 C_P/(2 m_l).
    /// darkz multiplies all of C10P by the bremsstrahlung factor 1 + alpha_s/pi sigma9 (0.93 at q^2 = 6),
    /// flavio only its C10: the inclusive NP effect may differ by 12% of itself.
    /// NP/SM of dB/dq^2 at the fixture's points for pseudoscalar shifts: darkz's rates agree with flavio's
    /// to about 1% in the SM and for C9, C10 shifts (SemileptonicRatioTests); the ratios here move by up
    /// to a few % at low q^2, and we require the NP effect (ratio - 1) to agree within 5% of itself plus
    /// 2e-3 absolute (flavio's QCDF corrections and the inclusive's power corrections differ).
    @Test func pseudoscalarShiftsAgreeWithFlavio() throws {
        let rows = try Self.pseudoscalarRows()
        let rates = FlavorFixtures.rates, inputs = FlavorFixtures.inputs
        let mMu = inputs.massMuon
        let r = try Self.bottomOverBottomPlusStrange()
        let inclusive = try Self.bottomMSbarOverPole()
        var compared = 0
        for row in rows where row.observable != "BR(Bs->mumu)" {
            let decay: SemileptonicDecay = switch row.observable {
            case "dBR/dq2(B0->K*mumu)": .bZeroToKStarZero
            case "dBR/dq2(B+->Kmumu)": .bPlusToKPlus
            case "dBR/dq2(Bs->phimumu)": .bsToPhi
            default: .bToXs
            }
            if decay == .bToXs && row.q2 < 1 { continue }  // outside the inclusive expansion (both tools)
            let node = rates.coefficients(decay, lepton: .muon, q2: row.q2)
            let weight = decay == .bToXs ? inclusive : r
            let dC10 = Complex(row.dC10, 0), dC10P = Complex(row.dC10 + weight * row.q2 * row.cp / (2 * mMu), 0)
            let ours = node.dBdq2(deltaC9: .zero, deltaC10: dC10, deltaC10Timelike: dC10P) / node.standardModel
            let relative = decay == .bToXs ? 0.12 : 0.05
            #expect(abs((ours - 1) - (row.ratio - 1)) < relative * abs(row.ratio - 1) + 2e-3,
                    "\(row.observable) q2 = \(row.q2) (dC10, CP) = (\(row.dC10), \(row.cp)): darkz \(ours), flavio \(row.ratio)")
            compared += 1
        }
        #expect(compared == 66)
    }

    /// B(B_s -> mu mu)/SM = |C10 + delta C10P(M_Bs^2)|^2/|C10|^2 against flavio's |P|^2/|P_SM|^2 with a
    /// pseudoscalar shift, P = C10 + M_Bs^2/(2 m_mu) r C_P: the same amplitude, so only C10_SM differs
    /// (darkz's -4.19 at 4.8 GeV vs flavio's own; 1% on the ratio allowed).
    @Test func bsToMuMuPseudoscalarAgreesWithFlavio() throws {
        let rows = try Self.pseudoscalarRows().filter { $0.observable == "BR(Bs->mumu)" }
        #expect(rows.count == 3)
        let c10 = try StandardModelWilsonCoefficients(
            contentsOf: FlavorFixtures.root + "/data/" + StandardModelWilsonCoefficients.fileName,
            scale: FlavorFixtures.inputs.value("mu_bsll")).c10
        let mBs = try FlavorFixtures.inputs.value("m_Bs"), mMu = FlavorFixtures.inputs.massMuon
        let r = try Self.bottomOverBottomPlusStrange()
        for row in rows {
            let p = c10 + row.dC10 + mBs * mBs / (2 * mMu) * r * row.cp
            #expect(abs(p * p / (c10 * c10) / row.ratio - 1) < 0.01, "darkz \(p * p / (c10 * c10)), flavio \(row.ratio)")
        }
    }

    /// B_s -> mu mu with a light Z_D: delta C10P(M_Bs^2) = F_0 a (M_Bs^2/M^2 - 1)/(N D) grows as
    /// eps_Z^2/M^2 (F_0 and a_mu are both proportional to eps_Z in case A with eps = 0); the ratio
    /// delta C10P M^2/eps_Z^2 is constant to M^2/M_Bs^2 < 1e-4 here.
    @Test func bsToMuMuGrowsAsEpsilonZSquaredOverMassSquared() throws {
        let mBs = try FlavorFixtures.inputs.value("m_Bs")
        func scaled(_ m: Double, _ epsZ: Double) -> Complex<Double> {
            let point = Self.model.point(DarkBosonParameters(modelCase: .A, mZD: m, epsilonZ: epsZ))
            return point.wilsonCoefficients(q2: mBs * mBs, lepton: .muon).c10Timelike * (m * m / (epsZ * epsZ))
        }
        let reference = scaled(0.01, 1e-4)
        for (m, e) in [(0.02, 1e-4), (0.01, 3e-4), (0.05, 2e-5)] {
            #expect((scaled(m, e) - reference).length < 1e-4 * reference.length)
        }
        // and it is delta C10 at q^2 = 0 (the statement), to M Gamma and M^2/M_Bs^2 corrections
        let point = Self.model.point(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033))
        let atZero = point.wilsonCoefficients(q2: 0, lepton: .muon).c10
        let timelike = point.wilsonCoefficients(q2: mBs * mBs, lepton: .muon).c10Timelike
        #expect((timelike - atZero).length < 1e-4 * atZero.length)
    }

    struct PseudoscalarRow {
        let observable: String
        let q2, dC10, cp, ratio: Double
    }

    static func pseudoscalarRows() throws -> [PseudoscalarRow] {
        let csv = try CSVTable(contentsOf: FlavorFixtures.root + "/Tests/Fixtures/flavio/pseudoscalar_points.csv")
        return try csv.rows.map { row in
            PseudoscalarRow(observable: try csv.text(row, "observable"), q2: try csv.optionalNumber(row, "q2") ?? 0,
                            dC10: try csv.number(row, "dC10"), cp: try csv.number(row, "CP"), ratio: try csv.number(row, "ratio"))
        }
    }

    /// m_b(mu_bxsll) (MSbar, leading-order running from m_b(m_b)) over the pole mass m_b_pole.
    static func bottomMSbarOverPole() throws -> Double {
        let inputs = FlavorFixtures.inputs, alphaS = try StrongCoupling(inputs: inputs)
        return inputs.massBottom * alphaS.massRatio(from: inputs.massBottom, to: try inputs.value("mu_bxsll"))
            / (try inputs.value("m_b_pole"))
    }

    /// m_b/(m_b + m_s) at mu_bsll from the inputs (m_s(2 GeV), m_b(m_b), leading-order running).
    static func bottomOverBottomPlusStrange() throws -> Double {
        let inputs = FlavorFixtures.inputs, alphaS = try StrongCoupling(inputs: inputs)
        let mu = try inputs.value("mu_bsll")
        let mb = inputs.massBottom * alphaS.massRatio(from: inputs.massBottom, to: mu)
        let ms = inputs.massStrange * alphaS.massRatio(from: 2, to: mu)
        return mb / (mb + ms)
    }
}
