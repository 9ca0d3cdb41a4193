import Ensemble
import Foundation
import Testing

/// The DIME move: its adaptive proposal is part of the sampler state (bit-identical resume and
/// thread independence), and its independence draws cross between separated modes.
@Suite("DIME move")
struct DIMEMoveTests {
    static func sampler(threads: Int, resumingFrom state: SamplerState? = nil) throws -> EnsembleSampler<GaussianMixture, MoveMixture<StretchMove, DIMEMove>> {
        let target = GaussianMixture(dimension: 2)
        let moves = MoveMixture(StretchMove(), weight: 0.5, DIMEMove(), weight: 0.5)
        if let state { return try EnsembleSampler(target: target, moves: moves, resumingFrom: state, threads: threads) }
        return try EnsembleSampler(target: target, moves: moves, initialPositions: target.priorDraws(temperatures: 1, walkers: 32, seed: 1)[0],
                                   seed: 4, threads: threads)
    }

    @Test("Saved at step 300 and resumed on another thread count: identical to the uninterrupted run")
    func resume() throws {
        let whole = try Self.sampler(threads: 2)
        whole.run(steps: 700)
        let first = try Self.sampler(threads: 1)
        first.run(steps: 300)
        let state = try JSONDecoder().decode(SamplerState.self, from: JSONEncoder().encode(first.state))
        #expect(state.moveState?.isEmpty == false)
        let second = try Self.sampler(threads: 3, resumingFrom: state)
        second.run(steps: 400)
        #expect(bits(second.chain()) == bits(whole.chain(discard: 300)))
        #expect(second.state == whole.state)
    }

    // The 2-D mixture 20 sd apart, untempered: the stretch move alone keeps each walker in its
    // starting mode (TemperingTests); DIME's t proposal, fitted to an ensemble spanning both modes,
    // moves walkers between them, so the weight 0.7 is recovered. Tolerance 0.05: 3 sd of the
    // estimate's Monte Carlo error at the ESS of this run (~200 for the mode indicator).
    @Test("Untempered, DIME recovers the weight 0.7 of a mixture 20 sd apart")
    func crossesModes() throws {
        let s = try Self.sampler(threads: 2)
        s.run(steps: 6_000)
        let samples = s.chain(discard: 1_000).flattened()
        let weight = Double(samples.filter { $0[0] > 0 }.count) / Double(samples.count)
        #expect(abs(weight - 0.7) < 0.05, "weight \(weight)")
    }
}
