import Foundation

extension FlatBinRates {
    /// What the pole subtraction and the imaginary-part interference of `ResonantBinRate` take from a
    /// channel's form grid at q^2 = M^2, the same for every bin of the channel: A(M^2), A'(M^2),
    /// H(M^2), H'(M^2) and beta(M^2) = L . (-i p(M^2)), with the form and its slope linearly
    /// interpolated as `ChannelFormGrid.form(at:)` does (the forms enter linearly, so each scalar is
    /// interpolated between the two grid forms instead of the forms themselves).
    @usableFromInline
    struct PoleTerms: Sendable {
        var a0, a1, h0, h1, beta: Double
        static let unset = PoleTerms(a0: .nan, a1: 0, h0: 0, h1: 0, beta: 0)
    }

    /// ln(x^2 + g^2) and atan(x/g) at an edge, x = q^2 - M^2.
    @usableFromInline
    struct EdgeTerms: Sendable {
        var log, atan: Double
        static let unset = EdgeTerms(log: .nan, atan: 0)
    }

    /// Every bin's `ResonantBinRate.offShellChange` at one point into `changes`, and its Gaussian
    /// smearing of eq. 2.14 at the pole mass into `smearings` (the caller's on-shell term needs it
    /// too), one per bin; `electron` and `muon` are the point's pole shifts (the same mass and width).
    /// Allocates nothing: the per-channel pole terms and per-edge functions live on the stack.
    public func offShellChanges(electron: PoleShift, muon: PoleShift, changes: UnsafeMutableBufferPointer<Double>,
                                smearings: UnsafeMutableBufferPointer<Double>) {
        precondition(changes.count >= bins.count && smearings.count >= bins.count)
        withUnsafeTemporaryAllocation(of: PoleTerms.self, capacity: grids.count) { poles in
            withUnsafeTemporaryAllocation(of: EdgeTerms.self, capacity: edges.count) { edgeTerms in
                poles.initialize(repeating: .unset)
                edgeTerms.initialize(repeating: .unset)
                bins.withUnsafeBufferPointer { bins in
                    for b in bins.indices {
                        let bin = bins[b]
                        let smearing = ResonanceIntegrals.gaussianSmearing(qMin: bin.qMin, qMax: bin.qMax, mass: electron.mass,
                                                                           resolution: bin.resolution)
                        smearings[b] = smearing
                        // the shift passed in place (a copy of the PoleShift per bin showed as memmove)
                        changes[b] = bin.muon ? offShellChange(bin, muon, smearing, poles, edgeTerms)
                            : offShellChange(bin, electron, smearing, poles, edgeTerms)
                    }
                }
            }
        }
    }

