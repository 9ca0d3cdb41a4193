import Foundation

/// The cost of a tempered step itself when its evaluations are shared over an `EvaluationGroup`:
/// a target that costs nothing (a Gaussian in a box, ln L = -|x|²/2), so the time per step is the
/// sampler's own work plus, with a group of several processes, the two exchanges of each step and
/// the waiting for the slowest process. `darkz bench --cluster` runs it under `mpirun -n N` and
/// alone to give the communication overhead per step.
public enum GroupedStepBenchmark {
    public struct Result: Sendable, Encodable {
        public let ranks: Int
        public let temperatures: Int
        public let walkers: Int
        public let dimension: Int
        public let steps: Int
        /// Wall seconds per step (the fastest of the repetitions, every process timing the same steps).
        public let seconds_per_step: Double
    }

    /// Runs `repetitions` x `steps` steps of a `temperatures` x `walkers` tempered ensemble in
    /// `dimension` dimensions with the stretch move; `group` nil or of one process runs alone.
    public static func run(group: EvaluationGroup?, temperatures: Int = 12, walkers: Int = 32, dimension: Int = 2,
                           steps: Int = 2_000, repetitions: Int = 3) throws -> Result {
        let target = TrivialTarget(dimension: dimension)
        var best = Double.infinity
        for r in 0..<repetitions {
            let starts = (0..<temperatures).map { k in
                InitialEnsemble.fromPrior(walkers: walkers, seed: 7 &+ UInt64(k)) { random in
                    (0..<dimension).map { _ in 2 * random.nextUniform() - 1 }
                }
            }
            let sampler = try TemperedSampler(target: target, moves: StretchMove(),
                                              ladder: .geometric(temperatures: temperatures, dimension: dimension, adaptationSteps: 0),
                                              initialPositions: starts, seed: 11 &+ UInt64(r), threads: 1,
                                              group: group.flatMap { $0.size > 1 ? $0 : nil })
            sampler.reserveCapacity(forAdditionalSteps: steps)
            group?.synchronize()
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<steps { sampler.step() }
            group?.synchronize()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 / Double(steps))
        }
        return Result(ranks: group?.size ?? 1, temperatures: temperatures, walkers: walkers, dimension: dimension, steps: steps,
                      seconds_per_step: best)
    }
}

/// Uniform prior on [-5, 5]^d, ln L = -|x|²/2: next to nothing per evaluation.
struct TrivialTarget: TemperableDensity {
    let dimension: Int

    func logPriorAndLikelihood(_ x: UnsafeBufferPointer<Double>,
                               blobs: UnsafeMutableBufferPointer<Double>) -> (logPrior: Double, logLikelihood: Double) {
        var sum = 0.0
        for v in x {
            if abs(v) > 5 { return (-.infinity, .nan) }
            sum += v * v
        }
        return (0, -0.5 * sum)
    }
}
