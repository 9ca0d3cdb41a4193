import Foundation

/// The Z_D-exchange change of a bin-integrated branching fraction, off-shell part (docs/physics.md §4):
///
///   Delta B_off = ∫_bin dq^2 [A(q^2) k(x) + H(q^2) k(x)^2] + pi beta(M^2) G_bin(M) + T_bin(delta C10P),
///
/// with x = q^2 - M^2, k(x) = x / (x^2 + g^2) the real part of the propagator regularised at the
/// q^2 resolution g = sqrt((2 M r_l)^2 + gamma^2) implied by the |q| resolution r_l of eq. 2.14,
/// A = L . p and H = p . Q p the linear and quadratic parts of the rate's form (`ShiftQuadraticForm`)
/// along the numerator p(q^2) of `PoleShift`, and beta = L . (-i p) the interference with the
/// imaginary part of the propagator, which integrates to pi beta(M^2) and is smeared like the
/// on-shell term. The square of the imaginary part is the resonance itself, which eq. 2.13's
/// narrow-width term supplies (added by the caller). T_bin is the bin's `timelikeIntegral` at the
/// pole-free timelike shift of `PoleShift`.
///
/// Numerics: fixed Gauss-Legendre nodes of the bin (`BinnedRate`). When M^2 lies within half a bin
/// width of the bin (and above the dilepton threshold), A - A(M^2) - A'(M^2) x and
/// H - H(M^2) - H'(M^2) x are integrated on the nodes and the subtracted terms in closed form, so
/// the result is accurate and continuous as M crosses the bin edges.
public struct ResonantBinRate: Sendable {
    public let bin: BinnedRate
    public let grid: ChannelFormGrid
    /// The |q| resolution r_l of eq. 2.14 (GeV).
    public let resolution: Double
    public let threshold: Double

    public init(bin: BinnedRate, grid: ChannelFormGrid, resolution: Double, leptonMass: Double) {
        self.bin = bin
        self.grid = grid
        self.resolution = resolution
        threshold = 4 * leptonMass * leptonMass
    }

    /// The regularisation g (GeV^2) for a pole.
    @inlinable
    public func regulator(_ s: PoleShift) -> Double {
        let r = 2 * s.mass * resolution
        return (r * r + s.gamma * s.gamma).squareRoot()
    }

    /// Whether the pole is close enough to the bin for the subtraction.
    public func needsSubtraction(_ s: PoleShift) -> Bool {
        let a = bin.q2Min, b = bin.q2Max, halfWidth = 0.5 * (b - a)
        return s.m2 > threshold && s.m2 > a - halfWidth && s.m2 < b + halfWidth && grid.contains(s.m2)
    }

    /// Delta B_off for the pole shift (branching fraction, not divided by the bin width).
    public func offShellChange(_ s: PoleShift) -> Double {
        let g = regulator(s), g2 = g * g
        let nodes = bin.quadrature.nodes, weights = bin.quadrature.weights
        var sum = 0.0
        if !needsSubtraction(s) {
            for i in nodes.indices {
                let q2 = nodes[i], x = q2 - s.m2, k = x / (x * x + g2)
                let p = s.numerator(q2), form = bin.nodes[i].form
                sum += weights[i] * (form.linearPart(p) * k + form.quadraticPart(p) * k * k)
            }
            return sum + imaginaryPartInterference(s) + timelikeChange(s)
        }
        let (f0, f1) = grid.form(at: s.m2)
        let p0 = s.numerator(s.m2), dp = s.p2
        let a0 = f0.linearPart(p0), a1 = f1.linearPart(p0) + f0.linearPart(dp)
        let h0 = f0.quadraticPart(p0), h1 = f1.quadraticPart(p0) + 2 * f0.bilinear(p0, dp)
        for i in nodes.indices {
            let q2 = nodes[i], x = q2 - s.m2, k = x / (x * x + g2)
            let p = s.numerator(q2), form = bin.nodes[i].form
            let aRest = form.linearPart(p) - a0 - a1 * x
            let hRest = form.quadraticPart(p) - h0 - h1 * x
            sum += weights[i] * (aRest * k + hRest * k * k)
        }
        let lo = bin.q2Min - s.m2, hi = bin.q2Max - s.m2
        let kIntegral = 0.5 * log((hi * hi + g2) / (lo * lo + g2))                          // ∫ k
        let xkIntegral = (hi - lo) - g * (atan(hi / g) - atan(lo / g))                         // ∫ x k
        func k2Antiderivative(_ x: Double) -> Double { 0.5 * (atan(x / g) / g - x / (x * x + g2)) }
        func xk2Antiderivative(_ x: Double) -> Double { 0.5 * log(x * x + g2) + g2 / (2 * (x * x + g2)) }
        let k2Integral = k2Antiderivative(hi) - k2Antiderivative(lo)                            // ∫ k^2
        let xk2Integral = xk2Antiderivative(hi) - xk2Antiderivative(lo)                         // ∫ x k^2
        sum += a0 * kIntegral + a1 * xkIntegral + h0 * k2Integral + h1 * xk2Integral
        return sum + imaginaryPartInterference(s) + timelikeChange(s)
    }

    /// T_bin: the change through the timelike amplitude, at the constant delta C10P of the pole shift.
    @inlinable
    func timelikeChange(_ s: PoleShift) -> Double { bin.timelikeIntegral.value(s.timelike) }

    /// pi beta(M^2) G_bin(M): the SM interference with the imaginary part of the propagator.
    func imaginaryPartInterference(_ s: PoleShift) -> Double {
        guard s.m2 > threshold, grid.contains(s.m2) else { return 0 }
        let smearing = ResonanceIntegrals.gaussianSmearing(q2Min: bin.q2Min, q2Max: bin.q2Max,
                                                           mass: s.mass, resolution: resolution)
        guard smearing > 1e-300 else { return 0 }
        let beta = grid.form(at: s.m2).value.linearPart(s.rotatedNumerator(s.m2))
        return Double.pi * beta * smearing
    }
}
