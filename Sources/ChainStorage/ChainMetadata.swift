/// What darkz records beside the chain so that a file explains itself: names, the priors file
/// it sampled and the seed. Stored in the "darkz" subgroup, which emcee does not read.
public struct ChainMetadata: Equatable, Sendable {
    /// One name per parameter (in the order of the chain's last axis), or empty.
    public var parameterNames: [String]
    /// One name per blob, or empty.
    public var blobNames: [String]
    /// The text of the priors file the run used, verbatim.
    public var priorsText: String?
    /// The seed the run started from.
    public var seed: UInt64?

    public init(parameterNames: [String] = [], blobNames: [String] = [], priorsText: String? = nil,
                seed: UInt64? = nil) {
        self.parameterNames = parameterNames
        self.blobNames = blobNames
        self.priorsText = priorsText
        self.seed = seed
    }

    /// Describes the first way this metadata does not fit `shape`, or nil.
    func mismatch(with shape: ChainShape) -> String? {
        if !parameterNames.isEmpty && parameterNames.count != shape.dimension {
            return "\(parameterNames.count) parameter names for \(shape.dimension) parameters"
        }
        if !blobNames.isEmpty && blobNames.count != shape.blobs {
            return "\(blobNames.count) blob names for \(shape.blobs) blobs"
        }
        return nil
    }
}
