import Ensemble
import Testing

/// The sampler refuses to start on bad input, with an error that says what to do, and it
/// rejects and counts NaN and +inf log-densities while treating -inf as a prior wall.
@Suite("Refusals and non-finite log-densities")
struct RefusalTests {
    static let gaussian3 = ClosureLogDensity(dimension: 3) { x in -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]) }
    static func ball(_ walkers: Int) -> [[Double]] {
        InitialEnsemble.ball(around: [0, 0, 0], scale: 1, walkers: walkers, seed: 3)
    }

    /// The error thrown by `body`, which must throw a `SamplerError`.
    func refusal(_ body: () throws -> Void) -> SamplerError? {
        do { try body() } catch let error as SamplerError { return error } catch { return nil }
        return nil
    }

    @Test("Fewer than 2 x dimension walkers")
    func tooFewWalkers() {
        let error = refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: Self.ball(5), seed: 1) }
        #expect(error == .tooFewWalkers(walkers: 5, dimension: 3))
        #expect(error?.description.contains("at least 2 x dimension = 6 walkers") == true)
        #expect(refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: Self.ball(6), seed: 1) } == nil)
    }

    @Test("An initial walker with log-density -inf, NaN or +inf", arguments: [-Double.infinity, .nan, .infinity])
    func nonFiniteInitialLogDensity(bad: Double) {
        // Finite except where x0 > 10 (a prior wall for -inf).
        let target = ClosureLogDensity(dimension: 3) { x in x[0] > 10 ? bad : -0.5 * x[0] * x[0] }
        var start = Self.ball(8)
        start[4][0] = 11
        let error = refusal { _ = try EnsembleSampler(target: target, initialPositions: start, seed: 1) }
        guard case let .nonFiniteInitialLogDensity(walker, value)? = error else {
            Issue.record("expected nonFiniteInitialLogDensity, got \(String(describing: error))")
            return
        }
        #expect(walker == 4)
        #expect(value.bitPattern == bad.bitPattern)
        #expect(error!.description.contains("must start where the log-density is finite"))
    }

    @Test("Walkers in a plane, or sharing one coordinate, are degenerate; a tiny ball far out is not")
    func degenerateEnsemble() {
        let plane = Self.ball(8).map { p in [p[0], p[1], p[0] - 2 * p[1]] }
        let planeError = refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: plane, seed: 1) }
        guard case let .degenerateInitialEnsemble(ratio, tolerance)? = planeError else {
            Issue.record("expected degenerateInitialEnsemble, got \(String(describing: planeError))")
            return
        }
        #expect(ratio < tolerance)
        #expect(planeError!.description.contains("scatter the walkers in every parameter"))

        let flat = Self.ball(8).map { p in [p[0], 0.5, p[2]] }
        #expect(refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: flat, seed: 1) }
                == .degenerateInitialEnsemble(relativeEigenvalue: 0, tolerance: 1e-12))

        // Relative tolerance: a ball of radius 1e-7 around (1e3, 1e-4, 1) with mixed scales is fine.
        let tiny = InitialEnsemble.ball(around: [1e3, 1e-4, 1], scale: [1e-4, 1e-11, 1e-7], walkers: 8, seed: 2)
        let wide = ClosureLogDensity(dimension: 3) { _ in 0 }
        #expect(refusal { _ = try EnsembleSampler(target: wide, initialPositions: tiny, seed: 1) } == nil)
    }

    @Test("Other refusals: wrong length, non-finite position, thread count, moves, saved state")
    func otherRefusals() throws {
        var short = Self.ball(8)
        short[2] = [1, 2]
        #expect(refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: short, seed: 1) }
                == .dimensionMismatch(walker: 2, expected: 3, got: 2))
        var infinite = Self.ball(8)
        infinite[7][1] = .infinity
        #expect(refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: infinite, seed: 1) }
                == .nonFiniteInitialPosition(walker: 7))
        #expect(refusal { _ = try EnsembleSampler(target: Self.gaussian3, initialPositions: Self.ball(8), seed: 1, threads: 0) }
                == .invalidThreadCount(0))

        func moveError<M: MoveSchedule>(_ moves: M, walkers: Int = 8) -> SamplerError? {
            refusal { _ = try EnsembleSampler(target: Self.gaussian3, moves: moves, initialPositions: Self.ball(walkers), seed: 1) }
        }
        #expect(moveError(WalkMove(helpers: 5)) != nil)  // the complement has only 4 walkers
        #expect(moveError(WalkMove(helpers: 4)) == nil)
        #expect(moveError(StretchMove(a: 1)) != nil)
        #expect(moveError(MoveMixture(StretchMove(), weight: 0, DESnookerMove(), weight: 0)) != nil)
        let planar = try GaussianMove(covariance: .diagonal(variances: [1, 1]))
        #expect(moveError(planar) != nil)
        #expect(throws: SamplerError.self) { try GaussianMove(covariance: .full([[1, 2], [2, 1]])) }  // indefinite
        #expect(throws: SamplerError.self) { try GaussianMove(covariance: .full([[1, 0.5], [0, 1]])) }  // not symmetric
        #expect(throws: SamplerError.self) { try GaussianMove(covariance: .isotropic(variance: -1)) }

        let one = ClosureLogDensity(dimension: 1) { x in -0.5 * x[0] * x[0] }
        let pair = [[0.0], [1.0]]
        let snooker = refusal { _ = try EnsembleSampler(target: one, moves: DESnookerMove(), initialPositions: pair, seed: 1) }
        #expect(snooker?.description.contains("at least 4 walkers") == true)

        let running = try EnsembleSampler(target: Self.gaussian3, initialPositions: Self.ball(8), seed: 1)
        var state = running.state
        state.logDensities.removeLast()
        #expect(refusal { _ = try EnsembleSampler(target: Self.gaussian3, moves: StretchMove(), resumingFrom: state) } != nil)
        let other = ClosureLogDensity(dimension: 2) { _ in 0 }
        #expect(refusal { _ = try EnsembleSampler(target: other, moves: StretchMove(), resumingFrom: running.state) } != nil)
    }

    /// Finite only where x0 is an integer (where the walkers start); `off` elsewhere.
    static func integerOnly(_ off: Double) -> ClosureLogDensity {
        ClosureLogDensity(dimension: 3) { x in x[0] == x[0].rounded() ? -0.5 * x[1] * x[1] : off }
    }
    static let integerStart = ball(8).enumerated().map { w, p in [Double(w), p[1], p[2]] }

    @Test("NaN and +inf proposals are rejected and counted; -inf proposals are rejected, not counted",
          arguments: [(Double.nan, true), (.infinity, true), (-.infinity, false)])
    func nonFiniteProposals(off: Double, counted: Bool) throws {
        let sampler = try EnsembleSampler(target: Self.integerOnly(off), initialPositions: Self.integerStart, seed: 9, threads: 2)
        sampler.run(steps: 50)
        #expect(sampler.nonFiniteCount == (counted ? 50 * 8 : 0))
        #expect(sampler.nonFiniteCounts == [Int](repeating: counted ? 50 : 0, count: 8))
        #expect(sampler.acceptedCounts == [Int](repeating: 0, count: 8))
        #expect(sampler.currentPositions == Self.integerStart)
        #expect(sampler.currentLogDensities.allSatisfy { $0.isFinite })
    }

    @Test("A NaN region inside a Gaussian: never entered, counted, and the rest is sampled")
    func nanRegion() throws {
        let target = ClosureLogDensity(dimension: 3) { x in
            x[0] > 1 ? .nan : -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2])
        }
        let sampler = try EnsembleSampler(target: target, initialPositions: Self.ball(8).map { [min($0[0], 0), $0[1], $0[2]] }, seed: 4)
        sampler.run(steps: 300)
        #expect(sampler.nonFiniteCount > 0)
        #expect(sampler.chain().flattened().allSatisfy { $0[0] <= 1 })
        #expect(sampler.acceptanceFraction.allSatisfy { $0 > 0.1 })
    }
}
