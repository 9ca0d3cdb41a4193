@preconcurrency import CMPI
import Ensemble
import Foundation

/// The MPI world as the sampler's evaluation group: the proposals' results gathered in place on
/// every rank (MPI_Allgatherv) and process 0's decisions broadcast (MPI_Bcast). A failed call
/// cannot be recovered from in a lock-step run, so it ends the whole job (`abort`).
extension MPIWorld: EvaluationGroup {
    public func exchange(_ buffer: UnsafeMutableBufferPointer<Double>, counts: UnsafeBufferPointer<Int32>,
                         offsets: UnsafeBufferPointer<Int32>) {
        guard usesMPI, size > 1 else { return }
        let status = MPI_Allgatherv(darkz_MPI_IN_PLACE(), 0, darkz_MPI_DOUBLE(), buffer.baseAddress,
                                    counts.baseAddress, offsets.baseAddress, darkz_MPI_DOUBLE(), darkz_MPI_COMM_WORLD())
        if status != darkz_MPI_SUCCESS() { abort(MPIError(rank: rank, call: "MPI_Allgatherv", code: status)) }
    }

    public func broadcastFromRoot(_ values: UnsafeMutableBufferPointer<Double>) {
        guard usesMPI, size > 1 else { return }
        let status = MPI_Bcast(values.baseAddress, Int32(values.count), darkz_MPI_DOUBLE(), 0, darkz_MPI_COMM_WORLD())
        if status != darkz_MPI_SUCCESS() { abort(MPIError(rank: rank, call: "MPI_Bcast", code: status)) }
    }

    public func synchronize() {
        guard usesMPI, size > 1 else { return }
        let status = MPI_Barrier(darkz_MPI_COMM_WORLD())
        if status != darkz_MPI_SUCCESS() { abort(MPIError(rank: rank, call: "MPI_Barrier", code: status)) }
    }
}

extension MPIWorld {
    /// The lowest rank whose `failed` is true, on every rank (nil when none failed).
    public func firstFailedRank(_ failed: Bool) throws -> Int? {
        var flags = [Double](repeating: 0, count: size)
        flags[rank] = failed ? 1 : 0
        return try sum(flags).firstIndex { $0 != 0 }
    }

    /// Ends the whole job after one error line on stderr naming this rank ("darkz: error: rank R:
    /// ..."); MPI_Abort makes the launcher stop every other rank. Without MPI, exits with `code`.
    public func abort(_ error: Error, code: Int32 = 2) -> Never {
        let text = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        let line = error is MPIError ? text : (size > 1 ? "rank \(rank): \(text)" : text)
        FileHandle.standardError.write(Data("darkz: error: \(line)\n".utf8))
        if usesMPI { MPI_Abort(darkz_MPI_COMM_WORLD(), code) }
        exit(code)
    }
}
