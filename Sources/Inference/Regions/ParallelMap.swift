import Dispatch
import Ensemble
import Foundation

/// A parallel map over 0..<count, results in order: item k on process k mod N of a group of N
/// (strided, so that costly corners of a grid spread over the processes), and on each process
/// over `threads` lanes with `DispatchQueue.concurrentPerform`. The processes exchange their
/// results (binary property lists, exact for every double), so every process returns the whole
/// map, the same for any N and thread count.
enum ParallelMap {
    final class Results<T>: @unchecked Sendable {
        let storage: UnsafeMutableBufferPointer<T?>
        init(_ n: Int) { storage = .allocate(capacity: n); storage.initialize(repeating: nil) }
        deinit { storage.deinitialize(); storage.deallocate() }
    }

    static func map<T: Sendable & Codable>(count: Int, threads: Int, group: EvaluationGroup? = nil,
                                           _ f: @Sendable (Int) -> T) -> [T] {
        guard let group, group.size > 1 else { return local(Array(0..<count), threads: threads, f) }
        let n = group.size
        let mine = local(Array(stride(from: group.rank, to: count, by: n)), threads: threads, f)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        // Encoding and decoding our own plain values cannot fail; a failure is a bug, not input.
        let shares = group.allGather(bytes: [UInt8](try! encoder.encode(mine))).map {
            try! PropertyListDecoder().decode([T].self, from: Data($0))
        }
        return (0..<count).map { k in shares[k % n][k / n] }
    }

    /// `f` at each of `items`, in order, on `threads` lanes.
    static func local<T: Sendable>(_ items: [Int], threads: Int, _ f: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(items.count)
        let lanes = max(1, min(threads, items.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for k in stride(from: lane, to: items.count, by: lanes) { results.storage[k] = f(items[k]) }
        }
        return results.storage.map { $0! }
    }
}
