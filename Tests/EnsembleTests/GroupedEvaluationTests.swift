import Ensemble
import Foundation
import Synchronization
import Testing

/// Evaluations shared over a group of processes: simulated here by threads, each running its own
/// sampler as one rank would, with an in-memory all-gather. The chain must equal the one process's
/// bit for bit for any group size and thread count, with moves whose subset counts differ between
/// the temperatures of a step (stretch: 2 subsets, DE snooker: 4) and with an adaptive move (DIME).
@Suite("Grouped evaluation")
struct GroupedEvaluationTests {
    static let target = GaussianInBox(dimension: 3, sigma: 0.5)

    static func run<M: MoveSchedule>(_ moves: M, group: EvaluationGroup?, threads: Int, steps: Int = 60) throws -> TemperedSamplerState {
        let s = try TemperedSampler(target: target, moves: moves, ladder: .geometric(temperatures: 4, dimension: 3, adaptationSteps: 30),
                                    initialPositions: target.priorDraws(temperatures: 4, walkers: 14, seed: 2), seed: 9,
                                    threads: threads, group: group)
        s.run(steps: steps)
        return s.state
    }

    /// Runs `size` simulated ranks concurrently; returns each rank's final state.
    static func runGroup<M: MoveSchedule>(_ moves: M, size: Int, threads: Int) throws -> [TemperedSamplerState] {
        let shared = ThreadGroup.Shared(size: size)
        let states = Mutex<[Int: TemperedSamplerState]>([:])
        onThreads(size) { rank in
            let state = try? run(moves, group: ThreadGroup(rank: rank, shared: shared), threads: threads)
            states.withLock { $0[rank] = state }
        }
        let all = states.withLock { $0 }
        return try (0..<size).map { try #require(all[$0]) }
    }

    static func mixture() -> MoveMixture<StretchMove, DESnookerMove> {
        MoveMixture(StretchMove(), weight: 0.5, DESnookerMove(), weight: 0.5)
    }

    @Test("Stretch and DE-snooker mixture: one process, the phased path in one process, and 2 or 3 simulated ranks agree bit for bit",
          arguments: [(1, 1), (2, 1), (3, 2)])
    func mixtureIsBitIdentical(size: Int, threads: Int) throws {
        let alone = try Self.run(Self.mixture(), group: nil, threads: 1)
        for state in try Self.runGroup(Self.mixture(), size: size, threads: threads) {
            #expect(state == alone)
        }
    }

    @Test("The adaptive DIME move: 2 simulated ranks agree with one process bit for bit")
    func dimeIsBitIdentical() throws {
        let alone = try Self.run(DIMEMove(), group: nil, threads: 2)
        for state in try Self.runGroup(DIMEMove(), size: 2, threads: 1) { #expect(state == alone) }
    }

    @Test("Each simulated rank evaluates only its share: the evaluations over the ranks add up to one process's")
    func ranksShareTheEvaluations() throws {
        let counting = CountingGroup.Shared(size: 2)
        _ = try Self.runGroupCounting(counting)
        let perRank = counting.evaluated.withLock { $0 }
        // 60 steps x 4 temperatures x 14 walkers, each evaluated once somewhere, split 7/7 per subset.
        #expect(perRank.reduce(0, +) == 60 * 4 * 14)
        #expect(perRank[0] == perRank[1])
    }

    static func runGroupCounting(_ shared: CountingGroup.Shared) throws -> [TemperedSamplerState] {
        let states = Mutex<[Int: TemperedSamplerState]>([:])
        onThreads(shared.base.size) { rank in
            let state = try? run(StretchMove(), group: CountingGroup(rank: rank, shared: shared), threads: 1)
            states.withLock { $0[rank] = state }
        }
        let all = states.withLock { $0 }
        return try (0..<shared.base.size).map { try #require(all[$0]) }
    }
}

/// Runs `body(rank)` for every rank on its own thread (all at once, whatever the core count, as
/// the ranks wait for each other) and returns when all are done.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchGroup()
    for rank in 0..<count {
        done.enter()
        let thread = Thread {
            body(rank)
            done.leave()
        }
        thread.start()
    }
    done.wait()
}

/// A group of threads in one process: `exchange` copies each rank's share into a common buffer
/// and back, between two barriers.
final class ThreadGroup: EvaluationGroup, @unchecked Sendable {
    final class Shared: @unchecked Sendable {
        let size: Int
        let condition = NSCondition()
        var arrived = 0
        var generation = 0
        var buffer: [Double] = []
        init(size: Int) { self.size = size }

        func barrier() {
            condition.lock()
            let mine = generation
            arrived += 1
            if arrived == size {
                arrived = 0
                generation += 1
                condition.broadcast()
            } else {
                while generation == mine { condition.wait() }
            }
            condition.unlock()
        }
    }

    let rank: Int
    let shared: Shared
    var size: Int { shared.size }

    init(rank: Int, shared: Shared) {
        self.rank = rank
        self.shared = shared
    }

    func exchange(_ buffer: UnsafeMutableBufferPointer<Double>, counts: UnsafeBufferPointer<Int32>,
                  offsets: UnsafeBufferPointer<Int32>) {
        shared.barrier()
        shared.condition.lock()
        if shared.buffer.count < buffer.count { shared.buffer = [Double](repeating: .nan, count: buffer.count) }
        let lo = Int(offsets[rank]), n = Int(counts[rank])
        for i in lo..<(lo + n) { shared.buffer[i] = buffer[i] }
        shared.condition.unlock()
        shared.barrier()
        let total = Int(offsets[size - 1] + counts[size - 1])
        shared.condition.lock()
        for i in 0..<total { buffer[i] = shared.buffer[i] }
        shared.condition.unlock()
        shared.barrier()
    }

    func broadcastFromRoot(_ values: UnsafeMutableBufferPointer<Double>) {
        shared.barrier()
        shared.condition.lock()
        if rank == 0 { shared.buffer = Array(values) + shared.buffer.dropFirst(values.count) }
        shared.condition.unlock()
        shared.barrier()
        shared.condition.lock()
        for i in values.indices { values[i] = shared.buffer[i] }
        shared.condition.unlock()
        shared.barrier()
    }
}

/// A `ThreadGroup` that counts how many evaluations each rank contributed (its share's length).
final class CountingGroup: EvaluationGroup, @unchecked Sendable {
    final class Shared: @unchecked Sendable {
        let base: ThreadGroup.Shared
        let evaluated: Mutex<[Int]>
        let stride = 3  // log-density, log π, log L
        init(size: Int) {
            base = ThreadGroup.Shared(size: size)
            evaluated = Mutex([Int](repeating: 0, count: size))
        }
    }

    let inner: ThreadGroup
    let shared: Shared
    var rank: Int { inner.rank }
    var size: Int { inner.size }

    init(rank: Int, shared: Shared) {
        inner = ThreadGroup(rank: rank, shared: shared.base)
        self.shared = shared
    }

    func exchange(_ buffer: UnsafeMutableBufferPointer<Double>, counts: UnsafeBufferPointer<Int32>,
                  offsets: UnsafeBufferPointer<Int32>) {
        let mine = Int(counts[rank]) / shared.stride
        shared.evaluated.withLock { $0[rank] += mine }
        inner.exchange(buffer, counts: counts, offsets: offsets)
    }

    func broadcastFromRoot(_ values: UnsafeMutableBufferPointer<Double>) { inner.broadcastFromRoot(values) }
}
