import Ensemble
import Foundation
import Testing

/// The parallel-tempered sampler: mode weights of separated mixtures, bit-identical runs, the
/// ladder's adaptation and the swap bookkeeping.
@Suite("Parallel tempering")
struct TemperingTests {
    static func sampler<T: BoxTarget>(_ target: T, temperatures k: Int, adaptation: Int, seed: UInt64 = 3, threads: Int = 2,
                                      resumingFrom state: TemperedSamplerState? = nil) throws -> TemperedSampler<T, StretchMove> {
        if let state { return try TemperedSampler(target: target, moves: StretchMove(), resumingFrom: state, threads: threads) }
        return try TemperedSampler(
            target: target, moves: StretchMove(),
            ladder: .geometric(temperatures: k, dimension: target.dimension, adaptationSteps: adaptation),
            initialPositions: target.priorDraws(temperatures: k, walkers: 32, seed: 1), seed: seed, threads: threads)
    }

    // Weight of the mode at +10: 0.7. With 32 walkers and τ of the mode indicator of order 10^2
    // steps, 3000 kept steps give an ESS near 10^3 and a standard error near 0.015; 0.03 is 2 sd.
    @Test("A 2-D and a 5-D mixture of Gaussians 20 sd apart: the β = 1 chain recovers the weight 0.7 within 0.03",
          arguments: [(2, 8), (5, 10)])
    func mixtureWeight(dimension: Int, temperatures: Int) throws {
        let s = try Self.sampler(GaussianMixture(dimension: dimension), temperatures: temperatures, adaptation: 1_000)
        s.run(steps: 4_000)
        let samples = s.chain(discard: 1_000).flattened()
        let weight = Double(samples.filter { $0[0] > 0 }.count) / Double(samples.count)
        #expect(abs(weight - 0.7) <= 0.03, "weight \(weight)")
        #expect(s.swapAcceptance.allSatisfy { $0 > 0.2 }, "swap acceptance \(s.swapAcceptance)")
    }

    @Test("The stretch move alone on the 2-D mixture: walkers stay in the mode they start in, R-hat flags it")
    func untemperedMixtureIsFlagged() throws {
        let target = GaussianMixture(dimension: 2)
        let s = try EnsembleSampler(target: target, moves: StretchMove(),
                                    initialPositions: target.priorDraws(temperatures: 1, walkers: 32, seed: 1)[0], seed: 3, threads: 2)
        s.run(steps: 4_000)
        let rank = RankDiagnostics(s.chain(discard: 1_000))
        #expect(rank.rHat[0] > 1.5, "R-hat \(rank.rHat)")
    }

    @Test("Same seed: bit-identical for 1, 2 and 5 threads")
    func threadIndependence() throws {
        let target = GaussianMixture(dimension: 2)
        let runs = try [1, 2, 5].map { threads -> TemperedSampler<GaussianMixture, StretchMove> in
            let s = try Self.sampler(target, temperatures: 4, adaptation: 150, threads: threads)
            s.run(steps: 300)
            return s
        }
        for s in runs.dropFirst() {
            #expect(bits(s.chain()) == bits(runs[0].chain()))
            #expect(s.history == runs[0].history)
            #expect(s.state == runs[0].state)
        }
    }

    @Test("Save at step 200 (ladder still adapting) and resume: identical to the uninterrupted run")
    func resumeIsBitIdentical() throws {
        let target = GaussianMixture(dimension: 2)
        let whole = try Self.sampler(target, temperatures: 4, adaptation: 300)
        whole.run(steps: 500)
        let first = try Self.sampler(target, temperatures: 4, adaptation: 300)
        first.run(steps: 200)
        let encoded = try JSONEncoder().encode(first.state)
        let state = try JSONDecoder().decode(TemperedSamplerState.self, from: encoded)
        let second = try Self.sampler(target, temperatures: 4, adaptation: 300, threads: 1, resumingFrom: state)
        second.run(steps: 300)
        #expect(bits(second.chain()) == bits(whole.chain(discard: 200)))
        #expect(second.history == whole.history.suffix(from: 200))
        #expect(second.state == whole.state)
    }

    @Test("One temperature is the untempered sampler, bit for bit")
    func oneTemperatureIsUntempered() throws {
        let target = GaussianInBox(dimension: 2)
        let start = target.priorDraws(temperatures: 1, walkers: 32, seed: 1)
        let tempered = try TemperedSampler(target: target, moves: StretchMove(), ladder: TemperatureLadder(betas: [1]),
                                           initialPositions: start, seed: 9)
        let plain = try EnsembleSampler(target: target, moves: StretchMove(), initialPositions: start[0], seed: 9)
        tempered.run(steps: 200)
        plain.run(steps: 200)
        #expect(bits(tempered.chain()) == bits(plain.chain()))
        #expect(bits(tempered.logDensities()) == bits(plain.logDensities()))
        #expect(tempered.coldState == plain.state)
    }

    @Test("The ladder adapts only during its adaptation steps, keeps β = 1 and β = 0, and stays ordered")
    func ladderAdaptation() throws {
        let s = try Self.sampler(GaussianInBox(dimension: 2), temperatures: 6, adaptation: 400)
        let initial = s.ladder.betas
        s.run(steps: 800)
        let h = s.history
        #expect(h.firstStepOfFinalLadder == 400)
        #expect(s.ladder.betas != initial)
        #expect(s.ladder.betas.first == 1 && s.ladder.betas.last == 0)
        #expect(zip(s.ladder.betas, s.ladder.betas.dropFirst()).allSatisfy { $0 > $1 })
        // Swap fractions from the history agree with the sampler's counters.
        for (a, b) in zip(h.swapAcceptance, s.swapAcceptance) { #expect(abs(a - b) < 1e-12) }
    }

    @Test("A ladder that does not descend from 1 is refused")
    func badLadder() throws {
        let target = GaussianInBox(dimension: 2)
        #expect(throws: SamplerError.self) {
            _ = try TemperedSampler(target: target, moves: StretchMove(), ladder: TemperatureLadder(betas: [1, 0.5, 0.7]),
                                    initialPositions: target.priorDraws(temperatures: 3, walkers: 32, seed: 1), seed: 1)
        }
    }
}
