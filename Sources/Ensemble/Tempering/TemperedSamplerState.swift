/// Everything that determines a tempered run's future: one `SamplerState` per temperature
/// (coldest first, blobs of the base target), the ladder, the swap stream and the swap counters.
/// Saving it and resuming with `TemperedSampler(target:moves:resumingFrom:threads:)` continues
/// bit for bit as the uninterrupted run.
public struct TemperedSamplerState: Codable, Sendable, Equatable {
    public var ladder: TemperatureLadder
    public var ensembles: [SamplerState]
    /// The stream of the swaps.
    public var swapStream: Xoshiro256StarStar
    /// Swap proposals and accepted swaps between temperatures i and i + 1, since the start.
    public var swapProposals: [Int]
    public var swapsAccepted: [Int]

    public init(ladder: TemperatureLadder, ensembles: [SamplerState], swapStream: Xoshiro256StarStar,
                swapProposals: [Int], swapsAccepted: [Int]) {
        self.ladder = ladder
        self.ensembles = ensembles
        self.swapStream = swapStream
        self.swapProposals = swapProposals
        self.swapsAccepted = swapsAccepted
    }

    /// The state of an untempered run seen as a one-temperature run.
    public init(untempered state: SamplerState) {
        self.init(ladder: TemperatureLadder(betas: [1]), ensembles: [state], swapStream: .swapStream(seed: 0),
                  swapProposals: [], swapsAccepted: [])
    }

    public var iteration: Int { ensembles.first?.iteration ?? 0 }

    /// Describes the first inconsistency, or nil.
    func inconsistency() -> String? {
        let k = ladder.count
        guard k >= 1, ensembles.count == k else { return "it has \(ensembles.count) ensembles for \(k) temperatures" }
        guard ladder.betas.first == 1, zip(ladder.betas, ladder.betas.dropFirst()).allSatisfy({ $0 > $1 }),
              ladder.betas.last! >= 0 else { return "its inverse temperatures \(ladder.betas) do not descend from 1 to >= 0" }
        guard swapProposals.count == k - 1, swapsAccepted.count == k - 1 else { return "its swap counters do not have \(k - 1) entries" }
        let first = ensembles[0]
        for (i, e) in ensembles.enumerated() {
            if let problem = e.inconsistency() { return "temperature \(i): \(problem)" }
            guard e.walkerCount == first.walkerCount, e.dimension == first.dimension, e.blobCount == first.blobCount,
                  e.iteration == first.iteration else { return "temperature \(i) differs in shape or step from temperature 0" }
        }
        return nil
    }
}
