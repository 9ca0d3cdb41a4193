/// The complementary ensemble of a subset being updated: the current positions of the walkers
/// of all other subsets, which do not change while the subset is updated (Foreman-Mackey et al.
/// 2013). Walkers are indexed 0..<count over all other subsets together, or per subset ("group")
/// for moves that draw one helper from each (the DE snooker move).
///
/// A view into sampler storage, valid only during `Move.propose`.
@frozen
public struct Complement: @unchecked Sendable {
    @usableFromInline let positions: UnsafePointer<Double>
    /// Walker indices ordered by subset; subset j occupies `order[subsetStart[j]..<subsetStart[j+1]]`.
    @usableFromInline let order: UnsafePointer<Int>
    @usableFromInline let subsetStart: UnsafePointer<Int>
    @usableFromInline let ownSubset: Int
    @usableFromInline let ownStart: Int
    @usableFromInline let ownCount: Int
    /// Parameters per walker.
    public let dimension: Int
    /// Number of complementary walkers.
    public let count: Int
    /// Number of other subsets (`subsetCount - 1`).
    public let groupCount: Int

    @inlinable
    init(positions: UnsafePointer<Double>, dimension: Int, order: UnsafePointer<Int>,
         subsetStart: UnsafePointer<Int>, subsetCount: Int, ownSubset: Int) {
        self.positions = positions
        self.dimension = dimension
        self.order = order
        self.subsetStart = subsetStart
        self.ownSubset = ownSubset
        self.ownStart = subsetStart[ownSubset]
        self.ownCount = subsetStart[ownSubset + 1] - ownStart
        self.count = subsetStart[subsetCount] - ownCount
        self.groupCount = subsetCount - 1
    }

    @inlinable @inline(__always)
    func walkerPosition(_ walker: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: positions + walker &* dimension, count: dimension)
    }

    /// Position of complementary walker `i` (0..<count).
    @inlinable @inline(__always)
    public subscript(i: Int) -> UnsafeBufferPointer<Double> {
        let slot = i < ownStart ? i : i &+ ownCount
        return walkerPosition(order[slot])
    }

    /// Number of walkers in group `g` (0..<groupCount).
    @inlinable @inline(__always)
    public func groupSize(_ g: Int) -> Int {
        let subset = g < ownSubset ? g : g &+ 1
        return subsetStart[subset &+ 1] &- subsetStart[subset]
    }

    /// Position of walker `i` of group `g`.
    @inlinable @inline(__always)
    public func position(_ i: Int, inGroup g: Int) -> UnsafeBufferPointer<Double> {
        let subset = g < ownSubset ? g : g &+ 1
        return walkerPosition(order[subsetStart[subset] &+ i])
    }
}
