/// Processes that share the target evaluations of each step: every process holds the whole
/// sampler state and draws the same random numbers, so all propose alike; each evaluates its part
/// of the proposals, `exchange` gives every process all the results, and all accept alike. The
/// chain is therefore bit-identical for any number of processes. An MPI world implements it
/// (darkz's Cluster module); Ensemble knows no MPI.
public protocol EvaluationGroup: AnyObject, Sendable {
    /// This process (0 ..< size); process 0 writes files and decides.
    var rank: Int { get }
    /// The number of processes.
    var size: Int { get }
    /// On return every process holds the whole `buffer`, of which process r filled
    /// `buffer[offsets[r] ..< offsets[r] + counts[r]]` (MPI_Allgatherv in place). A failure ends
    /// the whole run (it cannot be recovered from in one process of a lock-step group).
    func exchange(_ buffer: UnsafeMutableBufferPointer<Double>, counts: UnsafeBufferPointer<Int32>,
                  offsets: UnsafeBufferPointer<Int32>)
    /// Gives every process process 0's `values` (MPI_Bcast).
    func broadcastFromRoot(_ values: UnsafeMutableBufferPointer<Double>)
    /// Returns when every process has called it (MPI_Barrier; by default an exchange of one value each).
    func synchronize()
}

extension EvaluationGroup {
    public func synchronize() {
        var values = [Double](repeating: 0, count: size)
        let counts = [Int32](repeating: 1, count: size), offsets = (0..<size).map(Int32.init)
        values.withUnsafeMutableBufferPointer { v in
            counts.withUnsafeBufferPointer { c in offsets.withUnsafeBufferPointer { o in exchange(v, counts: c, offsets: o) } }
        }
    }

    /// Every process's `bytes`, in rank order, on every process (two exchanges: the lengths, then
    /// the bytes, eight to a value).
    public func allGather(bytes: [UInt8]) -> [[UInt8]] {
        var lengths = [Double](repeating: 0, count: size)
        lengths[rank] = Double(bytes.count)
        let ones = [Int32](repeating: 1, count: size), ranks = (0..<size).map(Int32.init)
        lengths.withUnsafeMutableBufferPointer { v in
            ones.withUnsafeBufferPointer { c in ranks.withUnsafeBufferPointer { o in exchange(v, counts: c, offsets: o) } }
        }
        let words = lengths.map { (Int($0) + 7) / 8 }
        var offsets = [Int32](repeating: 0, count: size)
        for r in 1..<max(size, 1) { offsets[r] = offsets[r - 1] + Int32(words[r - 1]) }
        var buffer = [Double](repeating: 0, count: max(words.reduce(0, +), 1))
        buffer.withUnsafeMutableBytes { raw in
            bytes.withUnsafeBytes { mine in
                guard let source = mine.baseAddress else { return }
                raw.baseAddress!.advanced(by: Int(offsets[rank]) * 8).copyMemory(from: source, byteCount: mine.count)
            }
        }
        let counts = words.map(Int32.init)
        buffer.withUnsafeMutableBufferPointer { v in
            counts.withUnsafeBufferPointer { c in offsets.withUnsafeBufferPointer { o in exchange(v, counts: c, offsets: o) } }
        }
        return buffer.withUnsafeBytes { raw in
            (0..<size).map { r in Array(raw[(Int(offsets[r]) * 8)..<(Int(offsets[r]) * 8 + Int(lengths[r]))]) }
        }
    }

    /// Process 0's decision, on every process.
    public func rootDecides(_ decision: Bool) -> Bool {
        var value = decision ? 1.0 : 0.0
        withUnsafeMutablePointer(to: &value) { broadcastFromRoot(UnsafeMutableBufferPointer(start: $0, count: 1)) }
        return value != 0
    }
}
