import Testing
import Inference

@Suite("Posterior likelihood")
struct PosteriorLikelihoodTests {
    var predictor: BinnedPredictor { BinnedPredictorTests.predictor }

    /// At the SM point the binned chi^2 equals darkz chi2 --sm over the same rows (90.912, 81.707).
    @Test func standardModelPoint() throws {
        let all = try PosteriorLikelihood(predictor: predictor)
        let muon = try PosteriorLikelihood(predictor: predictor, leptons: [.muon])
        let sm = DarkBosonParameters(modelCase: .C, mZD: 0.05)
        #expect(abs(all.evaluate(sm).chiSquare - 90.912) < 5e-4)
        #expect(abs(muon.evaluate(sm).chiSquare - 81.707) < 5e-4)
        #expect(abs(muon.standardModelChiSquare - 81.707) < 5e-4)
        #expect(abs(muon.evaluate(sm).logLikelihood + 0.5 * 81.707) < 5e-4)
    }

    /// The chi^2 agrees with the report of `darkz predict` (ChiSquare over the muon rows).
    @Test func matchesTheChiSquareOfThePredictions() throws {
        let p = DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033)
        let muon = try PosteriorLikelihood(predictor: predictor, leptons: [.muon])
        let evaluation = muon.evaluate(p)
        let table = predictor.table
        let rows = table.measurements.indices.filter { table.measurements[$0].lepton == .muon }
        let reference = ChiSquare(measurements: rows.map { table.measurements[$0] }, predictions: rows.map { evaluation.predictions[$0] }).total
        #expect(abs(evaluation.chiSquare - reference) < 1e-9 * reference)
        #expect(evaluation.chiSquare < 81.707)
    }
}
