@preconcurrency import CGSL
import Foundation

/// The `ResonantBinRate`s of a table in flat storage without references, for the per-point loop:
/// every bin's quadrature nodes with their rate forms in one contiguous buffer, the channels' form
/// grids in another, and per bin its constants. `offShellChange(bin:_:)` computes exactly what
/// `ResonantBinRate.offShellChange` does, in the same order of operations (so the same numbers to the
/// last bit), without retaining or copying anything.
public struct FlatBinRates: Sendable {
    /// One quadrature node: q^2, weight, and the (dC9, dC10) form of the rate there (no constant).
    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var q2, weight: Double
        @usableFromInline var linear, r0, r1, r2, r3: SIMD4<Double>
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

    @usableFromInline let nodes: ContiguousArray<Node>
    @usableFromInline let bins: ContiguousArray<Bin>
    @usableFromInline let grids: ContiguousArray<Grid>
    @usableFromInline let gridForms: ContiguousArray<ShiftQuadraticForm>

    public var count: Int { bins.count }

    public init(_ rates: [ResonantBinRate]) {
        var nodes = ContiguousArray<Node>(), bins = ContiguousArray<Bin>(), grids = ContiguousArray<Grid>()
        var gridForms = ContiguousArray<ShiftQuadraticForm>()
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
            }
            let bin = rate.bin
            bins.append(Bin(start: nodes.count, count: bin.nodes.count, grid: k, q2Min: bin.q2Min, q2Max: bin.q2Max,
                            threshold: rate.threshold, resolution: rate.resolution, standardModel: bin.standardModel,
                            timelike: bin.timelikeIntegral))
            for (i, c) in bin.nodes.enumerated() {
                let f = c.form
                nodes.append(Node(q2: bin.quadrature.nodes[i], weight: bin.quadrature.weights[i], linear: f.linear,
                                  r0: f.q0, r1: f.q1, r2: f.q2, r3: f.q3))
            }
        }
        self.nodes = nodes
        self.bins = bins
        self.grids = grids
        self.gridForms = gridForms
    }

    /// The SM branching fraction in bin b.
    @inlinable
    public func standardModel(_ b: Int) -> Double { bins[b].standardModel }

    /// `ResonantBinRate.offShellChange` of bin b.
    public func offShellChange(bin b: Int, _ s: PoleShift) -> Double {
        let bin = bins[b]
        let r = 2 * s.mass * bin.resolution
        let g = (r * r + s.gamma * s.gamma).squareRoot(), g2 = g * g
        let grid = grids[bin.grid]
        let onGrid = s.m2 >= grid.q2Min && s.m2 <= grid.q2Max
        let halfWidth = 0.5 * (bin.q2Max - bin.q2Min)
        let subtract = s.m2 > bin.threshold && s.m2 > bin.q2Min - halfWidth && s.m2 < bin.q2Max + halfWidth && onGrid
        var sum = 0.0
        nodes.withUnsafeBufferPointer { all in
            let nodes = UnsafeBufferPointer(rebasing: all[bin.start..<(bin.start + bin.count)])
            if !subtract {
                for n in nodes {
                    let x = n.q2 - s.m2, k = x / (x * x + g2)
                    let p = s.p0 + s.p2 * n.q2
                    sum += n.weight * (Self.linearPart(n, p) * k + Self.quadraticPart(n, p) * k * k)
                }
                return
            }
            let (f0, f1) = form(grid, at: s.m2)
            let p0 = s.p0 + s.p2 * s.m2, dp = s.p2
            let a0 = f0.linearPart(p0), a1 = f1.linearPart(p0) + f0.linearPart(dp)
            let h0 = f0.quadraticPart(p0), h1 = f1.quadraticPart(p0) + 2 * f0.bilinear(p0, dp)
            for n in nodes {
                let x = n.q2 - s.m2, k = x / (x * x + g2)
                let p = s.p0 + s.p2 * n.q2
                let aRest = Self.linearPart(n, p) - a0 - a1 * x
                let hRest = Self.quadraticPart(n, p) - h0 - h1 * x
                sum += n.weight * (aRest * k + hRest * k * k)
            }
            let lo = bin.q2Min - s.m2, hi = bin.q2Max - s.m2
            let kIntegral = 0.5 * log((hi * hi + g2) / (lo * lo + g2))
            let xkIntegral = (hi - lo) - g * (atan(hi / g) - atan(lo / g))
            func k2Antiderivative(_ x: Double) -> Double { 0.5 * (atan(x / g) / g - x / (x * x + g2)) }
            func xk2Antiderivative(_ x: Double) -> Double { 0.5 * log(x * x + g2) + g2 / (2 * (x * x + g2)) }
            let k2Integral = k2Antiderivative(hi) - k2Antiderivative(lo)
            let xk2Integral = xk2Antiderivative(hi) - xk2Antiderivative(lo)
            sum += a0 * kIntegral + a1 * xkIntegral + h0 * k2Integral + h1 * xk2Integral
        }
        return sum + imaginaryPartInterference(bin, grid, onGrid, s) + bin.timelike.value(s.timelike)
    }

    @inline(__always)
    static func linearPart(_ n: Node, _ p: SIMD4<Double>) -> Double { (n.linear * p).sum() }

    @inline(__always)
    static func quadraticPart(_ n: Node, _ p: SIMD4<Double>) -> Double {
        var qs: SIMD4<Double> = n.r0 * p[0]
        qs += n.r1 * p[1]
        qs += n.r2 * p[2]
        qs += n.r3 * p[3]
        return (qs * p).sum()
    }

    /// `ChannelFormGrid.form(at:)` on the flat grid.
    func form(_ grid: Grid, at q2: Double) -> (value: ShiftQuadraticForm, slope: ShiftQuadraticForm) {
        let u = (log(q2) - grid.logMin) / grid.step
        let i = min(max(Int(u), 0), grid.count - 2)
        let t = u - Double(i)
        return gridForms.withUnsafeBufferPointer { forms in
            let lo = forms[grid.start + i], hi = forms[grid.start + i + 1]
            let q2Lo = exp(grid.logMin + Double(i) * grid.step), q2Hi = exp(grid.logMin + Double(i + 1) * grid.step)
            return ((1 - t) * lo + t * hi, (1 / (q2Hi - q2Lo)) * (hi + (-1) * lo))
        }
    }

    /// `ResonantBinRate.imaginaryPartInterference`.
    func imaginaryPartInterference(_ bin: Bin, _ grid: Grid, _ onGrid: Bool, _ s: PoleShift) -> Double {
        guard s.m2 > bin.threshold, onGrid else { return 0 }
        let smearing = ResonanceIntegrals.gaussianSmearing(q2Min: bin.q2Min, q2Max: bin.q2Max, mass: s.mass, resolution: bin.resolution)
        guard smearing > 1e-300 else { return 0 }
        let beta = form(grid, at: s.m2).value.linearPart(s.rotatedNumerator(s.m2))
        return Double.pi * beta * smearing
    }

    /// The Gaussian smearing of eq. 2.14 of a peak at `mass` into bin b.
    public func smearing(bin b: Int, mass: Double) -> Double {
        let bin = bins[b]
        return ResonanceIntegrals.gaussianSmearing(q2Min: bin.q2Min, q2Max: bin.q2Max, mass: mass, resolution: bin.resolution)
    }

    public func width(bin b: Int) -> Double { bins[b].q2Max - bins[b].q2Min }
}
