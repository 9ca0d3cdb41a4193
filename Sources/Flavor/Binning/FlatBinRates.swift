@preconcurrency import CGSL
import Foundation

/// The `ResonantBinRate`s of a table in flat storage without references, for the per-point loop:
/// every bin's quadrature nodes with their rate forms in one contiguous buffer, four nodes per SIMD
/// group (structure of arrays, so that each operation serves four nodes), the channels' form grids
/// in another buffer, and per bin its constants. `offShellChange(bin:_:)` computes what
/// `ResonantBinRate.offShellChange` does, without retaining or copying anything; the sums run in
/// another order (four lanes, the quadratic form by its upper triangle), so the two agree to
/// rounding (1e-13 relative of the bin's SM rate in the tests), not to the last bit.
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

    @usableFromInline
    struct Bin: Sendable {
        @usableFromInline var start, count, grid: Int
        @usableFromInline var q2Min, q2Max, threshold, resolution, standardModel: Double
        @usableFromInline var timelike: TimelikeQuadraticForm
    }

    @usableFromInline
    struct Grid: Sendable {
        @usableFromInline var start, count: Int
        @usableFromInline var q2Min, q2Max, logMin, step: Double
    }

    @usableFromInline let nodes: ContiguousArray<NodeGroup>
    @usableFromInline let bins: ContiguousArray<Bin>
    @usableFromInline let grids: ContiguousArray<Grid>
    @usableFromInline let gridForms: ContiguousArray<ShiftQuadraticForm>
    /// q^2 at each grid form, exp(logMin + i step) as `ChannelFormGrid.form(at:)` computes it.
    @usableFromInline let gridNodes: ContiguousArray<Double>

    public var count: Int { bins.count }

    public init(_ rates: [ResonantBinRate]) {
        var nodes = ContiguousArray<NodeGroup>(), bins = ContiguousArray<Bin>(), grids = ContiguousArray<Grid>()
        var gridForms = ContiguousArray<ShiftQuadraticForm>(), gridNodes = ContiguousArray<Double>()
        var gridIndex: [String: Int] = [:]
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
            bins.append(Bin(start: nodes.count, count: groups, grid: k, q2Min: bin.q2Min, q2Max: bin.q2Max,
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
        self.gridForms = gridForms
        self.gridNodes = gridNodes
    }

    /// The SM branching fraction in bin b.
    @inlinable
    public func standardModel(_ b: Int) -> Double { bins[b].standardModel }

    /// `ResonantBinRate.offShellChange` of bin b.
    /// `smearing` is the bin's Gaussian smearing at the pole mass, `smearing(bin:mass:)` (the caller
    /// needs it for the on-shell term too, so it is computed once per bin).
    public func offShellChange(bin b: Int, _ s: PoleShift, smearing: Double) -> Double {
        let bin = bins[b]
        let r = 2 * s.mass * bin.resolution
        let g = (r * r + s.gamma * s.gamma).squareRoot(), g2 = g * g
        let grid = grids[bin.grid]
        let onGrid = s.m2 >= grid.q2Min && s.m2 <= grid.q2Max
        let halfWidth = 0.5 * (bin.q2Max - bin.q2Min)
        let subtract = s.m2 > bin.threshold && s.m2 > bin.q2Min - halfWidth && s.m2 < bin.q2Max + halfWidth && onGrid
        // The accumulator is local to the closure (returned, not captured): a captured one lives in
        // memory and puts a store and a load on every node's dependency chain.
        // The form at the pole, for the subtraction (and then reused by the imaginary part).
        let atPole = subtract ? form(grid, at: s.m2) : nil
        let sum = nodes.withUnsafeBufferPointer { all -> Double in
            let groups = UnsafeBufferPointer(rebasing: all[bin.start..<(bin.start + bin.count)])
            let m2 = SIMD4(repeating: s.m2), g2v = SIMD4(repeating: g2)
            var total = SIMD4<Double>.zero
            if !subtract {
                for n in groups {
                    let x = n.q2 - m2, k = x / (x * x + g2v)
                    let (p0, p1, p2, p3) = Self.numerator(s, n.q2)
                    total += n.weight * (Self.linearPart(n, p0, p1, p2, p3) * k + Self.quadraticPart(n, p0, p1, p2, p3) * k * k)
                }
                return total.sum()
            }
            let (f0, f1) = atPole!
            let pole = s.p0 + s.p2 * s.m2, dp = s.p2
            let a0 = f0.linearPart(pole), a1 = f1.linearPart(pole) + f0.linearPart(dp)
            let h0 = f0.quadraticPart(pole), h1 = f1.quadraticPart(pole) + 2 * f0.bilinear(pole, dp)
            for n in groups {
                let x = n.q2 - m2, k = x / (x * x + g2v)
                let (p0, p1, p2, p3) = Self.numerator(s, n.q2)
                let aRest = Self.linearPart(n, p0, p1, p2, p3) - a0 - a1 * x
                let hRest = Self.quadraticPart(n, p0, p1, p2, p3) - h0 - h1 * x
                total += n.weight * (aRest * k + hRest * k * k)
            }
            var sum = total.sum()
            let lo = bin.q2Min - s.m2, hi = bin.q2Max - s.m2
            let kIntegral = 0.5 * log((hi * hi + g2) / (lo * lo + g2))
            let atanHi = atan(hi / g), atanLo = atan(lo / g)
            let xkIntegral = (hi - lo) - g * (atanHi - atanLo)
            func k2Antiderivative(_ x: Double, _ atanX: Double) -> Double { 0.5 * (atanX / g - x / (x * x + g2)) }
            func xk2Antiderivative(_ x: Double) -> Double { 0.5 * log(x * x + g2) + g2 / (2 * (x * x + g2)) }
            let k2Integral = k2Antiderivative(hi, atanHi) - k2Antiderivative(lo, atanLo)
            let xk2Integral = xk2Antiderivative(hi) - xk2Antiderivative(lo)
            sum += a0 * kIntegral + a1 * xkIntegral + h0 * k2Integral + h1 * xk2Integral
            return sum
        }
        return sum + imaginaryPartInterference(bin, grid, onGrid, atPole?.value, s, smearing: smearing) + bin.timelike.value(s.timelike)
    }

    /// The components of P(q^2) = p0 + p2 q^2 at four nodes.
    @inline(__always)
    static func numerator(_ s: PoleShift, _ q2: SIMD4<Double>) -> (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>) {
        (s.p0[0] + s.p2[0] * q2, s.p0[1] + s.p2[1] * q2, s.p0[2] + s.p2[2] * q2, s.p0[3] + s.p2[3] * q2)
    }

    @inline(__always)
    static func linearPart(_ n: NodeGroup, _ p0: SIMD4<Double>, _ p1: SIMD4<Double>, _ p2: SIMD4<Double>, _ p3: SIMD4<Double>) -> SIMD4<Double> {
        n.l0 * p0 + n.l1 * p1 + n.l2 * p2 + n.l3 * p3
    }

    @inline(__always)
    static func quadraticPart(_ n: NodeGroup, _ p0: SIMD4<Double>, _ p1: SIMD4<Double>, _ p2: SIMD4<Double>, _ p3: SIMD4<Double>) -> SIMD4<Double> {
        let diagonal = n.d0 * p0 * p0 + n.d1 * p1 * p1 + n.d2 * p2 * p2 + n.d3 * p3 * p3
        let first = (n.o01 * p1 + n.o02 * p2 + n.o03 * p3) * p0
        return diagonal + first + (n.o12 * p2 + n.o13 * p3) * p1 + n.o23 * p2 * p3
    }

    /// `ChannelFormGrid.form(at:)` on the flat grid.
    func form(_ grid: Grid, at q2: Double) -> (value: ShiftQuadraticForm, slope: ShiftQuadraticForm) {
        let u = (log(q2) - grid.logMin) / grid.step
        let i = min(max(Int(u), 0), grid.count - 2)
        let t = u - Double(i)
        return gridForms.withUnsafeBufferPointer { forms in
            gridNodes.withUnsafeBufferPointer { q2s in
                let lo = forms[grid.start + i], hi = forms[grid.start + i + 1]
                let q2Lo = q2s[grid.start + i], q2Hi = q2s[grid.start + i + 1]
                return ((1 - t) * lo + t * hi, (1 / (q2Hi - q2Lo)) * (hi + (-1) * lo))
            }
        }
    }

    /// `ResonantBinRate.imaginaryPartInterference`; `formAtPole` is the form at the pole when the
    /// subtraction has already interpolated it.
    func imaginaryPartInterference(_ bin: Bin, _ grid: Grid, _ onGrid: Bool, _ formAtPole: ShiftQuadraticForm?, _ s: PoleShift,
                                   smearing: Double) -> Double {
        guard s.m2 > bin.threshold, onGrid, smearing > 1e-300 else { return 0 }
        let beta = (formAtPole ?? form(grid, at: s.m2).value).linearPart(s.rotatedNumerator(s.m2))
        return Double.pi * beta * smearing
    }

    /// The Gaussian smearing of eq. 2.14 of a peak at `mass` into bin b.
    public func smearing(bin b: Int, mass: Double) -> Double {
        let bin = bins[b]
        return ResonanceIntegrals.gaussianSmearing(q2Min: bin.q2Min, q2Max: bin.q2Max, mass: mass, resolution: bin.resolution)
    }

    public func width(bin b: Int) -> Double { bins[b].q2Max - bins[b].q2Min }
}
