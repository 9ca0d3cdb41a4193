import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// A chain file's samples after burn-in, as the plotting commands use them: the flattened samples,
/// their log-probabilities, the best sample, and the effective sample size (samples / the largest
/// finite tau) that sets the kernel bandwidths.
struct ChainSamples {
    let burn: Int
    let samples: [[Double]]
    let logProbabilities: [Double]
    let bestIndex: Int
    let effectiveSize: Double

    var best: [Double] { samples[bestIndex] }

    /// - Parameter discard: burn-in steps (default: the file's, ``BurnIn/defaultSteps(file:)``);
    ///   must leave samples (``BurnIn/steps(requested:file:keeping:)``).
    init(_ file: ChainFile, discard: Int?) throws {
        burn = try BurnIn.steps(requested: discard, file: file)
        samples = file.chain.slice(discard: burn).flattened()
        let logProbabilities = file.logProbabilities.slice(discard: burn).values
        self.logProbabilities = logProbabilities
        bestIndex = logProbabilities.indices.max { logProbabilities[$0] < logProbabilities[$1] }!
        let tau = IntegratedAutocorrelationTime(file.chain.slice(discard: burn)).tau.filter(\.isFinite).max() ?? 1
        effectiveSize = Double(samples.count) / max(tau, 1)
    }
}
