import Ensemble
import Foundation
import Testing

@Suite("Random streams")
struct RandomStreamTests {
    @Test("xoshiro256** reproduces the reference outputs of Blackman & Vigna for state (1, 2, 3, 4)")
    func xoshiroReference() {
        var random = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
                                  607988272756665600, 16172922978634559625, 8476171486693032832,
                                  10595114339597558777, 2904607092377533576]
        #expect(expected.map { _ in random.next() } == expected)
    }

    @Test("SplitMix64 reproduces the reference outputs for seed 1234567")
    func splitMixReference() {
        var random = SplitMix64(state: 1234567)
        #expect((0..<5).map { _ in random.next() } == [6457827717110365317, 3203168211198807973, 9817491932198370423,
                                                       4593380528125082431, 16408922859458223821])
    }

    @Test("Streams of one seed, and seeds, differ")
    func streamsDiffer() {
        var firsts = Set<UInt64>()
        for seed: UInt64 in [0, 1, 2] {
            var sampler = Xoshiro256StarStar.samplerStream(seed: seed)
            firsts.insert(sampler.next())
            for w in 0..<100 {
                var walker = Xoshiro256StarStar.walkerStream(seed: seed, walker: w)
                var initial = Xoshiro256StarStar.initialPositionStream(seed: seed, walker: w)
                firsts.insert(walker.next())
                firsts.insert(initial.next())
            }
        }
        #expect(firsts.count == 3 * 201)
    }

    @Test("Uniform integers are in range and uniform; Gaussians have mean 0 and variance 1")
    func distributions() {
        var random = Xoshiro256StarStar(seed: 42, stream: 0)
        var counts = [Int](repeating: 0, count: 7)
        let n = 70_000
        for _ in 0..<n { counts[random.nextInt(below: 7)] += 1 }
        let chiSquare = counts.reduce(0.0) { $0 + pow(Double($1) - 10_000, 2) / 10_000 }
        #expect(chiSquare < 30)  // 6 degrees of freedom: P(> 30) ≈ 4e-5
        let g = (0..<n).map { _ in random.nextGaussian() }
        let mean = g.reduce(0, +) / Double(n)
        let variance = g.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
        #expect((0..<1_000).allSatisfy { _ in (0..<1).contains(random.nextUniform()) })
    }

    @Test("A generator saved mid-pair (spare Gaussian pending) continues identically")
    func codableState() throws {
        var random = Xoshiro256StarStar(seed: 7, stream: 3)
        _ = random.nextGaussian()
        let copy = try JSONDecoder().decode(Xoshiro256StarStar.self, from: JSONEncoder().encode(random))
        #expect(copy == random)
        var a = random, b = copy
        #expect((0..<10).map { _ in a.nextGaussian().bitPattern } == (0..<10).map { _ in b.nextGaussian().bitPattern })
    }
}
