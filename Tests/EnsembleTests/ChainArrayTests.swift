import Testing
@testable import Ensemble

@Suite("ChainArray layout")
struct ChainArrayTests {
    /// A chain whose value encodes its own index: 100*step + 10*walker + dim.
    func indexed(steps: Int, walkers: Int, dims: Int) -> ChainArray {
        var c = ChainArray(nSteps: steps, nWalkers: walkers, nDim: dims)
        for s in 0..<steps { for w in 0..<walkers { for d in 0..<dims { c[s, w, d] = Double(100 * s + 10 * w + d) } } }
        return c
    }

    @Test func layoutIsStepWalkerDim() {
        let c = indexed(steps: 3, walkers: 2, dims: 2)
        #expect(c.values[(2 * 2 + 1) * 2 + 1] == 211)
        #expect(c.series(walker: 1, dim: 0) == [10, 110, 210])
    }

    @Test func sliceDiscardsAndThinsLikeEmcee() {
        // emcee 3.1.6: chain[discard + thin - 1 :: thin] -> steps 3, 5
        let c = indexed(steps: 7, walkers: 2, dims: 1).slice(discard: 2, thin: 2)
        #expect(c.nSteps == 2)
        #expect(c.series(walker: 0, dim: 0) == [300, 500])
        #expect(indexed(steps: 7, walkers: 2, dims: 1).slice(discard: 2).series(walker: 1, dim: 0) == [210, 310, 410, 510, 610])
    }

    @Test func flattenIsStepMajor() {
        let flat = indexed(steps: 2, walkers: 2, dims: 1).flattened()
        #expect(flat == [[0], [10], [100], [110]])
    }

    @Test func stackingJoinsWalkers() {
        let a = indexed(steps: 2, walkers: 1, dims: 1)
        let b = indexed(steps: 2, walkers: 2, dims: 1)
        let s = ChainArray.stackingWalkers([a, b])
        #expect(s.nWalkers == 3)
        #expect(s.series(walker: 2, dim: 0) == [10, 110])
    }
}