    /// `ResonantBinRate.offShellChange` of one bin, with the channel's pole terms and the edges'
    /// functions computed at the first bin that needs them.
    @inline(__always)
    func offShellChange(_ bin: Bin, _ s: PoleShift, _ smearing: Double, _ poles: UnsafeMutableBufferPointer<PoleTerms>,
                        _ edgeTerms: UnsafeMutableBufferPointer<EdgeTerms>) -> Double {
        let r = 2 * s.mass * bin.resolution
        let g = (r * r + s.gamma * s.gamma).squareRoot(), g2 = g * g
        let grid = grids[bin.grid]
        let onGrid = s.m2 >= grid.q2Min && s.m2 <= grid.q2Max
        let halfWidth = 0.5 * (bin.q2Max - bin.q2Min)
        let subtract = s.m2 > bin.threshold && s.m2 > bin.q2Min - halfWidth && s.m2 < bin.q2Max + halfWidth && onGrid
        let interferes = s.m2 > bin.threshold && onGrid && smearing > 1e-300
        var pole = PoleTerms(a0: 0, a1: 0, h0: 0, h1: 0, beta: 0)
        if subtract || interferes {
            if poles[bin.grid].a0.isNaN { poles[bin.grid] = poleTerms(grid, s) }
            pole = poles[bin.grid]
        }
        // Without the subtraction the subtracted terms are exact zeros (A - 0 - 0 x = A), so one loop
        // serves both cases. The accumulator is local to the closure (returned, not captured): a
        // captured one lives in memory and puts a store and a load on every node's dependency chain.
        let (a0, a1, h0, h1) = subtract ? (pole.a0, pole.a1, pole.h0, pole.h1) : (0, 0, 0, 0)
        var sum = nodes.withUnsafeBufferPointer { all -> Double in
            let groups = UnsafeBufferPointer(rebasing: all[bin.start..<(bin.start + bin.count)])
            let m2 = SIMD4(repeating: s.m2), g2v = SIMD4(repeating: g2)
            let a0v = SIMD4(repeating: a0), a1v = SIMD4(repeating: a1), h0v = SIMD4(repeating: h0), h1v = SIMD4(repeating: h1)
            var total = SIMD4<Double>.zero
            for n in groups {
                let x = n.q2 - m2, k = x / (x * x + g2v)
                let (p0, p1, p2, p3) = Self.numerator(s, n.q2)
                let aRest = Self.linearPart(n, p0, p1, p2, p3) - a0v - a1v * x
                let hRest = Self.quadraticPart(n, p0, p1, p2, p3) - h0v - h1v * x
                total += n.weight * (aRest * k + hRest * k * k)
            }
            return total.sum()
        }
        if subtract {
            let lo = bin.q2Min - s.m2, hi = bin.q2Max - s.m2
            let below = edge(bin.lowerEdge, lo, g, g2, edgeTerms), above = edge(bin.upperEdge, hi, g, g2, edgeTerms)
            let loSquare = lo * lo + g2, hiSquare = hi * hi + g2
            let kIntegral = 0.5 * (above.log - below.log)                                               // ∫ k
            let xkIntegral = (hi - lo) - g * (above.atan - below.atan)                                   // ∫ x k
            let k2Integral = 0.5 * (above.atan / g - hi / hiSquare) - 0.5 * (below.atan / g - lo / loSquare)  // ∫ k^2
            let xk2Integral = kIntegral + (g2 / (2 * hiSquare) - g2 / (2 * loSquare))                   // ∫ x k^2
            sum += a0 * kIntegral + a1 * xkIntegral + h0 * k2Integral + h1 * xk2Integral
        }
        if interferes { sum += Double.pi * pole.beta * smearing }
        return sum + bin.timelike.value(s.timelike)
    }

    /// The edge's functions at x = q^2 - M^2, computed once per point.
    @inline(__always)
    func edge(_ e: Int, _ x: Double, _ g: Double, _ g2: Double, _ edgeTerms: UnsafeMutableBufferPointer<EdgeTerms>) -> EdgeTerms {
        if edgeTerms[e].log.isNaN { edgeTerms[e] = EdgeTerms(log: log(x * x + g2), atan: atan(x / g)) }
        return edgeTerms[e]
    }

    /// The pole terms of a grid at the shift's pole (on the grid).
    func poleTerms(_ grid: Grid, _ s: PoleShift) -> PoleTerms {
        let u = (log(s.m2) - grid.logMin) / grid.step
        let i = min(max(Int(u), 0), grid.count - 2)
        let t = u - Double(i)
        let p = s.numerator(s.m2), dp = s.p2, rotated = s.rotatedNumerator(s.m2)
        return gridForms.withUnsafeBufferPointer { forms in
            gridNodes.withUnsafeBufferPointer { q2s in
                let j = grid.start + i
                let slope = 1 / (q2s[j + 1] - q2s[j])
                // The forms' fields read in place (a copy of a form to call its methods was a memcpy).
                func terms(_ k: Int) -> (a: Double, ad: Double, beta: Double, h: Double, hd: Double) {
                    let linear = forms[k].linear
                    var qp: SIMD4<Double> = forms[k].q0 * p[0]
                    qp += forms[k].q1 * p[1]
                    qp += forms[k].q2 * p[2]
                    qp += forms[k].q3 * p[3]
                    return ((linear * p).sum(), (linear * dp).sum(), (linear * rotated).sum(), (qp * p).sum(), (qp * dp).sum())
                }
                let lo = terms(j), hi = terms(j + 1)
                return PoleTerms(a0: (1 - t) * lo.a + t * hi.a,
                                 a1: slope * (hi.a - lo.a) + ((1 - t) * lo.ad + t * hi.ad),
                                 h0: (1 - t) * lo.h + t * hi.h,
                                 h1: slope * (hi.h - lo.h) + 2 * ((1 - t) * lo.hd + t * hi.hd),
                                 beta: (1 - t) * lo.beta + t * hi.beta)
            }
        }
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
}
