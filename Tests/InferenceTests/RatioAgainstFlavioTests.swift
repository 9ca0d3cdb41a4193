import Flavor
import Foundation
import Numerics
import Testing
@testable import Inference

/// R_K and R_K* at a case-C point against flavio 2.7.1 (Tests/Fixtures/flavio/ratio_points.csv from
/// make_ratio_points.py): flavio's dBR/dq^2 at 16 Gauss-Legendre nodes per bin as quadratic forms in
/// constant (dC9, dC10) shifts, so that the bin rate of a q^2-dependent shift is sum_i w_i Q_i(shift(q_i)).
@Suite("R_K and R_K* against flavio")
struct RatioAgainstFlavioTests {
    struct Node { let q2, weight: Double; var values: [SIMD4<Double>: Double] }
    typealias Key = String  // "mode|lepton|q2min|q2max"

    static func nodes() throws -> [Key: [Int: Node]] {
        let csv = try CSVTable(contentsOf: RepositoryPaths.root + "/Tests/Fixtures/flavio/ratio_points.csv")
        var out: [Key: [Int: Node]] = [:]
        for row in csv.rows where try csv.text(row, "kind") == "dBRdq2" {
            let key = [try csv.text(row, "mode"), try csv.text(row, "lepton"), try csv.text(row, "q2_min"), try csv.text(row, "q2_max")].joined(separator: "|")
            let n = Int(try csv.number(row, "node"))
            let x = SIMD4(try csv.number(row, "dRe9"), try csv.number(row, "dIm9"), try csv.number(row, "dRe10"), try csv.number(row, "dIm10"))
            let q2 = try csv.number(row, "q2"), weight = try csv.number(row, "weight")
            var node = out[key]?[n] ?? Node(q2: q2, weight: weight, values: [:])
            node.values[x] = try csv.number(row, "value")
            out[key, default: [:]][n] = node
        }
        return out
    }

    /// flavio's quadratic form at one node, from the 15 values (the fixture header's formulas).
    static func flavio(_ node: Node, _ x: SIMD4<Double>) -> Double {
        func unit(_ k: Int) -> SIMD4<Double> { var e = SIMD4<Double>.zero; e[k] = 1; return e }
        let f0 = node.values[.zero]!
        var f = f0
        for k in 0..<4 {
            let up = node.values[unit(k)]!, down = node.values[-unit(k)]!
            f += 0.5 * (up - down) * x[k] + (0.5 * (up + down) - f0) * x[k] * x[k]
            for m in (k + 1)..<4 where m < 4 {
                let a = node.values[unit(k) + unit(m)]! - up - node.values[unit(m)]! + f0
                f += a * x[k] * x[m]
            }
        }
        return f
    }

    /// At the paper's case-C point (30.2 MeV, g_mu = -0.033, eps = eps_Z = 1e-4; the pole lies below every
    /// bin and M < 2 m_mu, so there is no on-shell term) the muon shifts vary with q^2 across each bin.
    /// Like for like (the shifts of C9, C10 at flavio's nodes, C10P moved with C10 since flavio's fixture
    /// has no pseudoscalar shift): darkz's R agrees with flavio's within 1%, the size of the rate
    /// differences that do not cancel in the ratio (darkz's NP/SM bin ratios agree with flavio's to ~1%,
    /// SemileptonicRatioTests). darkz's full prediction adds the timelike delta C10P: it moves R by less
    /// than 2% (docs/validation.md).
    @Test func caseCPointAgainstFlavio() throws {
        let nodes = try Self.nodes()
        #expect(nodes.count == 8)  // 2 modes x 2 leptons x 2 bins
        setenv("DARKZ_DATA_DIR", RepositoryPaths.root + "/data", 1)
        let model = try DarkBosonModel.standard(), rates = try SemileptonicRates.standard()
        let point = model.point(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033))
        let modes: [(String, SemileptonicDecay)] = [("B+ -> K+", .bPlusToKPlus), ("B0 -> K*0", .bZeroToKStarZero)]
        var table = "name,decay,reference,quantity,q2_min,q2_max,scale,value,err1_up,err1_down,sm,sm_err,lepton\n"
        var expected: [(darkz: Double, flavio: Double)] = []
        for (mode, decay) in modes {
            for bin in ["0.1|1.1", "1.1|6.0", "1.1|6"] {
                guard let mu = nodes["\(mode)|mu|\(bin)"], let e = nodes["\(mode)|e|\(bin)"] else { continue }
                func rate(_ n: [Int: Node], _ lepton: Lepton) -> (darkz: Double, flavio: Double) {
                    var d = 0.0, f = 0.0
                    for node in n.values {
                        let w = point.wilsonCoefficients(q2: node.q2, lepton: lepton)
                        let x = SIMD4(w.c9.real, w.c9.imaginary, w.c10.real, w.c10.imaginary)
                        f += node.weight * Self.flavio(node, x)
                        d += node.weight * rates.coefficients(decay, lepton: lepton, q2: node.q2).dBdq2(deltaC9: w.c9, deltaC10: w.c10)
                    }
                    return (d, f)
                }
                let rMu = rate(mu, .muon), rE = rate(e, .electron)
                let r = (darkz: rMu.darkz / rE.darkz, flavio: rMu.flavio / rE.flavio)
                #expect(abs(r.darkz / r.flavio - 1) < 0.01, "\(mode) [\(bin)]: darkz \(r.darkz), flavio \(r.flavio)")
                #expect(r.flavio < 0.98)  // the point lowers R by 3-6%, so the comparison tests the shifts
                expected.append(r)
                let edges = bin.split(separator: "|")
                table += "R(\(mode)),\(mode) mu+ mu-,x,R,\(edges[0]),\(edges[1]),1,1,0.1,0.1,1,0.01,mu\n"
            }
        }
        #expect(expected.count == 4)
        let predictor = try BinnedPredictor(table: MeasurementTable(text: table, file: "ratios"), model: model, rates: rates,
                                            onShell: OnShellProduction(rates: rates))
        let full = predictor.predictions(point.parameters)
        for (value, r) in zip(full, expected) {
            print(String(format: "[ratio] flavio %.5f  darkz (like for like) %.5f  darkz (full propagator) %.5f", r.flavio, r.darkz, value))
            #expect(abs(value / r.darkz - 1) < 0.02, "full \(value) vs like-for-like \(r.darkz)")
        }
    }
}
