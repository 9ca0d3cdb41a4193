/// Everything that determines the sampler's future: positions, log-densities, blobs, every random
/// stream, the step count and the per-walker counters. Saving it (it is `Codable`) and resuming
/// with `EnsembleSampler(target:moves:resumingFrom:threads:)` continues bit for bit as an
/// uninterrupted run would. The stored chain is not part of it.
///
/// With JSON, blobs that may be NaN or infinite need a `nonConformingFloatEncodingStrategy`.
public struct SamplerState: Codable, Sendable, Equatable {
    public var walkerCount: Int
    public var dimension: Int
    public var blobCount: Int
    /// Steps done since the start (over all resumptions).
    public var iteration: Int
    /// walkerCount x dimension, walker-major.
    public var positions: [Double]
    /// Current log-density per walker.
    public var logDensities: [Double]
    /// walkerCount x blobCount, walker-major.
    public var blobs: [Double]
    /// One stream per walker.
    public var walkerStreams: [Xoshiro256StarStar]
    /// The sampler-level stream: move choice and red-blue split.
    public var samplerStream: Xoshiro256StarStar
    /// Accepted proposals per walker.
    public var acceptedCounts: [Int]
    /// Proposals per walker whose log-density was NaN or +inf.
    public var nonFiniteCounts: [Int]
    /// The moves' adaptive state (`MoveSchedule.adaptiveState`; the DIME move's proposal), nil
    /// for moves without one.
    public var moveState: [Double]?

    public init(walkerCount: Int, dimension: Int, blobCount: Int, iteration: Int,
                positions: [Double], logDensities: [Double], blobs: [Double],
                walkerStreams: [Xoshiro256StarStar], samplerStream: Xoshiro256StarStar,
                acceptedCounts: [Int], nonFiniteCounts: [Int], moveState: [Double]? = nil) {
        self.walkerCount = walkerCount
        self.dimension = dimension
        self.blobCount = blobCount
        self.iteration = iteration
        self.positions = positions
        self.logDensities = logDensities
        self.blobs = blobs
        self.walkerStreams = walkerStreams
        self.samplerStream = samplerStream
        self.acceptedCounts = acceptedCounts
        self.nonFiniteCounts = nonFiniteCounts
        self.moveState = moveState
    }

    /// Describes the first inconsistency, or nil.
    func inconsistency() -> String? {
        let w = walkerCount
        if w < 1 || dimension < 1 || blobCount < 0 || iteration < 0 { return "negative or zero extents" }
        if positions.count != w * dimension { return "positions has \(positions.count) values, expected \(w * dimension)" }
        if logDensities.count != w { return "logDensities has \(logDensities.count) values, expected \(w)" }
        if blobs.count != w * blobCount { return "blobs has \(blobs.count) values, expected \(w * blobCount)" }
        if walkerStreams.count != w { return "walkerStreams has \(walkerStreams.count) streams, expected \(w)" }
        if acceptedCounts.count != w || nonFiniteCounts.count != w { return "per-walker counters do not have \(w) entries" }
        if !logDensities.allSatisfy(\.isFinite) { return "a log-density is not finite" }
        return nil
    }
}
