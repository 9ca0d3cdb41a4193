import Testing
import Ensemble

@Suite("Acceptance summary")
struct AcceptanceSummaryTests {
    // Median of the eight is (0.28 + 0.30) / 2 = 0.29, a fifth of it 0.058.
    let fractions = [0.30, 0.35, 0.0, 0.25, 0.05, 0.40, 0.32, 0.28]

    @Test func minMedianMax() {
        let s = AcceptanceSummary(fractions: fractions)
        #expect(s.minimum == 0)
        #expect(abs(s.median - 0.29) < 1e-15)
        #expect(s.maximum == 0.40)
    }

    @Test func stuckWalkersByDefaultRules() {
        let s = AcceptanceSummary(fractions: fractions)
        #expect(s.stuckWalkers == [2, 4])
        #expect(s.hasStuckWalkers)
    }

    @Test func thresholdsAreSettable() {
        // Only the walker that never moved, when the relative rule is switched off ...
        #expect(AcceptanceSummary(fractions: fractions, relativeToMedian: 0).stuckWalkers == [2])
        // ... and a stricter floor catches a third walker.
        #expect(AcceptanceSummary(fractions: fractions, floor: 0.25).stuckWalkers == [2, 3, 4])
    }

    @Test func healthyEnsembleHasNoStuckWalker() {
        let s = AcceptanceSummary(fractions: [0.31, 0.27, 0.35, 0.22, 0.40, 0.29])
        #expect(s.stuckWalkers.isEmpty)
        #expect(!s.hasStuckWalkers)
    }

    @Test func fromAcceptedCounts() {
        let s = AcceptanceSummary(accepted: [30, 0, 45, 25], steps: 100)
        #expect(s.fractions == [0.30, 0.0, 0.45, 0.25])
        #expect(abs(s.median - 0.275) < 1e-15)
        #expect(s.stuckWalkers == [1])
    }
}
