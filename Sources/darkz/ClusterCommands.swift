import ArgumentParser
import Cluster
import Foundation

/// How the commands that run under `mpirun` treat the ranks: setting-up is agreed (a failure on any
/// rank ends every rank, with one error line from the first failing rank), and output is rank 0's.
extension MPIWorld {
    /// Runs `body` on every rank. If it throws on any, the lowest failing rank rethrows its error
    /// naming itself and the other ranks end quietly with exit code 2; in one process, just `body`.
    func agreeing<T>(_ body: () throws -> T) throws -> T {
        guard size > 1 else { return try body() }
        let result = Result(catching: body)
        var failed = false
        if case .failure = result { failed = true }
        let first = try firstFailedRank(failed)
        switch result {
        case .success(let value) where first == nil: return value
        case .failure(let error) where first == rank: throw RankError(rank: rank, underlying: error)
        default: throw ExitCode(2)
        }
    }

    /// Whether this process prints results and progress (rank 0).
    var reports: Bool { rank == 0 }
}

/// An error of one rank of a run under mpirun, named by its rank.
struct RankError: Error, CustomStringConvertible {
    let rank: Int
    let underlying: Error
    var description: String { "rank \(rank): " + (Darkz.message(for: underlying).split(separator: "\n").first.map(String.init) ?? "\(underlying)") }
}
