import ChainStorage
import Ensemble
import Foundation

/// The run that ChainStorageTests' crash-safety test kills with SIGKILL again and again: a
/// 6-parameter Gaussian with two blobs, 48 walkers, a checkpoint every 20 steps, so that most of
/// the helper's time goes to writing checkpoints and most kills land inside one. The test
/// computes the same run uninterrupted, in process, to compare the file with.
public enum CrashRun {
    public static let shape = ChainShape(walkers: 48, dimension: 6, blobs: 2)
    public static let seed: UInt64 = 2024
    public static let totalSteps = 3_000
    public static let checkpointEvery = 20
    /// Small, so that kills also land in the checkpoints that rewrite all rows into one segment.
    public static let maximumSegments = 8
    public static let metadata = ChainMetadata(
        parameterNames: ["x0", "x1", "x2", "x3", "x4", "x5"], blobNames: ["r2", "twice_x0"],
        priorsText: "# crash-safety test\n[parameters]\nx0 = { uniform = [-10, 10] }\n", seed: seed)

    public static let target = ClosureLogDensity(dimension: 6, blobCount: 2) { x, blobs in
        var r2 = 0.0
        for k in 0..<6 { r2 += Double(k + 1) * x[k] * x[k] }
        blobs[0] = r2
        blobs[1] = 2 * x[0]
        return -0.5 * r2
    }

    public static func freshSampler() throws -> EnsembleSampler<ClosureLogDensity, StretchMove> {
        let start = InitialEnsemble.ball(around: Array(repeating: 0, count: 6), scale: 0.5, walkers: shape.walkers, seed: 11)
        return try EnsembleSampler(target: target, moves: StretchMove(), initialPositions: start, seed: seed, threads: 1)
    }

    public static func resumedSampler(_ state: SamplerState) throws -> EnsembleSampler<ClosureLogDensity, StretchMove> {
        try EnsembleSampler(target: target, moves: StretchMove(), resumingFrom: state, threads: 1)
    }

    /// Creates the chain file at `url`, or resumes it, samples until `totalSteps` (a segment per
    /// checkpoint, all rows rewritten into one when there are `maximumSegments`) and compacts the file.
    public static func runToCompletion(at url: URL) throws -> Int {
        let sampler: EnsembleSampler<ClosureLogDensity, StretchMove>
        let writer: ChainWriter
        if FileManager.default.fileExists(atPath: url.path) {
            let file = try ChainFile(contentsOf: url, expecting: shape)
            sampler = try resumedSampler(try file.resumableState())
            writer = try ChainWriter.resume(at: url, expecting: shape)
        } else {
            sampler = try freshSampler()
            writer = try ChainWriter.create(at: url, for: sampler, metadata: metadata)
        }
        writer.maximumSegments = maximumSegments
        try writer.run(sampler, steps: max(totalSteps - sampler.iteration, 0), checkpointEvery: checkpointEvery)
        try writer.compact()
        return writer.iteration
    }
}
