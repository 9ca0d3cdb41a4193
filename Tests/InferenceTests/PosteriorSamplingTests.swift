import Ensemble
import Testing
import Inference

/// A short end-to-end run on case C (two free parameters): the sampler moves, stays inside the
/// prior box, and its best sample is no worse than the SM.
@Suite("Sampling the case-C posterior (short run)")
struct PosteriorSamplingTests {
    @Test func shortRun() throws {
        let priors = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseC.toml")
        let likelihood = try priors.likelihood(predictor: BinnedPredictorTests.predictor)
        let target = PosteriorDensity(priors: priors, likelihood: likelihood)
        #expect(target.dimension == 2 && target.blobCount == 2 && target.blobNames == ["chi2_binned", "chi2_constraints"])
        let full = PosteriorDensity(priors: priors, likelihood: likelihood, blobs: .predictions)
        #expect(full.blobCount == 28 && full.blobNames.count == 28 && full.blobNames[2].hasPrefix("prediction["))
        #expect(PosteriorDensity(priors: priors, likelihood: likelihood, blobs: BlobSelection.none).blobCount == 0)
        let start = InitialEnsemble.ball(around: [-1.7, -0.05], scale: [0.05, 0.01], walkers: 8, seed: 1)
        let sampler = try EnsembleSampler(target: target, initialPositions: start, seed: 2, threads: 2)
        sampler.run(steps: 60)
        let chain = sampler.chain()
        #expect(chain.nSteps == 60 && chain.nWalkers == 8)
        let bounds = priors.free.map(\.distribution.sampledBounds)
        for i in 0..<(chain.nSteps * chain.nWalkers) {
            #expect(bounds[0].contains(chain.values[2 * i]) && bounds[1].contains(chain.values[2 * i + 1]))
        }
        let logProbs = sampler.logDensities().values
        #expect(logProbs.max()! > -0.5 * 81.707)
        #expect(sampler.acceptanceFraction.allSatisfy { $0 > 0 })
        // blob 0 is the binned chi^2: -2 log p equals it inside the box
        let blobs = sampler.blobs()
        #expect(abs(-2 * logProbs[0] - blobs.values[0]) < 1e-9 * blobs.values[0])
    }
}
