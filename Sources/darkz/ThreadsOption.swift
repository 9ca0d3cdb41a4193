import ArgumentParser
import Foundation

/// `--threads N` of every command that runs in parallel: optional, so the help shows one default
/// ("all cores") rather than that sentence and the number of this machine's cores.
struct ThreadsOption: ParsableArguments {
    @Option(name: .customLong("threads"), help: "Threads (default: all cores).")
    var value: Int?

    /// The threads to use: the value given, else the active cores.
    var count: Int { value ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let value, value < 1 { throw ValidationError("--threads must be at least 1, got \(value)") }
    }
}
