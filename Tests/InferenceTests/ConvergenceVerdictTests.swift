import Ensemble
import Foundation
import Inference
import Testing

/// The verdict on constructed chains: each failing criterion is named, a well-mixed chain passes.
@Suite("Convergence verdict")
struct ConvergenceVerdictTests {
    static let steps = 2_000, walkers = 16

    /// Independent N(offset(w), 1) draws per walker and parameter (Box–Muller on a fixed stream):
    /// τ ≈ 1, R-hat ≈ 1 + O(1/N) and ESS ≈ 32 000 when all offsets agree.
    static func chain(offset: (Int) -> Double = { _ in 0 }) -> (ChainArray, ChainArray) {
        var random = Xoshiro256StarStar(seed: 20_211, stream: 0)
        func uniform() -> Double { (Double(random.next() >> 11) + 0.5) / 9_007_199_254_740_992 }
        var c = ChainArray(nSteps: steps, nWalkers: walkers, nDim: 2)
        var lp = ChainArray(nSteps: steps, nWalkers: walkers, nDim: 1)
        for s in 0..<steps {
            for w in 0..<walkers {
                let r = (-2 * log(uniform())).squareRoot(), phi = 2 * Double.pi * uniform()
                c[s, w, 0] = offset(w) + r * cos(phi)
                c[s, w, 1] = r * sin(phi)
                lp[s, w, 0] = -0.5 * (c[s, w, 0] * c[s, w, 0] + c[s, w, 1] * c[s, w, 1])
            }
        }
        return (c, lp)
    }

    static let acceptance = (0..<walkers).map { 0.3 + 0.01 * Double($0 % 5) }
    static let names = ["log10(mZD)", "gMu"]

    static func verdict(_ c: ChainArray, _ lp: ChainArray, tau: [Double] = [1, 1], previousTau: [Double]? = [1, 1],
                        swap: [Double]? = nil) -> ConvergenceVerdict {
        ConvergenceVerdict(chain: c, logProbabilities: lp, acceptanceFractions: acceptance, tau: tau, tauSteps: steps,
                           previousTau: previousTau, swapAcceptance: swap, parameterNames: names)
    }

    @Test func wellMixedChainPasses() {
        let (c, lp) = Self.chain()
        let v = Self.verdict(c, lp, swap: [0.4, 0.3])
        #expect(v.isConverged, "\(v.failures)")
        #expect(v.rank!.rHat.allSatisfy { $0 < 1.005 })  // iid: R-hat - 1 is O(1/N), ~1e-4 here
        #expect(v.text.hasPrefix("verdict: converged"))
    }

    @Test func shortChainFailsLengthAndStability() {
        let (c, lp) = Self.chain()
        // 2000 steps < 50 × 45 = 2250 for gMu only; τ of log10(mZD) moved 10 %.
        let v = Self.verdict(c, lp, tau: [30, 45], previousTau: [27, 45])
        #expect(!v.isConverged)
        #expect(v.failedCriteria == [.chainLength, .tauStability])
        #expect(v.failures[0].message.contains("gMu") && v.failures[0].message.contains("2250"))
        #expect(v.failures[1].message.contains("log10(mZD)") && v.failures[1].message.contains("10.0%"))
        #expect(Self.verdict(c, lp, previousTau: nil).failedCriteria == [.tauStability])
    }

    /// Half the walkers 3 sigma away from the others in log10(mZD): R-hat ≈ √(1 + 1.5²·...) ≫ 1.01.
    @Test func separatedGroupsFailRHat() {
        let (c, lp) = Self.chain { $0 < Self.walkers / 2 ? 0 : 3 }
        let v = Self.verdict(c, lp)
        #expect(v.failedCriteria.contains(.rHat))
        let rhat = v.failures.filter { $0.criterion == .rHat }
        #expect(rhat.count == 1 && rhat[0].message.hasPrefix("R-hat ") && rhat[0].message.hasSuffix("> 1.01 for log10(mZD)"))
        #expect(v.rank!.rHat[0] > 1.3 && v.rank!.rHat[1] < 1.01)
    }

    /// Walker 5 keeps accepting (its fraction is like the others') but its log-prob sits 1000 below.
    @Test func walkerStuckInLogProbability() {
        let (c, clean) = Self.chain()
        var lp = clean
        for s in 0..<Self.steps { lp[s, 5, 0] -= 1_000 }
        let v = Self.verdict(c, lp)
        #expect(v.failedCriteria == [.stuckWalkers])
        #expect(v.acceptance.stuckWalkers.isEmpty && v.stuckWalkers == [5])
        #expect(v.failures[0].message.contains("1 of 16 walkers"))
    }

    @Test func lowSwapAcceptance() {
        let (c, lp) = Self.chain()
        let v = Self.verdict(c, lp, swap: [0.35, 0.04, 0.2])
        #expect(v.failedCriteria == [.swapAcceptance])
        #expect(v.failures.count == 1 && v.failures[0].message == "swap acceptance 0.040 < 0.1 between temperatures 1 and 2")
    }

    @Test func lowEffectiveSampleSize() {
        let (c, lp) = Self.chain()
        let short = c.slice(discard: Self.steps - 10), shortLP = lp.slice(discard: Self.steps - 10)
        // 10 steps × 16 walkers = 160 draws < 400: both ESS fail for both parameters.
        let v = ConvergenceVerdict(chain: short, logProbabilities: shortLP, acceptanceFractions: Self.acceptance,
                                   tau: [1, 1], tauSteps: Self.steps, previousTau: [1, 1], parameterNames: Self.names)
        #expect(v.failedCriteria.contains(.essBulk) && v.failedCriteria.contains(.essTail))
    }

    /// `complete: false` skips R-hat and ESS once a cheaper criterion fails, and only then.
    @Test func incompleteVerdictSkipsRankDiagnostics() {
        let (c, lp) = Self.chain { $0 < Self.walkers / 2 ? 0 : 3 }
        let short = ConvergenceVerdict(chain: c, logProbabilities: lp, acceptanceFractions: Self.acceptance, tau: [50, 1],
                                       tauSteps: Self.steps, previousTau: [50, 1], complete: false)
        #expect(!short.isComplete && short.failedCriteria == [.chainLength])
        let long = ConvergenceVerdict(chain: c, logProbabilities: lp, acceptanceFractions: Self.acceptance, tau: [1, 1],
                                      tauSteps: Self.steps, previousTau: [1, 1], complete: false)
        #expect(long.isComplete && long.failedCriteria.contains(.rHat))
    }

    /// The whole-chain form: a chain no longer than one check interval has no earlier τ.
    @Test func wholeChainShorterThanOneCheck() {
        let (c, lp) = Self.chain()
        let v = ConvergenceVerdict(wholeChain: c, logProbabilities: lp, acceptanceFractions: Self.acceptance,
                                   checkEvery: Self.steps, parameterNames: Self.names)
        #expect(v.failedCriteria.contains(.tauStability))
        #expect(v.discard == BurnIn.defaultSteps(c))
        #expect(v.failures.first { $0.criterion == .tauStability }!.message.contains("earlier estimate"))
    }
}
