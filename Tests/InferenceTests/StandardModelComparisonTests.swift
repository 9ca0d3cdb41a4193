import Foundation
import Inference
import Testing

@Suite("Best fit against the SM")
struct StandardModelComparisonTests {
    static func likelihood() throws -> PosteriorLikelihood {
        let priors = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseC.toml")
        return try priors.likelihood(predictor: BinnedPredictorTests.predictor)
    }

    /// A fit worse than the SM: no pull (JSON null, never 0.00), signed Delta chi^2 and a warning.
    @Test func worseThanTheStandardModel() throws {
        let likelihood = try Self.likelihood()
        let point = DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.2)
        let chi2 = likelihood.evaluate(point).chiSquare
        let c = StandardModelComparison(best: point, chi2Min: chi2, likelihood: likelihood)
        #expect(chi2 > c.chi2_sm && c.worse_than_sm && c.pull == nil && c.delta_chi2_sm < 0)
        #expect(c.warning?.hasPrefix("best fit worse than the SM by Delta chi^2 = ") == true)
        let json = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        #expect(json.contains("\"pull\":null"))
        // the largest pull is the largest |pull| over the 20 muon rows, and it is listed first
        #expect(c.largest_pulls.count == 5)
        #expect(zip(c.largest_pulls, c.largest_pulls.dropFirst()).allSatisfy { abs($0.pull) >= abs($1.pull) })
    }

    /// The paper's point (darkz's sign) is better than the SM: pull sqrt(Delta chi^2), no warning.
    @Test func betterThanTheStandardModel() throws {
        let likelihood = try Self.likelihood()
        let point = DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033)
        let c = StandardModelComparison(best: point, chi2Min: likelihood.evaluate(point).chiSquare, likelihood: likelihood)
        #expect(!c.worse_than_sm && c.warning == nil)
        #expect(abs(c.pull! - c.delta_chi2_sm.squareRoot()) < 1e-12 && c.pull! > 0)
    }
}
