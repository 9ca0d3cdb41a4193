import Foundation

/// The update of the walkers of one subset with one move: propose, evaluate, Metropolis-Hastings
/// accept (Goodman & Weare 2010, eq. 9; Foreman-Mackey et al. 2013, alg. 3).
///
/// Walker w touches only its own slots (position, log-density, blobs, proposal, stream, counters)
/// and reads the complement, which no walker of the subset writes; so disjoint ranges of walkers
/// may run on different threads, and the result does not depend on how they are divided.
@usableFromInline
struct WalkerUpdate<Target: LogDensity, M: Move>: @unchecked Sendable {
    @usableFromInline let target: Target
    @usableFromInline let move: M
    @usableFromInline let storage: WalkerStorage
    /// Walker indices of the subset being updated.
    @usableFromInline let members: UnsafePointer<Int>
    @usableFromInline let complement: Complement

    @inlinable
    init(target: Target, move: M, storage: WalkerStorage, members: UnsafePointer<Int>, complement: Complement) {
        self.target = target
        self.move = move
        self.storage = storage
        self.members = members
        self.complement = complement
    }

    /// Updates members `range` using `scratch` (owned by this chunk of walkers).
    @inlinable
    func update(_ range: Range<Int>, scratch: UnsafeMutableBufferPointer<Double>) {
        for i in range {
            let w = members[i]
            let logFactor = propose(w, scratch: scratch)
            accept(w, logFactor: logFactor, logDensity: evaluate(w))
        }
    }

    /// Writes walker w's proposal into its proposal slot from its own stream; returns the log
    /// Hastings factor.
    @inlinable @inline(__always)
    func propose(_ w: Int, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        let d = storage.dimension
        var random = storage.streams[w]
        let logFactor = move.propose(
            from: UnsafeBufferPointer(start: storage.positions + w &* d, count: d), complement: complement,
            random: &random, into: UnsafeMutableBufferPointer(start: storage.proposals + w &* d, count: d),
            scratch: scratch)
        storage.streams[w] = random
        return logFactor
    }

    /// The target at walker w's proposal, its blobs written to the proposal-blob slot.
    @inlinable @inline(__always)
    func evaluate(_ w: Int) -> Double {
        evaluate(w, blobs: storage.proposalBlobs + w &* storage.blobCount)
    }

    /// The target at walker w's proposal, its blobs written to `blobs`.
    @inlinable @inline(__always)
    func evaluate(_ w: Int, blobs: UnsafeMutablePointer<Double>) -> Double {
        let d = storage.dimension
        return target.logDensity(UnsafeBufferPointer(start: storage.proposals + w &* d, count: d),
                                 blobs: UnsafeMutableBufferPointer(start: blobs, count: storage.blobCount))
    }

    /// The Metropolis-Hastings test of walker w's proposal, whose log-density is `logDensity` and
    /// whose blobs are in the proposal-blob slot.
    @inlinable @inline(__always)
    func accept(_ w: Int, logFactor: Double, logDensity: Double) {
        let d = storage.dimension
        let nb = storage.blobCount
        // One uniform per proposal, always, so the stream's use does not depend on the outcome.
        var random = storage.streams[w]
        let u = random.nextUniform()
        storage.streams[w] = random
        if logDensity.isFinite {
            let logRatio = logFactor + logDensity - storage.logDensities[w]
            // accept iff logRatio > log u; log u < 0, so a non-negative ratio needs no log.
            if logRatio >= 0 || logRatio > log(u) {
                (storage.positions + w &* d).update(from: storage.proposals + w &* d, count: d)
                storage.logDensities[w] = logDensity
                if nb > 0 { (storage.blobs + w &* nb).update(from: storage.proposalBlobs + w &* nb, count: nb) }
                storage.accepted[w] &+= 1
            }
        } else if logDensity != -.infinity {
            storage.nonFinite[w] &+= 1  // NaN or +inf: rejected and counted
        }
    }
}

/// Per-walker slots of the sampler's current state and work space (raw buffers owned by the
/// sampler; see `EnsembleSampler`).
@usableFromInline
struct WalkerStorage: @unchecked Sendable {
    @usableFromInline let walkerCount: Int
    @usableFromInline let dimension: Int
    @usableFromInline let blobCount: Int
    @usableFromInline let positions: UnsafeMutablePointer<Double>
    @usableFromInline let logDensities: UnsafeMutablePointer<Double>
    @usableFromInline let blobs: UnsafeMutablePointer<Double>
    @usableFromInline let proposals: UnsafeMutablePointer<Double>
    @usableFromInline let proposalBlobs: UnsafeMutablePointer<Double>
    @usableFromInline let streams: UnsafeMutablePointer<Xoshiro256StarStar>
    @usableFromInline let accepted: UnsafeMutablePointer<Int>
    @usableFromInline let nonFinite: UnsafeMutablePointer<Int>

    /// Allocates slots for `state`, copying it in.
    init(_ state: SamplerState) {
        walkerCount = state.walkerCount
        dimension = state.dimension
        blobCount = state.blobCount
        func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
            _ = UnsafeMutableBufferPointer(start: p, count: values.count).initialize(from: values)
            return p
        }
        positions = buffer(state.positions)
        logDensities = buffer(state.logDensities)
        blobs = buffer(state.blobs)
        proposals = buffer(state.positions)
        proposalBlobs = buffer(state.blobs)
        streams = buffer(state.walkerStreams)
        accepted = buffer(state.acceptedCounts)
        nonFinite = buffer(state.nonFiniteCounts)
    }

    func deallocate() {
        for p in [positions, logDensities, blobs, proposals, proposalBlobs] { p.deallocate() }
        streams.deallocate()
        accepted.deallocate()
        nonFinite.deallocate()
    }

    func array<T>(_ p: UnsafeMutablePointer<T>, _ count: Int) -> [T] {
        Array(UnsafeBufferPointer(start: p, count: count))
    }
}
