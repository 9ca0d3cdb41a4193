@testable import Ensemble
import Foundation
import Testing

/// Edge cases of the tempering code found in review: ptemcee's whole ladder table, K = 3 ladder
/// errors, L = 0 at β = 0, and +∞ likelihoods.
@Suite("Tempering edge cases")
struct TemperingEdgeCaseTests {
    @Test("The geometric ladder uses ptemcee's temperature steps up to d = 100, the large-d formula beyond")
    func ladderSteps() {
        #expect(TemperatureLadder.temperatureStep(dimension: 2) == 7.0)
        #expect(TemperatureLadder.temperatureStep(dimension: 11) == 2.04807)
        #expect(TemperatureLadder.temperatureStep(dimension: 20) == 1.68849)
        #expect(TemperatureLadder.temperatureStep(dimension: 100) == 1.25973)
        #expect(abs(TemperatureLadder.temperatureStep(dimension: 400) - (1 + 2 * (log(4.0) / 400).squareRoot())) < 1e-15)
        #expect(TemperatureLadder.geometric(temperatures: 2, dimension: 3, adaptationSteps: 500).adaptationSteps == 0)
    }

    @Test("With three temperatures (one positive β below 1) the ladder error is the end correction, not 0")
    func threeTemperatureLadderError() throws {
        let betas = [1.0, 0.1, 0]
        // A synthetic history: ln L at β = 1 and 0.1 drawn around -1/β (Gaussian-like), prior samples at -50.
        var history = TemperedHistory(temperatures: 3, walkers: 4)
        var random = Xoshiro256StarStar(seed: 3, stream: 0)
        for _ in 0..<400 {
            var row = [Double]()
            for (k, b) in betas.enumerated() {
                for _ in 0..<4 { row.append(k == 2 ? -50 + random.nextGaussian() : -1 / b + 0.5 * random.nextGaussian() / b) }
            }
            row.withUnsafeBufferPointer { history.append(betas: betas, logLikelihoods: $0, swapsAccepted: [1, 1]) }
        }
        let ti = try TemperedEvidence.estimate(history, discard: 0).first { $0.method == .thermodynamicIntegration }!
        #expect(ti.discretisationError > 0)
        #expect(ti.discretisationError.isFinite)
    }

    @Test("Prior samples with L = 0 (ln L = -∞) at β = 0 are accepted; the stepping-stone ratio is then finite")
    func zeroLikelihoodAtBetaZero() throws {
        var history = TemperedHistory(temperatures: 2, walkers: 2)
        for s in 0..<40 {
            let row = [-1.0, -1.5, s % 2 == 0 ? -.infinity : -3.0, -2.0]
            row.withUnsafeBufferPointer { history.append(betas: [1, 0], logLikelihoods: $0, swapsAccepted: [0]) }
        }
        let ss = try TemperedEvidence.estimate(history, discard: 0).first { $0.method == .steppingStone }!
        // ln mean L over the β = 0 samples (walker 0 alternates L = 0 and e^-3, walker 1 stays at e^-2):
        // a quarter 0, a quarter e^-3, half e^-2.
        #expect(abs(ss.logEvidence - log((exp(-3.0) + 2 * exp(-2.0)) / 4)) < 1e-12)
        #expect(TemperedEvidence.steppingStoneRatio(from: [-.infinity, -.infinity], by: 1) == -.infinity)
    }

    @Test("A +∞ or NaN likelihood is rejected at β = 0 as at every other temperature")
    func infiniteLikelihood() {
        #expect(temperedLogDensity(logPrior: 0, logLikelihood: .infinity, beta: 0).isNaN)
        #expect(temperedLogDensity(logPrior: 0, logLikelihood: .nan, beta: 0).isNaN)
        #expect(temperedLogDensity(logPrior: -1, logLikelihood: -.infinity, beta: 0) == -1)
        #expect(temperedLogDensity(logPrior: -.infinity, logLikelihood: 2, beta: 0.5) == -.infinity)
    }
}
