@preconcurrency import CMPI
import Foundation

/// The processes of a run: under `mpirun` (or `srun`) the MPI world of Open MPI, otherwise a world
/// of one process, so that darkz without a launcher runs exactly as it does without MPI.
///
/// MPI is initialised only when a launcher started the process (it sets OMPI_COMM_WORLD_SIZE,
/// PMIX_RANK or PMI_RANK): a plain `darkz` never calls MPI_Init, so it starts no runtime, opens no
/// sockets and prints no warnings. `MPI_Init_thread` asks for MPI_THREAD_FUNNELED (only the thread
/// that initialised MPI calls it; the sampler's worker threads never do). Errors return codes
/// (MPI_ERRORS_RETURN) so that a failing call becomes a Swift error naming the rank.
public final class MPIWorld: @unchecked Sendable {
    /// This process's rank (0 ..< size).
    public let rank: Int
    /// The number of processes.
    public let size: Int
    /// Whether MPI was initialised (false for a world of one process without a launcher).
    public let usesMPI: Bool

    /// The world of this process, initialised on first use.
    public static let shared = MPIWorld()

    /// Whether a launcher started this process (Open MPI's mpirun, or PMIx/PMI under srun).
    public static var launchedByMPI: Bool {
        let environment = ProcessInfo.processInfo.environment
        return ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"].contains { environment[$0] != nil }
    }

    private init() {
        guard Self.launchedByMPI else {
            rank = 0
            size = 1
            usesMPI = false
            return
        }
        var provided: Int32 = 0
        _ = MPI_Init_thread(nil, nil, darkz_MPI_THREAD_FUNNELED(), &provided)
        _ = MPI_Comm_set_errhandler(darkz_MPI_COMM_WORLD(), darkz_MPI_ERRORS_RETURN())
        var r: Int32 = 0, n: Int32 = 0
        MPI_Comm_rank(darkz_MPI_COMM_WORLD(), &r)
        MPI_Comm_size(darkz_MPI_COMM_WORLD(), &n)
        rank = Int(r)
        size = Int(n)
        usesMPI = true
    }

    /// Ends MPI (once, before the process exits); nothing for a world without MPI.
    public func finish() {
        guard usesMPI else { return }
        var finalized: Int32 = 0
        MPI_Finalized(&finalized)
        if finalized == 0 { MPI_Finalize() }
    }

    /// The element-wise sum of `values` over all ranks, on every rank (MPI_Allreduce); the values
    /// themselves in a world of one process.
    public func sum(_ values: [Double]) throws -> [Double] {
        guard usesMPI, size > 1 else { return values }
        var out = [Double](repeating: 0, count: values.count)
        let status = values.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                MPI_Allreduce(input.baseAddress, output.baseAddress, Int32(values.count), darkz_MPI_DOUBLE(), darkz_MPI_SUM(),
                              darkz_MPI_COMM_WORLD())
            }
        }
        guard status == darkz_MPI_SUCCESS() else { throw MPIError(rank: rank, call: "MPI_Allreduce", code: status) }
        return out
    }
}

/// A failed MPI call, naming the rank.
public struct MPIError: Error, CustomStringConvertible {
    public let rank: Int
    public let call: String
    public let code: Int32
    public var description: String { "rank \(rank): \(call) failed (MPI error \(code))" }
}
