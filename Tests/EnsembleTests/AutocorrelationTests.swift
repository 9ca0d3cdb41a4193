import Testing
import Ensemble

@Suite("Integrated autocorrelation time (emcee 3.1.6)")
struct AutocorrelationTests {
    @Test("τ equals emcee's integrated_time(c=5, tol=50)", arguments: DiagnosticsFixture.names)
    func tauMatchesEmcee(name: String) throws {
        let fixture = try DiagnosticsFixture.load(name)
        let estimate = IntegratedAutocorrelationTime(try fixture.stackedChain())
        #expect(estimate.tau.count == fixture.emcee.tau.count)
        for (dim, (ours, emcee)) in zip(estimate.tau, fixture.emcee.tau).enumerated() {
            #expect(relativeDifference(ours, emcee) <= 1e-6, "\(name) dim \(dim): \(ours) vs emcee \(emcee)")
        }
        #expect(estimate.isTooShort == fixture.emcee.tooShort)
    }

    @Test func shortChainIsFlaggedPerParameter() throws {
        let short = IntegratedAutocorrelationTime(try DiagnosticsFixture.load("short_chain").stackedChain())
        #expect(short.isTooShort == [true, false])
        #expect(short.anyTooShort)
        let long = IntegratedAutocorrelationTime(try DiagnosticsFixture.load("ar1_rho09").stackedChain())
        #expect(!long.anyTooShort)
        // The tolerance is the caller's: ask for 200 τ and the long chain is too short as well.
        let strict = IntegratedAutocorrelationTime(try DiagnosticsFixture.load("ar1_rho09").stackedChain(), tolerance: 200)
        #expect(strict.isTooShort == [true, true, true])
    }

    @Test func autocorrelationFunctionByHand() {
        // x - mean = (-1.5, -0.5, 0.5, 1.5): lag sums 5, 1.25, -1.5, -2.25.
        let acf = IntegratedAutocorrelationTime.autocorrelationFunction(of: [1, 2, 3, 4])
        let expected = [1, 0.25, -0.3, -0.45]
        #expect(acf.count == 4)
        for (a, e) in zip(acf, expected) { #expect(abs(a - e) < 1e-14) }
    }

    @Test func windowFollowsSokalsRuleForC() throws {
        let chain = try DiagnosticsFixture.load("ar1_rho09").stackedChain()
        let c5 = IntegratedAutocorrelationTime(chain)
        let c10 = IntegratedAutocorrelationTime(chain, c: 10)
        for dim in 0..<chain.nDim {
            #expect(Double(c5.window[dim]) >= 5 * c5.tau[dim])
            #expect(Double(c10.window[dim]) >= 10 * c10.tau[dim])
            #expect(c10.window[dim] > c5.window[dim])
            #expect(c5.window[dim] < chain.nSteps - 1)
        }
    }
}
