import Ensemble
import Foundation

/// Targets with known evidence Z = ∫ π L for the tempering tests; the same definitions as
/// Tests/Fixtures/evidence/make_evidence.py, which computes the exact ln Z and dynesty's.
/// Priors are uniform on a box, normalised: ln π = -d ln(width) inside.
protocol BoxTarget: TemperableDensity {
    var halfWidth: Double { get }
    func logLikelihood(_ x: UnsafeBufferPointer<Double>) -> Double
}

extension BoxTarget {
    func logPriorAndLikelihood(_ x: UnsafeBufferPointer<Double>,
                               blobs: UnsafeMutableBufferPointer<Double>) -> (logPrior: Double, logLikelihood: Double) {
        for v in x where abs(v) > halfWidth { return (-.infinity, .nan) }
        return (-Double(dimension) * log(2 * halfWidth), logLikelihood(x))
    }

    /// Walkers drawn uniformly in the box, for every temperature.
    func priorDraws(temperatures: Int, walkers: Int, seed: UInt64) -> [[[Double]]] {
        (0..<temperatures).map { k in
            InitialEnsemble.fromPrior(walkers: walkers, seed: seed &+ UInt64(k)) { random in
                (0..<dimension).map { _ in (2 * random.nextUniform() - 1) * halfWidth }
            }
        }
    }
}

/// L = exp(-|x|²/2σ²) on [-h, h]^d: ln Z = (d/2) ln 2πσ² - d ln 2h (the Gaussian's mass outside
/// the box is negligible: 1e-23 per axis for the fixture's σ = 1, h = 10). A narrow σ gives the
/// dynamic range of darkz's likelihoods (ln L down to -10^5 over the prior), and `peak` their
/// offset (case B's best ln L is -35265).
struct GaussianInBox: BoxTarget {
    let dimension: Int
    var sigma = 1.0
    var halfWidth = 10.0
    /// ln L at the peak (0 for the fixture's target).
    var peak = 0.0
    var exactLogEvidence: Double {
        peak + Double(dimension) / 2 * log(2 * Double.pi * sigma * sigma) - Double(dimension) * log(2 * halfWidth)
    }

    func logLikelihood(_ x: UnsafeBufferPointer<Double>) -> Double {
        var r2 = 0.0
        for v in x { r2 += v * v }
        return peak - r2 / (2 * sigma * sigma)
    }
}

/// L = 0.3 N(x; μ₁, I) + 0.7 N(x; μ₂, I), μ₁,₂ = (∓10, 0, ...), 20 sd apart, on [-20, 20]^d:
/// ln Z = -d ln 40 (mass outside the box: 10 sd from its edge, negligible).
struct GaussianMixture: BoxTarget {
    let dimension: Int
    let halfWidth = 20.0
    let separation = 20.0
    let weights = (0.3, 0.7)
    var exactLogEvidence: Double { -Double(dimension) * log(40) }

    func logLikelihood(_ x: UnsafeBufferPointer<Double>) -> Double {
        var rest = 0.0
        for i in 1..<x.count { rest += x[i] * x[i] }
        let a = x[0] + separation / 2, b = x[0] - separation / 2
        let norm = -Double(dimension) / 2 * log(2 * Double.pi)
        let l1 = log(weights.0) + norm - (a * a + rest) / 2
        let l2 = log(weights.1) + norm - (b * b + rest) / 2
        let top = max(l1, l2)
        return top + log(exp(l1 - top) + exp(l2 - top))
    }
}

/// Two Gaussian shells (Feroz & Hobson 2008; dynesty's test problem):
/// L = Σᵢ exp(-(|x - cᵢ| - r)² / 2w²) / √(2π w²), r = 2, w = 0.1, c = (±3.5, 0, ...), on [-6, 6]^d.
struct GaussianShells: BoxTarget {
    let dimension: Int
    let halfWidth = 6.0
    let radius = 2.0
    let width = 0.1
    let centre = 3.5

    func logLikelihood(_ x: UnsafeBufferPointer<Double>) -> Double {
        var rest = 0.0
        for i in 1..<x.count { rest += x[i] * x[i] }
        let da = ((x[0] + centre) * (x[0] + centre) + rest).squareRoot() - radius
        let db = ((x[0] - centre) * (x[0] - centre) + rest).squareRoot() - radius
        let norm = -0.5 * log(2 * Double.pi * width * width)
        let l1 = norm - da * da / (2 * width * width), l2 = norm - db * db / (2 * width * width)
        let top = max(l1, l2)
        return top + log(exp(l1 - top) + exp(l2 - top))
    }
}
