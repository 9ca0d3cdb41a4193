/// A `LogDensity` made from a closure, for quick use and tests. The closure is called through
/// one indirect call per evaluation; write a conforming struct for the fastest hot loop.
public struct ClosureLogDensity: LogDensity {
    public let dimension: Int
    public let blobCount: Int
    @usableFromInline
    let body: @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Double

    /// A density with blobs: `body(x, blobs)` returns log p(x) and fills `blobs`
    /// (`blobCount` values).
    public init(
        dimension: Int, blobCount: Int,
        _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Double
    ) {
        self.dimension = dimension
        self.blobCount = blobCount
        self.body = body
    }

    /// A density without blobs.
    public init(dimension: Int, _ body: @escaping @Sendable (UnsafeBufferPointer<Double>) -> Double) {
        self.init(dimension: dimension, blobCount: 0) { x, _ in body(x) }
    }

    @inlinable
    public func logDensity(_ x: UnsafeBufferPointer<Double>, blobs: UnsafeMutableBufferPointer<Double>) -> Double {
        body(x, blobs)
    }
}
