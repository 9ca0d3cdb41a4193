import Ensemble
import Foundation
import Inference
import Testing

/// The check: on a 2-D mixture of two Gaussians 20 sd apart (weights 0.3/0.7), the
/// stretch move alone is flagged not converged by the verdict (walkers stay in their starting mode,
/// the weight comes out wrong), while the tempered run passes it and recovers the weight.
@Suite("Verdict on a separated mixture")
struct MixtureVerdictTests {
    /// 0.3 N((-10, 0), I) + 0.7 N((10, 0), I) on [-20, 20]².
    struct Mixture: TemperableDensity {
        let dimension = 2
        func logPriorAndLikelihood(_ x: UnsafeBufferPointer<Double>,
                                   blobs: UnsafeMutableBufferPointer<Double>) -> (logPrior: Double, logLikelihood: Double) {
            guard abs(x[0]) <= 20, abs(x[1]) <= 20 else { return (-.infinity, .nan) }
            let a = -((x[0] + 10) * (x[0] + 10) + x[1] * x[1]) / 2 + log(0.3)
            let b = -((x[0] - 10) * (x[0] - 10) + x[1] * x[1]) / 2 + log(0.7)
            let top = max(a, b)
            return (-log(1600.0), top + log(exp(a - top) + exp(b - top)))
        }
    }

    static func starts(_ k: Int) -> [[[Double]]] {
        (0..<k).map { t in
            InitialEnsemble.fromPrior(walkers: 32, seed: 11 &+ UInt64(t)) { r in [40 * r.nextUniform() - 20, 40 * r.nextUniform() - 20] }
        }
    }

    static func verdict<M: MoveSchedule>(_ s: TemperedSampler<Mixture, M>) -> ConvergenceVerdict {
        ConvergenceVerdict(wholeChain: s.chain(), logProbabilities: s.logDensities(), acceptanceFractions: s.acceptanceFraction,
                           checkEvery: 500, adaptationSteps: s.temperatureCount > 1 ? s.ladder.adaptationSteps : 0,
                           swapAcceptance: s.temperatureCount > 1 ? s.swapAcceptance : nil)
    }

    @Test func stretchAloneIsFlagged() throws {
        let s = try TemperedSampler(target: Mixture(), moves: StretchMove(), ladder: TemperatureLadder(betas: [1]),
                                    initialPositions: Self.starts(1), seed: 5, threads: 2)
        s.run(steps: 4_000)
        let v = Self.verdict(s)
        #expect(!v.isConverged)
        #expect(v.failedCriteria.contains(.rHat), "\(v.text)")
    }

    @Test func temperedRunPasses() throws {
        let s = try TemperedSampler(target: Mixture(), moves: StretchMove(),
                                    ladder: .geometric(temperatures: 8, dimension: 2, adaptationSteps: 1_000),
                                    initialPositions: Self.starts(8), seed: 5, threads: 2)
        // As `darkz sample` does: a verdict every 500 steps, stop when it holds (budget 20000 steps).
        var v: ConvergenceVerdict
        repeat {
            s.run(steps: 500)
            v = Self.verdict(s)
        } while s.iteration < 20_000 && !(v.isConverged && s.iteration >= 2 * s.ladder.adaptationSteps)
        #expect(v.isConverged, "\(v.text)")
        let samples = s.chain(discard: 1_000).flattened()
        let weight = Double(samples.filter { $0[0] > 0 }.count) / Double(samples.count)
        #expect(abs(weight - 0.7) <= 0.03, "weight \(weight)")
    }
}
