import Foundation
import Numerics
import Testing
import Inference

@Suite("Binned predictions (paper sec. 5, eq. 2.13)")
struct BinnedPredictorTests {
    static let predictor: BinnedPredictor = {
        setenv("DARKZ_DATA_DIR", RepositoryPaths.root + "/data", 1)
        return try! BinnedPredictor.standard(tableFile: RepositoryPaths.binnedTable)
    }()
    var table: MeasurementTable { Self.predictor.table }

    /// The SM point (no mixing, no direct coupling) returns the table's SM column exactly.
    @Test(arguments: [DarkBosonCase.A, .B, .C])
    func standardModelPointGivesTheTable(modelCase: DarkBosonCase) {
        let p = DarkBosonParameters(modelCase: modelCase, mZD: 0.1)
        #expect(Self.predictor.predictions(p) == table.measurements.map(\.sm))
        #expect(Self.predictor.predictions(deltaC9: .zero, deltaC10: .zero) == table.measurements.map(\.sm))
    }

    /// Constant shifts: the table's SM value times darkz's NP/SM ratio, which agrees with flavio
    /// within 2% (Tests/Fixtures/flavio/np_ratios.csv, checked in FlavorTests); here delta C9 = -1
    /// lowers every muon and electron row and improves the chi^2 as global fits find.
    @Test func constantShiftOfC9() {
        let predictions = Self.predictor.predictions(deltaC9: Complex(-1, 0), deltaC10: .zero)
        for (m, value) in zip(table.measurements, predictions) { #expect(value < m.sm) }
        let chi2 = ChiSquare(measurements: table.measurements, predictions: predictions).total
        #expect(chi2 < 45 && chi2 > 30)
    }

    /// The sign of delta C9 follows g_mu eps_Z (docs/physics.md §2): at the paper's case-C point the
    /// muon chi^2 improves for g_mu < 0 and worsens for g_mu > 0.
    @Test func caseCPointAndItsMirror() {
        func chi2Muon(_ g: Double) -> Double {
            let p = DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: g)
            let predictions = Self.predictor.predictions(p)
            let muon = table.measurements.indices.filter { table.measurements[$0].lepton == .muon }
            return ChiSquare(measurements: muon.map { table.measurements[$0] }, predictions: muon.map { predictions[$0] }).total
        }
        #expect(chi2Muon(-0.033) < 81.707 - 10)
        #expect(chi2Muon(0.033) > 81.707 + 10)
    }

    /// No hole or spike as M_ZD crosses a muon bin edge (B+ -> K+ mu mu, 1.1 GeV^2): the prediction
    /// moves smoothly on the scale of the resolution (2 M r_mu ≈ 4e-3 GeV^2 in q^2).
    @Test func continuousAcrossABinEdge() throws {
        let row = try #require(table.measurements.firstIndex { $0.name == "dBdq2(B+->K+mumu)" && $0.q2Min == 1.1 })
        let values = stride(from: -0.02, through: 0.02, by: 5e-4).map { d -> Double in
            let p = DarkBosonParameters(modelCase: .A, mZD: (1.1 + d).squareRoot(), epsilon: 1e-5, epsilonZ: 1e-6)
            return Self.predictor.predictions(p)[row] / table.measurements[row].sm
        }
        let steps = zip(values, values.dropFirst()).map { abs($1 - $0) }
        let range = values.max()! - values.min()!
        #expect(range > 1e-3)                           // the resonance is visible
        #expect(steps.max()! < 0.25 * range, "\(values)") // and it is reached gradually
    }

    @Test func jsonReportShape() throws {
        let p = DarkBosonParameters(modelCase: .B, mZD: 0.0103, epsilon: 1e-4, epsilonZ: 1e-5, gMu: -0.28)
        let report = try PredictionReport(table: table, predictions: Self.predictor.predictions(p), convention: .mean,
                                      parameters: p, deltaC9: nil, deltaC10: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        for key in ["observables", "chi2_all", "chi2_muon"] { #expect(object[key] != nil) }
        let first = try #require((object["observables"] as? [[String: Any]])?.first)
        for key in ["name", "q2_min", "q2_max", "lepton", "measured", "sm", "prediction", "pull"] { #expect(first[key] != nil) }
    }
}
