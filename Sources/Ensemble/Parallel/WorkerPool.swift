import Dispatch
import Foundation
import Synchronization

/// The threads that update the walkers of a subset: the calling thread plus `threadCount - 1`
/// helper threads owned by the pool.
///
/// The sampler hands out work twice per step, in pieces of a few hundred microseconds or less.
/// Waking a parked thread costs tens of microseconds (more in a virtual machine), so helpers
/// spin (yielding) between jobs and park only after `idleSpin` without work. Chunks are taken
/// dynamically, a few per thread, so a preempted thread delays little. Where `Atomic` is
/// unavailable (macOS < 15), it falls back to `DispatchQueue.concurrentPerform`.
@usableFromInline
final class WorkerPool: @unchecked Sendable {
    @usableFromInline let threadCount: Int
    /// Most chunks one job is cut into.
    @usableFromInline let chunkLimit: Int
    private let helpers: AnyObject?

    /// Helpers spin this long without work before they park.
    static let idleSpin: UInt64 = 2_000_000  // ns

    init(threads: Int) {
        threadCount = threads
        if threads > 1, #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *) {
            helpers = SpinningHelpers(count: threads - 1)
            chunkLimit = 4 * threads
        } else {
            helpers = nil
            chunkLimit = threads
        }
    }

    deinit {
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *), let helpers {
            unsafeDowncast(helpers, to: SpinningHelpers.self).stop()
        }
    }

    /// Calls `body(range, chunk)` for 0..<count cut into at most `chunkLimit` contiguous chunks,
    /// concurrently, and returns when all are done. One chunk runs inline.
    @usableFromInline
    func forEachChunk(of count: Int, _ body: @Sendable (Range<Int>, _ chunk: Int) -> Void) {
        let chunks = min(chunkLimit, count)
        if chunks <= 1 {
            if count > 0 { body(0..<count, 0) }
            return
        }
        let job: @Sendable (Int) -> Void = { body(WorkerPool.range(of: $0, in: count, chunks: chunks), $0) }
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *), let helpers {
            unsafeDowncast(helpers, to: SpinningHelpers.self).run(chunks: chunks, job)
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: job)
        }
    }

    /// One-off parallel loop without a pool (`DispatchQueue.concurrentPerform`, at most one
    /// thread per core), for work done once, e.g. evaluating the initial ensemble.
    static func forEachChunk(of count: Int, chunks: Int, _ body: @Sendable (Range<Int>, _ chunk: Int) -> Void) {
        let chunks = min(chunks, count)
        if chunks <= 1 {
            if count > 0 { body(0..<count, 0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { body(range(of: $0, in: count, chunks: chunks), $0) }
    }

    @inline(__always)
    static func range(of chunk: Int, in count: Int, chunks: Int) -> Range<Int> {
        chunk * count / chunks ..< (chunk + 1) * count / chunks
    }
}

/// Helper threads that spin (yielding) on a job counter, then park on a semaphore.
///
/// Protocol: `run` publishes the job and bumps `generation`; every helper takes chunks from
/// `nextChunk` until none are left and then decrements `busyHelpers`; `run` returns once that
/// is zero, so every helper sees every job exactly once and none touches it after `run` returns.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
private final class SpinningHelpers: @unchecked Sendable {
    final class Slot: Sendable {
        let parked = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }

    let slots: [Slot]
    let generation = Atomic<Int>(0)
    let nextChunk = Atomic<Int>(0)
    let busyHelpers = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    /// The current job; written by `run` before `generation` is bumped, read by helpers after.
    var job: (@Sendable (Int) -> Void)?
    var chunkCount = 0

    init(count: Int) {
        slots = (0..<count).map { _ in Slot() }
        for (i, slot) in slots.enumerated() {
            let thread = Thread { [self] in helperLoop(slot) }
            thread.name = "Ensemble.WorkerPool.\(i + 1)"
            thread.start()
        }
    }

    func run(chunks: Int, _ body: @Sendable (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            job = body
            chunkCount = chunks
            nextChunk.store(0, ordering: .relaxed)
            busyHelpers.store(slots.count, ordering: .relaxed)
            publish()
            takeChunks(body, chunks)
            while busyHelpers.load(ordering: .acquiring) > 0 { sched_yield() }
            job = nil
        }
    }

    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        publish()
    }

    private func publish() {
        generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
        for slot in slots where slot.parked.exchange(false, ordering: .sequentiallyConsistent) {
            slot.wake.signal()
        }
    }

    private func takeChunks(_ body: (Int) -> Void, _ chunks: Int) {
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            if chunk >= chunks { return }
            body(chunk)
        }
    }

    private func helperLoop(_ slot: Slot) {
        var seen = 0
        while true {
            var spins = 0, idleSince: UInt64 = 0
            var current = generation.load(ordering: .acquiring)
            while current == seen {
                spins &+= 1
                if spins & 63 == 0 {
                    let now = DispatchTime.now().uptimeNanoseconds
                    if idleSince == 0 {
                        idleSince = now
                    } else if now - idleSince > WorkerPool.idleSpin {
                        park(slot, seen: seen)
                        idleSince = 0
                    }
                }
                sched_yield()
                current = generation.load(ordering: .acquiring)
            }
            seen = current
            if stopping.load(ordering: .acquiring) { return }
            do {  // the job reference ends with this scope, before busyHelpers is decremented
                let body = job!
                takeChunks(body, chunkCount)
            }
            busyHelpers.wrappingSubtract(1, ordering: .releasing)
        }
    }

    /// Blocks until the next `publish` (the flag and the generation are checked in opposite
    /// orders by `park` and `publish`, so a wake-up is never lost).
    private func park(_ slot: Slot, seen: Int) {
        slot.parked.store(true, ordering: .sequentiallyConsistent)
        if generation.load(ordering: .sequentiallyConsistent) != seen {
            // A job arrived meanwhile: take the flag back, or consume the signal already sent.
            if !slot.parked.exchange(false, ordering: .sequentiallyConsistent) { slot.wake.wait() }
        } else {
            slot.wake.wait()
        }
    }
}
