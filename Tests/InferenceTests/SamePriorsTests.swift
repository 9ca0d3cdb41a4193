import Foundation
@testable import Inference
import Testing

/// What "the same priors" compares when chain files are combined (``CombinedChains``): the stored
/// priors text and run settings without comments, blank lines and the settings that differ
/// between independent ensembles of one posterior.
@Suite("combining chain files: the same priors")
struct SamePriorsTests {
    static func stored(_ priors: String, seed: Int, maxSteps: Int, walkers: Int = 32) -> String {
        priors + SamplingRun.separator + "# walkers=\(walkers)\n# seed=\(seed)\n# max_steps=\(maxSteps)\n# check_every=500\n# checkpoint_every=1000\n# blobs=none\n"
    }

    static let priors = "# a comment\nname = \"caseC\"\n\n[parameters.gMu]\nprior = \"uniform\"\nmin = -0.3\nmax = 0.3\n[sampler]\nseed = 2023\nmax_steps = 40000\n"

    @Test func seedsStepLimitsCommentsAndBlobsAreIgnored() {
        let a = CombinedChains.comparedLines(Self.stored(Self.priors, seed: 1, maxSteps: 300))
        let edited = Self.priors.replacingOccurrences(of: "# a comment", with: "# another comment\n")
            .replacingOccurrences(of: "seed = 2023", with: "seed = 7").replacingOccurrences(of: "max_steps = 40000", with: "max_steps = 9")
        let b = CombinedChains.comparedLines(Self.stored(edited, seed: 2, maxSteps: 400))
        #expect(a == b)
        #expect(a == ["name = \"caseC\"", "[parameters.gMu]", "prior = \"uniform\"", "min = -0.3", "max = 0.3", "[sampler]",
                      "walkers=32", "check_every=500"])
    }

    @Test func priorsAndOtherSettingsCount() {
        let a = CombinedChains.comparedLines(Self.stored(Self.priors, seed: 1, maxSteps: 300))
        #expect(a != CombinedChains.comparedLines(Self.stored(Self.priors.replacingOccurrences(of: "max = 0.3", with: "max = 0.25"), seed: 1, maxSteps: 300)))
        #expect(a != CombinedChains.comparedLines(Self.stored(Self.priors, seed: 1, maxSteps: 300, walkers: 16)))
    }
}
