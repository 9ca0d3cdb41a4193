import Foundation

/// Measured speed of the sampler (see `SamplerBenchmark.run`).
public struct SamplerBenchmarkResult: Sendable, Codable, Equatable {
    /// Proposals per second on one thread for a 3-D standard Gaussian: the sampler's own cost.
    public var proposalsPerSecond: Double
    public var overheadWalkers: Int
    public var overheadProposals: Int
    /// Measured cost of one evaluation of the busy log-density, in microseconds.
    public var evaluationMicroseconds: Double
    public var parallelWalkers: Int
    public var parallelSteps: Int
    /// Threads of the parallel run (all cores by default).
    public var threads: Int
    /// Wall time of the busy-density run on one thread and on `threads` threads (fastest of the
    /// repetitions).
    public var serialSeconds: Double
    public var parallelSeconds: Double
    /// serialSeconds / parallelSeconds.
    public var speedup: Double { serialSeconds / parallelSeconds }
}

/// A library-level benchmark of the ensemble sampler, for `darkz bench`:
/// (i) proposals per second on one thread for a 3-D standard Gaussian (the sampler's overhead;
/// emcee 3 manages about 1e5/s); (ii) the speedup on `threads` threads over one thread for a
/// log-density costing about `evaluationMicroseconds` (a busy loop), same seed and moves, each
/// timed `repetitions` times (alternating), fastest kept. Takes about
/// overheadSeconds + 3 x repetitions x parallelWalkers x parallelSteps x evaluationMicroseconds.
public enum SamplerBenchmark {
    public static func run(
        overheadSeconds: Double = 1, overheadWalkers: Int = 32,
        evaluationMicroseconds: Double = 50, parallelWalkers: Int = 32, parallelSteps: Int = 100,
        repetitions: Int = 3, threads: Int = ProcessInfo.processInfo.activeProcessorCount, seed: UInt64 = 2013
    ) throws -> SamplerBenchmarkResult {
        // (i) Overhead: repeated runs of 5000 steps (fresh sampler each, so memory stays small)
        // until `overheadSeconds` of sampling have been timed.
        let gaussian = BenchmarkGaussian(dimension: 3, iterations: 0)
        let start = InitialEnsemble.ball(around: [0, 0, 0], scale: 1, walkers: overheadWalkers, seed: seed)
        var timed = 0.0, proposals = 0, round: UInt64 = 0
        while timed < overheadSeconds {
            let sampler = try EnsembleSampler(target: gaussian, moves: StretchMove(), initialPositions: start,
                                              seed: seed &+ round, threads: 1)
            timed += seconds { sampler.run(steps: 5_000) }
            proposals += 5_000 * overheadWalkers
            round += 1
        }

        // (ii) Speedup for a costly density: calibrate the busy loop, then time 1 vs `threads`.
        let iterations = calibratedIterations(microseconds: evaluationMicroseconds)
        let busy = BenchmarkGaussian(dimension: 3, iterations: iterations)
        let x = [0.1, 0.2, 0.3]
        let evaluations = 200
        var sink = 0.0
        let evaluation = seconds { for _ in 0..<evaluations { sink += busy.logDensity(at: x).logDensity } }
            / Double(evaluations)
        precondition(sink.isFinite, "busy log-density produced a non-finite value")
        let busyStart = InitialEnsemble.ball(around: [0, 0, 0], scale: 1, walkers: parallelWalkers, seed: seed)
        func timeRun(threads: Int) throws -> Double {
            let sampler = try EnsembleSampler(target: busy, moves: StretchMove(), initialPositions: busyStart,
                                              seed: seed, threads: threads)
            sampler.run(steps: 2)  // warm up the thread pool
            return seconds { sampler.run(steps: parallelSteps) }
        }
        // Alternate the two and keep the fastest of each, to damp interference from other load.
        var serial = Double.infinity, parallel = Double.infinity
        for _ in 0..<repetitions {
            serial = min(serial, try timeRun(threads: 1))
            parallel = min(parallel, try timeRun(threads: threads))
        }
        return SamplerBenchmarkResult(
            proposalsPerSecond: Double(proposals) / timed, overheadWalkers: overheadWalkers,
            overheadProposals: proposals, evaluationMicroseconds: evaluation * 1e6,
            parallelWalkers: parallelWalkers, parallelSteps: parallelSteps, threads: threads,
            serialSeconds: serial, parallelSeconds: parallel)
    }

    /// Busy-loop iterations that take about `microseconds` (fastest of a few trials).
    static func calibratedIterations(microseconds: Double) -> Int {
        let trial = 20_000
        let probe = BenchmarkGaussian(dimension: 1, iterations: trial)
        var best = Double.infinity, sink = 0.0
        for _ in 0..<5 { best = min(best, seconds { sink += probe.logDensity(at: [0.5]).logDensity }) }
        // The sum of results is used, so the evaluations cannot be optimised away.
        precondition(sink.isFinite, "busy loop calibration produced a non-finite value")
        return max(1, Int(Double(trial) * microseconds * 1e-6 / best))
    }

    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// A standard Gaussian whose evaluation also runs `iterations` steps of a dependent recurrence
/// whose result feeds the return value (so it is not optimised away) — a stand-in for a costly
/// likelihood.
struct BenchmarkGaussian: LogDensity {
    let dimension: Int
    let iterations: Int

    func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        var sum = 0.0
        for v in x { sum += v * v }
        var busy = x[0]
        for _ in 0..<iterations { busy = busy * 0.999_999_9 + 1e-9 }
        return -0.5 * sum + 1e-300 * busy
    }
}
