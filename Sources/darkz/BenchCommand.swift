import ArgumentParser
import Cluster
import DataFiles
import Ensemble
import Foundation
import Inference

/// `darkz bench`: speed figures measured in one run (no timing assertions live in the tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the sampler's proposals per second, its parallel speedup and the likelihood rate.")

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    @Flag(name: .customLong("compare-emcee"),
          help: "Also time emcee (python3 with emcee) on the same target in this run and report the ratio.")
    var compareEmcee = false

    @Option(name: .customLong("seconds"), help: "Seconds spent timing the sampler overhead.")
    var seconds: Double = 2

    @Flag(name: .customLong("cluster"),
          help: "Only time a tempered step (12 temperatures x 32 walkers) with a target that costs nothing, on the ranks of mpirun -n N or alone: the per-step cost of sharing the evaluations.")
    var cluster = false

    func run() throws {
        if cluster {
            let world = MPIWorld.shared
            let result = try GroupedStepBenchmark.run(group: world)
            guard world.reports else { return }
            if json { try printJSON(result) } else {
                print(String(format: "tempered step, %d temperatures x %d walkers, target of no cost, %d rank%@: %.1f microseconds per step",
                             result.temperatures, result.walkers, result.ranks, result.ranks == 1 ? "" : "s", result.seconds_per_step * 1e6))
            }
            return
        }
        let result = try SamplerBenchmark.run(overheadSeconds: seconds)
        let likelihood = try LikelihoodBenchmark.run(try BinnedPredictor.standard(), seconds: seconds)
        let constrained = try ConstrainedLikelihoodBenchmark.run(try BinnedPredictor.standard(), seconds: seconds)
        let emcee = compareEmcee ? EmceeReference.proposalsPerSecond() : nil
        let report = BenchReport(
            sampler_proposals_per_s: result.proposalsPerSecond,
            parallel_speedup: result.speedup,
            cores: ProcessInfo.processInfo.activeProcessorCount,
            threads: result.threads,
            busy_log_density_microseconds: result.evaluationMicroseconds,
            likelihood_evals_per_s: likelihood.evaluationsPerSecond,
            likelihood_max_relative_deviation: likelihood.maxRelativeDeviation,
            likelihood_accuracy_points: likelihood.accuracyPoints,
            constrained_likelihood_evals_per_s: constrained.evaluationsPerSecond,
            constrained_max_relative_deviation: constrained.maxRelativeDeviation,
            constrained: constrained,
            emcee_proposals_per_s: emcee,
            ratio_to_emcee: emcee.map { result.proposalsPerSecond / $0 })
        if json { try printJSON(report) } else { print(report.text) }
    }
}

/// What `darkz bench` reports; keys as documented in the README.
struct BenchReport: Encodable {
    let sampler_proposals_per_s: Double
    let parallel_speedup: Double
    let cores: Int
    let threads: Int
    let busy_log_density_microseconds: Double
    let likelihood_evals_per_s: Double
    let likelihood_max_relative_deviation: Double
    let likelihood_accuracy_points: Int
    let constrained_likelihood_evals_per_s: Double
    let constrained_max_relative_deviation: Double
    let constrained: ConstrainedLikelihoodBenchmark.Result
    let emcee_proposals_per_s: Double?
    let ratio_to_emcee: Double?

    var text: String {
        var lines = [
            String(format: "sampler overhead:  %.3g proposals/s on one thread (3-D Gaussian, 32 walkers, stretch move)",
                   sampler_proposals_per_s),
            String(format: "parallel speedup:  %.2f on %d threads (%d cores), log-density of %.0f µs",
                   parallel_speedup, threads, cores, busy_log_density_microseconds),
        ]
        lines.append(String(format: "likelihood:        %.3g points/s on one core (26 table predictions + chi^2)", likelihood_evals_per_s))
        lines.append(String(format: "accuracy:          max |fixed nodes - adaptive GSL (epsrel 1e-10)| / reference = %.2e over %d points at bin edges",
                            likelihood_max_relative_deviation, likelihood_accuracy_points))
        lines += constrained.textLines
        if let emcee = emcee_proposals_per_s, let ratio = ratio_to_emcee {
            lines.append(String(format: "emcee (same run):  %.3g proposals/s; darkz/emcee = %.0f", emcee, ratio))
        }
        return lines.joined(separator: "\n")
    }
}

/// Runs scripts/emcee_proposals_per_second.py with python3; nil when python3, the script or
/// emcee is missing.
enum EmceeReference {
    static func proposalsPerSecond() -> Double? {
        guard let script = try? DataDirectory.path(of: "emcee_proposals_per_second.py", inRepositoryFolder: "scripts") else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value.isFinite else { return nil }
        return value
    }
}
