import Dispatch

/// Runs `body` over 0..<count split into at most `chunks` contiguous chunks: inline on the
/// calling thread for one chunk, otherwise concurrently with `DispatchQueue.concurrentPerform`
/// (at most one thread per core). `body` receives the range and the chunk number (for scratch).
@inlinable
func forEachChunk(of count: Int, chunks: Int, _ body: @Sendable (Range<Int>, _ chunk: Int) -> Void) {
    let chunks = min(chunks, count)
    if chunks <= 1 {
        if count > 0 { body(0..<count, 0) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body(chunk * count / chunks ..< (chunk + 1) * count / chunks, chunk)
    }
}

/// A buffer handed to worker threads that each touch their own disjoint part of it.
@usableFromInline
struct SharedBuffer<Element>: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    @usableFromInline let count: Int

    @inlinable
    init(_ base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Elements `start ..< start + length`.
    @inlinable
    func slice(_ start: Int, _ length: Int) -> UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: base + start, count: length)
    }
}
