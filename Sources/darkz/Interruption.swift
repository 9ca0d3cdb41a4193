import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during `sample` and `resume`.
///
/// One process: the first signal asks the run to stop after the current step; it saves its steps
/// and says "interrupted at step N, saved; continue with darkz resume FILE" (exit 130). A second
/// signal ends the process at once; the file keeps its last checkpoint.
///
/// Under mpirun the ranks step in lock-step and cannot stop together within a step, and mpirun
/// answers a failing rank or its own Ctrl-C with SIGTERM to every other rank. So rank 0 ends at once
/// with one line naming the last checkpoint (written by the handler with write(2) from a buffer
/// prepared at each checkpoint: nothing else is safe in a signal handler); other ranks end silently.
enum Interruption {
    /// Signals received (single process).
    static let received = Atomic<Int>(0)
    /// The line the handler writes, NUL-free bytes, and its length.
    nonisolated(unsafe) static let line = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    static let lineLength = Atomic<Int>(0)
    static let exitCode = Atomic<Int32>(130)

    /// Installs the handlers; `lockStep` for rank 0 of several ranks (ends at once).
    static func install(file: URL, step: Int, lockStep: Bool) {
        exitCode.store(lockStep ? 143 : 130, ordering: .relaxed)
        checkpointed(step: step, file: file, lockStep: lockStep)
        let handler: @convention(c) (Int32) -> Void = lockStep ? { _ in Interruption.endNow() } : { _ in
            if Interruption.received.wrappingAdd(1, ordering: .relaxed).oldValue > 0 { Interruption.endNow() }
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have started us with the signals blocked (Foundation's Process does): take them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether a signal asked the run to stop.
    static var requested: Bool { received.load(ordering: .relaxed) > 0 }

    /// Prepares the handler's line for a checkpoint at `step`.
    static func checkpointed(step: Int, file: URL, lockStep: Bool) {
        let text = lockStep
            ? "darkz: error: the run was ended by mpirun (a rank failed, or the job was interrupted); \(file.relativePath) keeps its checkpoint at step \(step); continue with darkz resume \(file.relativePath)\n"
            : "darkz: stopped at once; \(file.relativePath) keeps its checkpoint at step \(step); continue with darkz resume \(file.relativePath)\n"
        let bytes = Array(text.utf8.prefix(4096))
        lineLength.store(0, ordering: .sequentiallyConsistent)
        for (i, b) in bytes.enumerated() { line[i] = b }
        lineLength.store(bytes.count, ordering: .sequentiallyConsistent)
    }

    /// Writes the prepared line and ends the process (async-signal-safe calls only).
    static func endNow() -> Never {
        let n = lineLength.load(ordering: .sequentiallyConsistent)
        if n > 0 { _ = write(STDERR_FILENO, line, n) }
        _exit(exitCode.load(ordering: .relaxed))
    }
}
