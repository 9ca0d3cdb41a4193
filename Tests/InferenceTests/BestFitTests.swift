import Testing
import Inference

@Suite("Best fit (GSL simplex)")
struct BestFitTests {
    /// Case C: the minimum lies below the chi^2 at the paper's point (in darkz's sign, g_mu = -0.033 at
    /// 30.2 MeV) and below the SM, and different numbers of starts find the same minimum.
    @Test func caseCMinimum() throws {
        let priors = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseC.toml")
        let likelihood = try priors.likelihood(predictor: BinnedPredictorTests.predictor)
        let fit = BestFit(priors: priors, likelihood: likelihood)
        let a = fit.run(starts: 6), b = fit.run(starts: 9)
        let paperPoint = likelihood.evaluate(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033))
        #expect(a.chiSquare <= paperPoint.chiSquare)
        #expect(a.chiSquare < 81.707 - 20)
        #expect(abs(a.chiSquare - b.chiSquare) < 0.05)
        #expect(a.parameters.gMu < 0)
        #expect(abs(a.pull - (81.707 - a.chiSquare).squareRoot()) < 1e-3)
    }

    @Test func outsideThePriorIsInfinite() throws {
        let priors = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseC.toml")
        let fit = BestFit(priors: priors, likelihood: try priors.likelihood(predictor: BinnedPredictorTests.predictor))
        #expect(fit.chiSquare([-0.5, 0.0]) == .infinity)  // 316 MeV > 300 MeV
        #expect(fit.chiSquare([-1.8, 0.0]).isFinite)
    }
}
