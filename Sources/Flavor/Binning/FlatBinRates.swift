@preconcurrency import CGSL
import Foundation

/// The `ResonantBinRate`s of a table in flat storage without references, for the per-point loop:
/// every bin's quadrature nodes with their rate forms in one contiguous buffer, four nodes per SIMD
/// group (structure of arrays, so that each operation serves four nodes), the channels' form grids
/// in another buffer, the distinct bin edges, and per bin its constants. `offShellChanges`
/// (FlatBinRates+Point.swift) computes what `ResonantBinRate.offShellChange` does for every bin,
/// without retaining or copying anything, and what bins share only once (a channel's form at the
/// pole, the transcendental functions at an edge); the sums run in another order (four lanes, the
/// quadratic form by its upper triangle), so the two agree to rounding (1e-13 relative of the bin's
/// SM rate in the tests), not to the last bit.
public struct FlatBinRates: Sendable {
    /// Four quadrature nodes side by side (one lane each): q^2, weight, and the (dC9, dC10) form of
    /// the rate there, its symmetric matrix as the 10 upper entries with the off-diagonal ones doubled,
    /// so that p.Q p = sum_j d_jj p_j^2 + sum_{j<l} o_jl p_j p_l. A bin's nodes fill whole groups; the
    /// lanes past its last node have weight 0 (and q^2 of the bin's first node), so they add exactly 0.
    @usableFromInline
    struct NodeGroup: Sendable {
        @usableFromInline var q2, weight: SIMD4<Double>
        @usableFromInline var l0, l1, l2, l3: SIMD4<Double>
        @usableFromInline var d0, d1, d2, d3: SIMD4<Double>
        @usableFromInline var o01, o02, o03, o12, o13, o23: SIMD4<Double>
    }

    /// A bin: its node groups, its channel's grid, its edges in `edges`, the edges in |q| for the
    /// smearing of eq. 2.14, and whether it is a muon mode (which `PoleShift` applies).
    @usableFromInline
    struct Bin: Sendable {
        @usableFromInline var start, count, grid, lowerEdge, upperEdge: Int
        @usableFromInline var muon: Bool
        @usableFromInline var q2Min, q2Max, qMin, qMax, threshold, resolution, standardModel: Double
        @usableFromInline var timelike: TimelikeQuadraticForm
    }

    /// A bin edge at q^2 with the resolution of its bins' lepton: the bins that meet there share its
    /// ln(x^2 + g^2) and atan(x/g), x = q^2 - M^2 (g depends on the resolution alone at a point).
    @usableFromInline
    struct Edge: Sendable {
        @usableFromInline var q2, resolution: Double
    }

    @usableFromInline
    struct Grid: Sendable {
        @usableFromInline var start, count: Int
        @usableFromInline var q2Min, q2Max, logMin, step: Double
    }

    @usableFromInline let nodes: ContiguousArray<NodeGroup>
    @usableFromInline let bins: ContiguousArray<Bin>
    @usableFromInline let grids: ContiguousArray<Grid>
    @usableFromInline let edges: ContiguousArray<Edge>
    @usableFromInline let gridForms: ContiguousArray<ShiftQuadraticForm>
    /// q^2 at each grid form, exp(logMin + i step) as `ChannelFormGrid.form(at:)` computes it.
    @usableFromInline let gridNodes: ContiguousArray<Double>

    public var count: Int { bins.count }

    public init(_ rates: [ResonantBinRate]) {
        var nodes = ContiguousArray<NodeGroup>(), bins = ContiguousArray<Bin>(), grids = ContiguousArray<Grid>()
        var gridForms = ContiguousArray<ShiftQuadraticForm>(), gridNodes = ContiguousArray<Double>()
        var gridIndex: [String: Int] = [:]
        var edges = ContiguousArray<Edge>()
        func edge(_ q2: Double, _ resolution: Double) -> Int {
            if let known = edges.firstIndex(where: { $0.q2 == q2 && $0.resolution == resolution }) { return known }
            edges.append(Edge(q2: q2, resolution: resolution))
            return edges.count - 1
        }
        for rate in rates {
            let g = rate.grid
            let key = "\(g.channel) \(g.q2Min) \(g.q2Max) \(g.forms.count)"
            let k: Int
            if let known = gridIndex[key] {
                k = known
            } else {
                k = grids.count
                gridIndex[key] = k
                grids.append(Grid(start: gridForms.count, count: g.forms.count, q2Min: g.q2Min, q2Max: g.q2Max, logMin: g.logMin, step: g.step))
                gridForms.append(contentsOf: g.forms)
                gridNodes.append(contentsOf: g.forms.indices.map { exp(g.logMin + Double($0) * g.step) })
            }
            let bin = rate.bin
            let groups = (bin.nodes.count + 3) / 4
            bins.append(Bin(start: nodes.count, count: groups, grid: k, lowerEdge: edge(bin.q2Min, rate.resolution),
                            upperEdge: edge(bin.q2Max, rate.resolution), muon: g.channel.lepton == .muon,
                            q2Min: bin.q2Min, q2Max: bin.q2Max, qMin: bin.q2Min.squareRoot(), qMax: bin.q2Max.squareRoot(),
                            threshold: rate.threshold, resolution: rate.resolution, standardModel: bin.standardModel,
                            timelike: bin.timelikeIntegral))
            for g in 0..<groups {
                var group = NodeGroup(q2: .zero, weight: .zero, l0: .zero, l1: .zero, l2: .zero, l3: .zero, d0: .zero, d1: .zero,
                                      d2: .zero, d3: .zero, o01: .zero, o02: .zero, o03: .zero, o12: .zero, o13: .zero, o23: .zero)
                for lane in 0..<4 {
                    let i = 4 * g + lane
                    guard i < bin.nodes.count else { group.q2[lane] = bin.quadrature.nodes[0]; continue }
                    let f = bin.nodes[i].form
                    group.q2[lane] = bin.quadrature.nodes[i]
                    group.weight[lane] = bin.quadrature.weights[i]
                    (group.l0[lane], group.l1[lane], group.l2[lane], group.l3[lane]) = (f.linear[0], f.linear[1], f.linear[2], f.linear[3])
                    (group.d0[lane], group.d1[lane], group.d2[lane], group.d3[lane]) = (f.q0[0], f.q1[1], f.q2[2], f.q3[3])
                    (group.o01[lane], group.o02[lane], group.o03[lane]) = (f.q0[1] + f.q1[0], f.q0[2] + f.q2[0], f.q0[3] + f.q3[0])
                    (group.o12[lane], group.o13[lane], group.o23[lane]) = (f.q1[2] + f.q2[1], f.q1[3] + f.q3[1], f.q2[3] + f.q3[2])
                }
                nodes.append(group)
            }
        }
        self.nodes = nodes
        self.bins = bins
        self.grids = grids
        self.edges = edges
        self.gridForms = gridForms
        self.gridNodes = gridNodes
    }

    /// The SM branching fraction in bin b.
    @inlinable
    public func standardModel(_ b: Int) -> Double { bins[b].standardModel }

    /// The width q2Max - q2Min of bin b.
    @inlinable
    public func width(bin b: Int) -> Double { bins[b].q2Max - bins[b].q2Min }
}
