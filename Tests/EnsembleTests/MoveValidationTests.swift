import Ensemble
import Testing

/// Each move on its own leaves a correlated Gaussian invariant: means and variances of a 3-D
/// Gaussian (condition number 10) within 5 MCSE.
@Suite("Each move samples a correlated Gaussian")
struct MoveValidationTests {
    enum Case: String, CaseIterable, Sendable {
        case stretch, differentialEvolution, snooker, walk, walkThreeHelpers
        case gaussianIsotropic, gaussianDiagonal, gaussianFull, dime
    }

    static let target = CorrelatedGaussian(dimension: 3, conditionNumber: 10)

    @Test("Means and variances within 5 MCSE", arguments: Case.allCases)
    func move(_ move: Case) throws {
        switch move {
        case .stretch: try check(StretchMove(), seed: 1)
        case .differentialEvolution: try check(DifferentialEvolutionMove(), seed: 2)
        case .snooker: try check(DESnookerMove(), seed: 3)
        case .walk: try check(WalkMove(), seed: 4)
        case .walkThreeHelpers: try check(WalkMove(helpers: 3), seed: 5)
        case .gaussianIsotropic: try check(GaussianMove(covariance: .isotropic(variance: 1)), seed: 6)
        case .gaussianDiagonal: try check(GaussianMove(covariance: .diagonal(variances: [1, 2, 3])), seed: 7)
        case .gaussianFull: try check(GaussianMove(covariance: .full(Self.target.covarianceRows)), seed: 8)
        case .dime: try check(DIMEMove(), seed: 9)
        }
    }

    func check<M: MoveSchedule>(_ moves: M, seed: UInt64) throws {
        let target = Self.target
        let start = InitialEnsemble.ball(around: [0, 0, 0], scale: 0.1, walkers: 16, seed: seed)
        let sampler = try EnsembleSampler(target: target, moves: moves, initialPositions: start, seed: seed, threads: 1)
        sampler.run(steps: 10_000)  // τ ≲ 30 steps for every move here
        let chain = sampler.chain(discard: 1_000, thin: 5)
        for k in 0..<3 {
            let meanZ = zScore(chain, dim: k, exact: target.mean[k])
            let mu = target.mean[k]
            let varianceZ = zScore(mapped(chain, dim: k) { ($0 - mu) * ($0 - mu) }, exact: target.variance(k))
            #expect(abs(meanZ) < 5, "mean of x\(k): z = \(meanZ)")
            #expect(abs(varianceZ) < 5, "variance of x\(k): z = \(varianceZ)")
        }
    }
}
