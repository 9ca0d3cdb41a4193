import Testing
import Ensemble

@Suite("Rank-normalised R-hat, ESS, MCSE (ArviZ 0.23.4)")
struct RankDiagnosticsTests {
    func expectClose(_ ours: [Double], _ reference: [Double], _ what: String, _ name: String) {
        #expect(ours.count == reference.count, "\(name) \(what): \(ours.count) parameters")
        for (dim, (a, b)) in zip(ours, reference).enumerated() {
            #expect(relativeDifference(a, b) <= 1e-6, "\(name) dim \(dim) \(what): \(a) vs ArviZ \(b)")
        }
    }

    @Test("R-hat, bulk/tail ESS and MCSE equal ArviZ's", arguments: DiagnosticsFixture.names)
    func summaryMatchesArviZ(name: String) throws {
        let fixture = try DiagnosticsFixture.load(name)
        let d = RankDiagnostics(runs: try fixture.chains())
        expectClose(d.rHat, fixture.arviz.rhat, "rhat", name)
        expectClose(d.essBulk, fixture.arviz.essBulk, "ess_bulk", name)
        expectClose(d.essTail, fixture.arviz.essTail, "ess_tail", name)
        expectClose(d.mcseMean, fixture.arviz.mcseMean, "mcse_mean", name)
    }

    @Test("relative ESS equals ArviZ's relative=True", arguments: DiagnosticsFixture.names)
    func relativeESSMatchesArviZ(name: String) throws {
        let fixture = try DiagnosticsFixture.load(name)
        let chain = try fixture.stackedChain()
        let dims = 0..<chain.nDim
        expectClose(dims.map { chain.bulkEffectiveSampleSize(dim: $0, relative: true) },
                    fixture.arviz.essBulkRelative, "ess_bulk_relative", name)
        expectClose(dims.map { chain.tailEffectiveSampleSize(dim: $0, relative: true) },
                    fixture.arviz.essTailRelative, "ess_tail_relative", name)
    }

    @Test func oddDrawsAreSplitWithoutTheMiddleDraw() throws {
        // 1001 steps x 4 walkers: relative ESS is per split draw, 8 chains x 500 draws.
        let chain = try DiagnosticsFixture.load("odd_draws").stackedChain()
        let ess = chain.bulkEffectiveSampleSize(dim: 0)
        let relative = chain.bulkEffectiveSampleSize(dim: 0, relative: true)
        #expect(relativeDifference(ess / relative, 4000) < 1e-12)
    }

    @Test func runsAreComparedAcrossRuns() throws {
        // Run 2 sits 0.3 sd off in dim 0: pooled R-hat exceeds what either run shows alone.
        let runs = try DiagnosticsFixture.load("two_runs").chains()
        let pooled = RankDiagnostics(runs: runs).rHat[0]
        #expect(pooled > RankDiagnostics(runs[0]).rHat[0])
        #expect(pooled > RankDiagnostics(runs[1]).rHat[0])
    }

    @Test func tooFewChainsOrDrawsGiveNaN() {
        var oneWalker = ChainArray(nSteps: 10, nWalkers: 1, nDim: 1)
        for s in 0..<10 { oneWalker[s, 0, 0] = Double(s % 3) }
        #expect(oneWalker.rankNormalizedSplitRHat(dim: 0).isNaN)
        #expect(!oneWalker.bulkEffectiveSampleSize(dim: 0).isNaN)
        let threeSteps = ChainArray(nSteps: 3, nWalkers: 4, nDim: 1, values: (0..<12).map(Double.init))
        #expect(threeSteps.bulkEffectiveSampleSize(dim: 0).isNaN)
        #expect(threeSteps.tailEffectiveSampleSize(dim: 0).isNaN)
        #expect(threeSteps.monteCarloStandardErrorOfMean(dim: 0).isNaN)
        #expect(threeSteps.rankNormalizedSplitRHat(dim: 0).isNaN)
    }

    @Test func constantChainHasESSOfAllSplitDraws() {
        // ArviZ returns the number of (split) draws when every value is equal.
        let constant = ChainArray(nSteps: 11, nWalkers: 2, nDim: 1, repeating: 4.2)
        #expect(constant.bulkEffectiveSampleSize(dim: 0) == 20)
        #expect(constant.meanEffectiveSampleSize(dim: 0) == 20)
    }
}
