import Ensemble
import Foundation
import Testing

/// One seed, one result: independent of the thread count, and a saved-and-resumed run equals an
/// uninterrupted one, bit for bit (every move and blobs included).
@Suite("Reproducibility")
struct ReproducibilityTests {
    static let walkers = 18  // not a multiple of 4: unequal subsets for the snooker move
    static let start = InitialEnsemble.ball(around: [0.5, -0.5, 1, 0], scale: 0.5, walkers: walkers, seed: 5)

    /// A fresh sampler, or one resumed from `state`.
    func sampler(threads: Int, seed: UInt64 = 7, resumingFrom state: SamplerState? = nil) throws
        -> EnsembleSampler<BlobGaussian, some MoveSchedule>
    {
        if let state {
            return try EnsembleSampler(target: BlobGaussian(), moves: allMoves(), resumingFrom: state, threads: threads)
        }
        return try EnsembleSampler(target: BlobGaussian(), moves: allMoves(), initialPositions: Self.start,
                                   seed: seed, threads: threads)
    }

    func expectIdentical<T, M>(_ a: EnsembleSampler<T, M>, _ b: EnsembleSampler<T, M>, lastSteps: Int? = nil) {
        let discard = lastSteps.map { a.storedStepCount - $0 } ?? 0
        #expect(bits(a.chain(discard: discard)) == bits(b.chain()))
        #expect(bits(a.logDensities(discard: discard)) == bits(b.logDensities()))
        #expect(bits(a.blobs(discard: discard)) == bits(b.blobs()))
        #expect(a.state == b.state)
        #expect(bits(a.state.positions) == bits(b.state.positions))
        #expect(a.acceptanceFraction == b.acceptanceFraction)
    }

    @Test("Same seed, 1 thread vs several: bit-identical chains, log-densities, blobs and state",
          arguments: [2, 3, ProcessInfo.processInfo.activeProcessorCount, 16])
    func threadCountIndependence(threads: Int) throws {
        let serial = try sampler(threads: 1)
        let parallel = try sampler(threads: threads)
        serial.run(steps: 400)
        parallel.run(steps: 400)
        expectIdentical(serial, parallel)
        #expect(serial.acceptanceFraction.allSatisfy { $0 > 0.05 })
    }

    @Test("A different seed gives a different chain")
    func seedMatters() throws {
        let a = try sampler(threads: 1, seed: 7), b = try sampler(threads: 1, seed: 8)
        a.run(steps: 5)
        b.run(steps: 5)
        #expect(bits(a.chain()) != bits(b.chain()))
    }

    @Test("Save (JSON) and resume on another thread count equals the uninterrupted run")
    func resumeEqualsUninterrupted() throws {
        let whole = try sampler(threads: 1)
        whole.run(steps: 600)

        let first = try sampler(threads: 2)
        first.run(steps: 250)
        let saved = try JSONEncoder().encode(first.state)
        let restored = try JSONDecoder().decode(SamplerState.self, from: saved)
        #expect(restored == first.state)
        let second = try sampler(threads: 3, resumingFrom: restored)
        #expect(second.iteration == 250 && second.storedStepCount == 0)
        second.run(steps: 350)

        #expect(second.iteration == 600 && second.firstStoredIteration == 250)
        expectIdentical(whole, second, lastSteps: 350)
        #expect(bits(Array(whole.chain().values.prefix(250 * Self.walkers * 4))) == bits(first.chain()))
    }
}
