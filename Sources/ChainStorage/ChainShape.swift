/// The extents every row of a chain file shares: walkers, parameters per walker and blobs
/// (extra numbers the log-density returns) per walker.
public struct ChainShape: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var walkers: Int
    public var dimension: Int
    public var blobs: Int

    public init(walkers: Int, dimension: Int, blobs: Int = 0) {
        self.walkers = walkers
        self.dimension = dimension
        self.blobs = blobs
    }

    public var description: String {
        "\(walkers) walkers x \(dimension) parameters" + (blobs > 0 ? ", \(blobs) blobs per walker" : "")
    }
}
