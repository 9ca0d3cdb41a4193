import Ensemble
import Foundation
import Testing

@Suite("Walkers stuck in log-probability")
struct LogProbabilityOutliersTests {
    /// Log-probabilities (steps, walkers, 1) with walker w at `level(w)` plus a deterministic
    /// scatter of ±1.2 (about √(d/2) for d = 3, a sampling walker's spread).
    static func logProbs(steps: Int = 400, walkers: Int = 32, level: (Int) -> Double) -> ChainArray {
        var c = ChainArray(nSteps: steps, nWalkers: walkers, nDim: 1)
        for s in 0..<steps {
            for w in 0..<walkers { c[s, w, 0] = level(w) + 1.2 * sin(Double(7 * s + 13 * w)) }
        }
        return c
    }

    /// darkz case B as found: 12 of 32 walkers sit at log-prob -182394, the rest at -35267.
    @Test func caseBSymptom() {
        let stuck: Set<Int> = [1, 4, 5, 9, 12, 15, 18, 20, 23, 26, 29, 31]
        let lp = Self.logProbs { stuck.contains($0) ? -182_394 : -35_267 }
        let outliers = LogProbabilityOutliers(logProbabilities: lp, dimension: 3)
        #expect(outliers.stuckWalkers == stuck.sorted())
        #expect(abs(outliers.ensembleMedian + 35_267) < 1.5)  // within the ±1.2 scatter
        #expect(outliers.gap == 10)  // max(10, 5·√1.5 = 6.1)
    }

    /// A walker 8 below the others (less than the gap of 10 for d = 2) is not flagged; one at 11 below is.
    @Test func gapIsTheThreshold() {
        let lp = Self.logProbs { $0 == 3 ? -18 : ($0 == 7 ? -21 : -10) }
        // walker 3's median is ≈ 8 below, walker 7's ≈ 11 below; the scatter moves each by < 1.2 and
        // hardly moves the medians (the sine averages out), so the margins of 2 and 1 units are safe.
        #expect(LogProbabilityOutliers(logProbabilities: lp, dimension: 2).stuckWalkers == [7])
    }

    @Test func healthyEnsembleAndLargeDimension() {
        let lp = Self.logProbs { -100 - Double($0 % 5) }
        #expect(!LogProbabilityOutliers(logProbabilities: lp, dimension: 3).hasStuckWalkers)
        #expect(LogProbabilityOutliers(logProbabilities: lp, dimension: 50).gap == 25)
    }

    @Test func walkerOutsideTheSupportIsStuck() {
        let lp = Self.logProbs { $0 == 0 ? -.infinity : -5 }
        #expect(LogProbabilityOutliers(logProbabilities: lp, dimension: 2).stuckWalkers == [0])
    }
}
