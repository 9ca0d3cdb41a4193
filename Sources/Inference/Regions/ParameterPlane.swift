import Ensemble
import Flavor
import Foundation

/// A grid over two sampled variables of a priors file (the plane of the paper's figs. 11-13), the
/// other free parameters held at a base point (the best fit) and the fixed ones at the file's
/// values. Nodes are evenly spaced in the sampled variables (log10 of the value for log-uniform
/// priors), both ends included.
public struct ParameterPlane: Sendable {
    public let priors: PriorsFile
    /// Positions of the two variables in `priors.free`.
    public let xIndex: Int
    public let yIndex: Int
    public let x: PlotParameter
    public let y: PlotParameter
    /// Nodes in the sampled variables.
    public let xs: [Double]
    public let ys: [Double]
    /// All free sampled variables of the base point; entries xIndex and yIndex are replaced per node.
    public let base: [Double]

    public init(priors: PriorsFile, x xIndex: Int, y yIndex: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                nodes: Int, base: [Double]) {
        precondition(xIndex != yIndex && nodes >= 2 && base.count == priors.free.count)
        self.priors = priors
        self.xIndex = xIndex
        self.yIndex = yIndex
        x = PlotParameter(prior: priors.free[xIndex])
        y = PlotParameter(prior: priors.free[yIndex])
        xs = Self.nodes(xRange, nodes)
        ys = Self.nodes(yRange, nodes)
        self.base = base
    }

    static func nodes(_ r: ClosedRange<Double>, _ n: Int) -> [Double] {
        (0..<n).map { i in i == n - 1 ? r.upperBound : r.lowerBound + (r.upperBound - r.lowerBound) * Double(i) / Double(n - 1) }
    }

    public var xRange: ClosedRange<Double> { xs.first!...xs.last! }
    public var yRange: ClosedRange<Double> { ys.first!...ys.last! }

    /// The free parameters that are neither x nor y.
    public var others: [Int] { priors.free.indices.filter { $0 != xIndex && $0 != yIndex } }

    /// Sampled variables at node (i, j) (x index i, y index j).
    public func sampled(_ i: Int, _ j: Int) -> [Double] {
        var v = base
        v[xIndex] = xs[i]
        v[yIndex] = ys[j]
        return v
    }

    public func parameters(_ sampled: [Double]) -> DarkBosonParameters {
        sampled.withUnsafeBufferPointer { priors.point($0) }
    }

    /// `f` at every node, as [x index][y index], on `threads` threads of each process of `group`.
    public func map<T: Sendable & Codable>(threads: Int, group: EvaluationGroup? = nil,
                                           _ f: @Sendable (_ i: Int, _ j: Int) -> T) -> [[T]] {
        let ny = ys.count
        let flat = ParallelMap.map(count: xs.count * ny, threads: threads, group: group) { k in f(k / ny, k % ny) }
        return (0..<xs.count).map { i in Array(flat[(i * ny)..<((i + 1) * ny)]) }
    }

    /// What holds the parameters that are not on the axes, for the legend: "ε = 0.0001, ε_Z = 0.0001
    /// (priors file)" and "f_inv = 0.31 (best fit)".
    public var heldText: [PlotText] {
        var out: [PlotText] = []
        let fixed = priors.parameters.filter { !$0.distribution.isFree && Self.shown($0, in: priors.modelCase) }
        if !fixed.isEmpty {
            out.append(Self.list(fixed.map { ($0, $0.distribution.physical(0)) }) + PlotText(" (priors file)"))
        }
        let free = others.map { (priors.free[$0], priors.free[$0].distribution.physical(base[$0])) }
        if !free.isEmpty { out.append(Self.list(free) + PlotText(" (best fit)")) }
        return out
    }

    /// Whether a parameter matters in the case (g_mu is zero in case A).
    static func shown(_ p: ParameterPrior, in c: DarkBosonCase) -> Bool {
        !(p.name == "gMu" && c == .A) && !(p.name == "invisibleFraction" && p.distribution.physical(0) == 0)
    }

    static func list(_ items: [(ParameterPrior, Double)]) -> PlotText {
        var text = PlotText([])
        for (k, (p, v)) in items.enumerated() {
            let style = PlotParameter(prior: p)
            if k > 0 { text = text + PlotText(", ") }
            text = text + style.symbol + PlotText(" = " + String(format: "%.3g", v * style.displayScale) + (style.unit.map { " " + $0 } ?? ""))
        }
        return text
    }
}
