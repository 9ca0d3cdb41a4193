import Ensemble
import Flavor
import Foundation

/// The allowed regions of a chain in a plane of two sampled variables (the paper's figs. 11-13),
/// with each chosen constraint's excluded area on the same plane.
///
/// - Posterior mode: highest-posterior-density regions of the pair's 2-D marginal, from the chain's
///   samples smoothed as the corner plot smooths them (`KernelDensity2D`, Scott's bandwidth with
///   n_eff = samples / tau, reflected at prior bounds); the contour at each level encloses that
///   fraction of the smoothed density.
/// - Profile mode: chi^2 of the chain's likelihood at every node of the plane, minimised over the
///   free parameters the plane leaves out (Nelder-Mead from the best fit; exact when the chain has
///   only these two), and the regions chi^2 <= chi^2_min + Delta with Delta = 2.30, 6.17, 11.83
///   (68.3, 95.4, 99.7 % for two parameters of interest, Wilks; `ProfileRegions.twoDimensionalDeltas`).
///   chi^2_min is the lowest of the grid and of the chain.
///
/// Constraints are judged on the plane's nodes with the other parameters at the plane's base point
/// (fixed ones from the priors file, free ones at the best fit), whatever the mode.
public struct PlaneRegions: Sendable {
    public enum Mode: String, Sendable { case posterior, profile }

    public static let levels = CornerDensities.levels

    public let plane: ParameterPlane
    public let mode: Mode
    /// Posterior mode: the smoothed 2-D marginal (its own grid, covering the samples).
    public let density: KernelDensity2D?
    /// Profile mode: chi^2 at the plane's nodes, [x index][y index].
    public let chiSquare: [[Double]]?
    /// Posterior: density thresholds of the HPD levels; profile: chi^2_min + Delta.
    public let thresholds: [Double]
    public let chiSquareMinimum: Double
    /// The chain's best sample in the plane's two variables.
    public let best: (x: Double, y: Double)
    public let constraints: [ConstraintExclusion]
    public let sampleCount: Int
    public let effectiveSize: Double

    /// - Parameters:
    ///   - samples: the chain's samples after burn-in (all free sampled variables).
    ///   - bestSample: the sample of highest log-probability, and its chi^2.
    ///   - likelihood: the chain's likelihood (profile mode).
    public init(plane: ParameterPlane, mode: Mode, samples: [[Double]], effectiveSize: Double,
                bestSample: [Double], bestChiSquare: Double, likelihood: PosteriorLikelihood,
                constraints: [ConstraintExclusion], threads: Int, group: EvaluationGroup? = nil) {
        self.plane = plane
        self.mode = mode
        self.constraints = constraints
        sampleCount = samples.count
        self.effectiveSize = effectiveSize
        best = (bestSample[plane.xIndex], bestSample[plane.yIndex])
        switch mode {
        case .posterior:
            let d = KernelDensity2D(x: samples.map { $0[plane.xIndex] }, y: samples.map { $0[plane.yIndex] },
                                    xBounds: plane.x.bounds, yBounds: plane.y.bounds, effectiveSize: effectiveSize, bins: 160)
            density = d
            chiSquare = nil
            thresholds = d.thresholds(levels: Self.levels)
            chiSquareMinimum = bestChiSquare
        case .profile:
            let grid = Self.profile(plane, likelihood: likelihood, threads: threads, group: group)
            let minimum = min(grid.joined().min() ?? .infinity, bestChiSquare)
            density = nil
            chiSquare = grid
            chiSquareMinimum = minimum
            thresholds = ProfileRegions.twoDimensionalDeltas.map { minimum + $0 }
        }
    }

    /// chi^2 at each node, minimised over the plane's other free parameters from the base point.
    static func profile(_ plane: ParameterPlane, likelihood: PosteriorLikelihood, threads: Int,
                        group: EvaluationGroup? = nil) -> [[Double]] {
        let priors = plane.priors, others = plane.others
        let bounds = priors.free.map(\.distribution.sampledBounds)
        let fit = BestFit(priors: priors, likelihood: likelihood)  // its chi^2: +inf outside the prior box
        @Sendable func chi2(_ v: [Double]) -> Double { fit.chiSquare(v) }
        return plane.map(threads: threads, group: group) { i, j in
            let node = plane.sampled(i, j)
            guard !others.isEmpty else { return chi2(node) }
            let found = NelderMead.minimise({ sub in
                var v = node
                for (k, o) in others.enumerated() { v[o] = sub[k] }
                return chi2(v)
            }, from: others.map { node[$0] }, steps: others.map { 0.05 * (bounds[$0].upperBound - bounds[$0].lowerBound) },
               maxIterations: 300, tolerance: 1e-4)
            return min(found.value, chi2(node))
        }
    }

    /// Closed loops (sampled variables) of the region at each of `levels`, innermost level first.
    public var regions: [[[(Double, Double)]]] {
        switch mode {
        case .posterior:
            let d = density!
            return thresholds.map { Contours.closedLoops(xs: d.xCenters, ys: d.yCenters, values: d.density, level: $0,
                                                         xRange: d.xRange, yRange: d.yRange) }
        case .profile:
            let negative = chiSquare!.map { $0.map { $0.isFinite ? -$0 : -1e300 } }
            return thresholds.map { Contours.closedLoops(xs: plane.xs, ys: plane.ys, values: negative, level: -$0,
                                                         xRange: plane.xRange, yRange: plane.yRange) }
        }
    }

    /// The level names: "68.3% HPD" or "Δχ² = 2.30 (68.3%)".
    public var levelLabels: [String] {
        Self.levels.indices.map { k in
            let percent = String(format: "%.1f%%", Self.levels[k] * 100)
            return mode == .posterior ? percent + " HPD" : String(format: "Δχ² = %.2f (", ProfileRegions.twoDimensionalDeltas[k]) + percent + ")"
        }
    }
}
