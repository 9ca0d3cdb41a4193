import Ensemble
import Flavor
import Foundation

/// Where one constraint excludes the points of a `ParameterPlane`, as judged by
/// `ConstraintSet.evaluate` (the same verdict `darkz constraints` prints at each node).
///
/// The boundary is drawn as the zero contour of a margin that is positive exactly where the node is
/// excluded: ln(|pull| / z), with z the pull at the constraint's CL (one-sided for upper limits, as
/// `ConstraintForm.judgeLimit` scales them; two-sided for measurements). The logarithm makes the
/// margin nearly linear between nodes for rates that grow as a power of the couplings, so the
/// interpolated boundary lies close to the true one. A node where the constraint does not apply
/// (outside a limit curve's mass range) gets a large negative margin; one whose margin disagrees
/// with the constraint's own `excluded` flag (a constraint that judges itself) gets +-1.
public struct ConstraintExclusion: Sendable {
    public let name: String
    public let cl: Double
    /// "measurement" or "upper limit".
    public let kind: String
    /// [x index][y index].
    public let results: [[ConstraintResult]]
    public let margins: [[Double]]

    /// Margins are clamped to +-`marginLimit`.
    public static let marginLimit = 40.0

    public init(name: String, results: [[ConstraintResult]]) {
        self.name = name
        self.results = results
        let first = results.joined().first { $0.applies } ?? results[0][0]
        cl = first.cl
        kind = first.kind
        margins = results.map { $0.map(Self.margin) }
    }

    /// ln(|pull| / z_CL), positive exactly when `r.excluded`.
    public static func margin(_ r: ConstraintResult) -> Double {
        guard r.applies else { return -marginLimit }
        let z = r.kind == "upper limit" ? ConstraintForm.oneSidedZ(r.cl) : ConstraintForm.twoSidedZ(r.cl)
        var m = log(max(abs(r.pull), 1e-300) / z)
        if !m.isFinite { m = r.excluded ? marginLimit : -marginLimit }
        m = min(max(m, -marginLimit), marginLimit)
        if (m > 0) != r.excluded { m = r.excluded ? 1 : -1 }
        return m
    }

    /// Fraction of the nodes excluded.
    public var excludedFraction: Double {
        let all = results.joined()
        return Double(all.filter(\.excluded).count) / Double(max(all.count, 1))
    }

    /// Whether the constraint applies anywhere in the plane.
    public var appliesAnywhere: Bool { results.joined().contains { $0.applies } }

    /// Closed loops (sampled variables) around the excluded area.
    public func boundary(_ plane: ParameterPlane) -> [[(Double, Double)]] {
        Contours.closedLoops(xs: plane.xs, ys: plane.ys, values: margins, level: 0, xRange: plane.xRange, yRange: plane.yRange)
    }

    /// Every constraint of `names` on every node of `plane`.
    public static func map(_ plane: ParameterPlane, set: ConstraintSet, model: DarkBosonModel, names: [String],
                           threads: Int, group: EvaluationGroup? = nil) -> [ConstraintExclusion] {
        let grid = plane.map(threads: threads, group: group) { i, j in
            set.evaluate(model.point(plane.parameters(plane.sampled(i, j))), names: names)
        }
        guard let order = grid.first?.first?.map(\.name) else { return [] }
        return order.indices.map { k in ConstraintExclusion(name: order[k], results: grid.map { $0.map { $0[k] } }) }
    }
}
