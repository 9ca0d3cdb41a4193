import Testing
import Ensemble

@Suite("Convergence rule")
struct ConvergenceRuleTests {
    let rule = ConvergenceRule()
    let tau = [10.0, 20.0]

    @Test func convergedWhenLongAndStable() {
        // 1000 = 50 x 20 exactly; changes 0.5 % and 0.5 %.
        let c = rule.check(tau: tau, steps: 1000, previousTau: [10.05, 20.1])
        #expect(c.isLongEnough && c.isTauStable && c.isConverged)
    }

    @Test func tooFewStepsFails() {
        let c = rule.check(tau: tau, steps: 999, previousTau: [10.05, 20.1])
        #expect(!c.isLongEnough)
        #expect(c.isTauStable)
        #expect(!c.isConverged)
    }

    @Test func driftingTauFails() {
        // |20 - 19.7| / 20 = 1.5 % on the second parameter only.
        let c = rule.check(tau: tau, steps: 5000, previousTau: [10.0, 19.7])
        #expect(c.isLongEnough)
        #expect(!c.isTauStable)
        #expect(!c.isConverged)
    }

    @Test func firstCheckIsNeverStable() {
        let c = rule.check(tau: tau, steps: 5000, previousTau: nil)
        #expect(c.isLongEnough && !c.isTauStable && !c.isConverged)
    }

    @Test func thresholdsAreSettable() {
        let strict = ConvergenceRule(minimumStepsPerTau: 100, maximumRelativeTauChange: 0.001)
        let c = strict.check(tau: tau, steps: 1000, previousTau: [10.05, 20.1])
        #expect(!c.isLongEnough && !c.isTauStable)
        let loose = ConvergenceRule(minimumStepsPerTau: 10, maximumRelativeTauChange: 0.05)
        #expect(loose.check(tau: tau, steps: 200, previousTau: [10.0, 19.7]).isConverged)
    }

    @Test func nanTauNeverConverges() {
        let c = rule.check(tau: [.nan, 20], steps: 100_000, previousTau: [.nan, 20])
        #expect(!c.isLongEnough && !c.isTauStable)
    }

    @Test func checksAutocorrelationEstimates() throws {
        let short = IntegratedAutocorrelationTime(try DiagnosticsFixture.load("short_chain").stackedChain())
        #expect(!rule.check(short, previous: short).isLongEnough)
        let long = IntegratedAutocorrelationTime(try DiagnosticsFixture.load("ar1_rho09").stackedChain())
        #expect(rule.check(long, previous: long).isConverged)
        #expect(!rule.check(long, previous: nil).isConverged)
    }
}
