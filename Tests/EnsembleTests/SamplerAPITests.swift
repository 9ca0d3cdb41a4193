import Ensemble
import Testing

/// A move that proposes the current position: always accepted.
struct StayMove: Move {
    func propose(from position: UnsafeBufferPointer<Double>, complement: Complement,
                 random: inout Xoshiro256StarStar, into proposal: UnsafeMutableBufferPointer<Double>,
                 scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        for k in 0..<position.count { proposal[k] = position[k] }
        return 0
    }
}

/// A move that proposes a point outside the support of `Boxed`: never accepted.
struct LeapMove: Move {
    var subsetCount: Int { 1 }
    func propose(from position: UnsafeBufferPointer<Double>, complement: Complement,
                 random: inout Xoshiro256StarStar, into proposal: UnsafeMutableBufferPointer<Double>,
                 scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        for k in 0..<position.count { proposal[k] = position[k] + 100 }
        return 0
    }
}

@Suite("Sampler API")
struct SamplerAPITests {
    static let start = InitialEnsemble.ball(around: [1, 1], scale: 0.1, walkers: 6, seed: 1)

    @Test("Chain, log-densities and blobs have emcee's layout and agree with the target")
    func chainAccess() throws {
        let target = Rosenbrock()
        let sampler = try EnsembleSampler(target: target, initialPositions: Self.start, seed: 2)
        sampler.run(steps: 30)
        #expect(sampler.iteration == 30 && sampler.storedStepCount == 30)
        let chain = sampler.chain(discard: 10, thin: 4)  // steps 13, 17, 21, 25, 29 (emcee: [discard+thin-1::thin])
        #expect((chain.nSteps, chain.nWalkers, chain.nDim) == (5, 6, 2))
        #expect(chain[1, 3, 1] == sampler.chain()[17, 3, 1])
        #expect(sampler.flatChain(discard: 10, thin: 4) == chain.flattened())
        let logDensities = sampler.logDensities(), blobs = sampler.blobs()
        #expect((logDensities.nSteps, logDensities.nDim, blobs.nDim) == (30, 1, 1))
        let all = sampler.chain()
        for s in 0..<30 {
            for w in 0..<6 {
                let (value, blob) = target.logDensity(at: [all[s, w, 0], all[s, w, 1]])
                #expect(value.bitPattern == logDensities[s, w, 0].bitPattern)
                #expect(blob[0].bitPattern == blobs[s, w, 0].bitPattern)
            }
        }
        #expect(sampler.currentPositions.flatMap { $0 } == Array(all.values.suffix(12)))
        #expect(sampler.currentBlobs.map { $0[0] } == Array(blobs.values.suffix(6)))
        let fractions = sampler.acceptedCounts.map { Double($0) / 30 }
        #expect(sampler.acceptanceFraction == fractions)
        #expect(fractions.contains { $0 > 0 })
    }

    @Test("run(maxSteps:checkEvery:until:) checks every k steps and stops")
    func runUntil() throws {
        let sampler = try EnsembleSampler(target: Rosenbrock(), initialPositions: Self.start, seed: 2, threads: 1)
        var checks = 0
        let done = sampler.run(maxSteps: 100, checkEvery: 10) { s in
            checks += 1
            return s.iteration >= 25
        }
        #expect(done == 30 && checks == 3 && sampler.storedStepCount == 30)
        sampler.step()
        #expect(sampler.iteration == 31)
    }

    @Test("A mixture draws one move per step with the given weights; custom moves plug in")
    func mixtureWeights() throws {
        let boxed = ClosureLogDensity(dimension: 2) { x in abs(x[0]) < 50 && abs(x[1]) < 50 ? 0 : -.infinity }
        let moves = MoveMixture(StayMove(), weight: 1, LeapMove(), weight: 2)
        let sampler = try EnsembleSampler(target: boxed, moves: moves, initialPositions: Self.start, seed: 3)
        sampler.run(steps: 3_000)
        // Every walker accepts exactly on the steps that used StayMove: same count for all.
        let counts = sampler.acceptedCounts
        #expect(Set(counts).count == 1)
        let fraction = Double(counts[0]) / 3_000
        let sd = (1.0 / 3 * 2 / 3 / 3_000).squareRoot()
        #expect(abs(fraction - 1.0 / 3) < 5 * sd, "StayMove chosen in \(fraction) of steps")
    }

    @Test("Initial ensembles are reproducible from a seed and follow the requested ball")
    func initialEnsembles() {
        let a = InitialEnsemble.ball(around: [10, -3], scale: [0.5, 2], walkers: 4_000, seed: 8)
        #expect(a == InitialEnsemble.ball(around: [10, -3], scale: [0.5, 2], walkers: 4_000, seed: 8))
        #expect(a != InitialEnsemble.ball(around: [10, -3], scale: [0.5, 2], walkers: 4_000, seed: 9))
        let x = a.map { $0[0] }, y = a.map { $0[1] }
        let meanX = x.reduce(0, +) / Double(x.count), meanY = y.reduce(0, +) / Double(y.count)
        let sdY = (y.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) } / Double(y.count - 1)).squareRoot()
        #expect(abs(meanX - 10) < 5 * 0.5 / 4_000.0.squareRoot())
        #expect(abs(sdY - 2) < 0.1)
        let prior = InitialEnsemble.fromPrior(walkers: 5, seed: 1) { random in
            [Double.random(in: 0..<1, using: &random), random.nextUniform() * 10]
        }
        #expect(prior.count == 5 && prior.allSatisfy { (0..<1).contains($0[0]) && (0..<10).contains($0[1]) })
    }
}
