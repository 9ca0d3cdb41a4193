import Foundation

/// Gaussian kernel density estimates of posterior samples on a fine grid, for plots.
///
/// Method (binned KDE, as getdist does): the samples are histogrammed on a grid much finer than the
/// bandwidth and the histogram is convolved with a Gaussian kernel, truncated at 4 bandwidths. The
/// bandwidth of each axis is Scott's rule, h = s n_eff^(-1/(d+4)) (d = 1 for marginals, 2 for pairs),
/// where s = min(standard deviation, interquartile range / 1.349) (Silverman's robust spread) and
/// n_eff is the effective sample size (samples / autocorrelation time for MCMC chains, not the raw
/// count, which would under-smooth). In 2-D the kernel is a product of the two axes' Gaussians.
/// Scott's rule is optimal for a Gaussian and over-smooths sharp features (a step in a marginal);
/// `bandwidth` (1-D) and `bandwidthScale` (2-D) override it.
///
/// Prior bounds: where the grid ends at a bound of the prior (the samples reach within a few
/// bandwidths of it), the kernel mass that would fall outside is reflected back inside (the
/// reflection method of Schuster 1985, one of getdist's boundary corrections), so a density that is
/// flat or peaked at the bound stays flat or peaked up to it instead of dropping to half.
/// Sides that are not prior bounds are padded by two bandwidths of empty grid.
public struct KernelDensity1D: Sendable {
    public let range: ClosedRange<Double>
    /// Density at the grid's bin centres, normalised to unit integral over the range.
    public let density: [Double]
    public let bandwidth: Double
    public let reflectsLower: Bool
    public let reflectsUpper: Bool

    public var binWidth: Double { (range.upperBound - range.lowerBound) / Double(density.count) }
    public var centers: [Double] { density.indices.map { range.lowerBound + (Double($0) + 0.5) * binWidth } }

    /// - Parameters:
    ///   - bounds: the prior's support (infinite when unbounded).
    ///   - effectiveSize: n_eff for the bandwidth (default: the number of values).
    public init(_ values: [Double], bounds: ClosedRange<Double> = -Double.infinity...Double.infinity,
                effectiveSize: Double? = nil, bins: Int = 256, bandwidth: Double? = nil) {
        let h = bandwidth ?? KernelDensity.scottBandwidth(values, effectiveSize: effectiveSize ?? Double(values.count), dimension: 1)
        let grid = KernelDensity.gridRange(values, bandwidth: h, bounds: bounds)
        range = grid.range
        reflectsLower = grid.lower
        reflectsUpper = grid.upper
        self.bandwidth = h
        var counts = [Double](repeating: 0, count: bins)
        for v in values { counts[KernelDensity.bin(v, range, bins)] += 1 }
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        let smoothed = KernelDensity.convolve(counts, sigmaBins: h / width, reflectLower: reflectsLower, reflectUpper: reflectsUpper)
        let total = smoothed.reduce(0, +) * width
        density = smoothed.map { $0 / total }
    }

    /// Linear interpolation of the density at x (0 outside the grid).
    public func callAsFunction(_ x: Double) -> Double {
        let u = (x - range.lowerBound) / binWidth - 0.5
        if u < -0.5 || u > Double(density.count) - 0.5 { return 0 }
        let i = max(0, min(density.count - 2, Int(floor(u))))
        let f = max(0, min(1, u - Double(i)))
        return density[i] * (1 - f) + density[i + 1] * f
    }
}

/// The 2-D version of `KernelDensity1D` (same method, product kernel, reflection at each bound).
public struct KernelDensity2D: Sendable {
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    /// Density at bin centres, [x bin][y bin], normalised to unit integral.
    public let density: [[Double]]
    public let bandwidths: (x: Double, y: Double)
    public let reflects: (xLower: Bool, xUpper: Bool, yLower: Bool, yUpper: Bool)

    public init(x: [Double], y: [Double], xBounds: ClosedRange<Double> = -Double.infinity...Double.infinity,
                yBounds: ClosedRange<Double> = -Double.infinity...Double.infinity, effectiveSize: Double? = nil,
                bins: Int = 120, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                bandwidthScale: Double = 1) {
        let n = effectiveSize ?? Double(x.count)
        let hx = bandwidthScale * KernelDensity.scottBandwidth(x, effectiveSize: n, dimension: 2)
        let hy = bandwidthScale * KernelDensity.scottBandwidth(y, effectiveSize: n, dimension: 2)
        let gx = KernelDensity.gridRange(x, bandwidth: hx, bounds: xBounds)
        let gy = KernelDensity.gridRange(y, bandwidth: hy, bounds: yBounds)
        let rx = xRange ?? gx.range, ry = yRange ?? gy.range
        self.xRange = rx
        self.yRange = ry
        bandwidths = (hx, hy)
        let rxl = rx.lowerBound <= xBounds.lowerBound, rxu = rx.upperBound >= xBounds.upperBound
        let ryl = ry.lowerBound <= yBounds.lowerBound, ryu = ry.upperBound >= yBounds.upperBound
        reflects = (rxl, rxu, ryl, ryu)
        var counts = [[Double]](repeating: [Double](repeating: 0, count: bins), count: bins)
        for (a, b) in zip(x, y) where rx.contains(a) && ry.contains(b) {
            counts[KernelDensity.bin(a, rx, bins)][KernelDensity.bin(b, ry, bins)] += 1
        }
        let wx = (rx.upperBound - rx.lowerBound) / Double(bins), wy = (ry.upperBound - ry.lowerBound) / Double(bins)
        // along y for every x bin, then along x for every y bin
        var grid = counts.map { KernelDensity.convolve($0, sigmaBins: hy / wy, reflectLower: ryl, reflectUpper: ryu) }
        for j in 0..<bins {
            let column = KernelDensity.convolve(grid.map { $0[j] }, sigmaBins: hx / wx, reflectLower: rxl, reflectUpper: rxu)
            for i in 0..<bins { grid[i][j] = column[i] }
        }
        let total = grid.reduce(0) { $0 + $1.reduce(0, +) } * wx * wy
        density = grid.map { row in row.map { $0 / max(total, .leastNormalMagnitude) } }
    }

    public var xCenters: [Double] {
        let w = (xRange.upperBound - xRange.lowerBound) / Double(density.count)
        return density.indices.map { xRange.lowerBound + (Double($0) + 0.5) * w }
    }

    public var yCenters: [Double] {
        let n = density.first?.count ?? 0
        let w = (yRange.upperBound - yRange.lowerBound) / Double(n)
        return (0..<n).map { yRange.lowerBound + (Double($0) + 0.5) * w }
    }

    /// The density thresholds whose superlevel sets hold each `level` of the probability (the
    /// highest-density regions drawn as contours), computed on the smoothed grid as corner.py does.
    public func thresholds(levels: [Double]) -> [Double] {
        let sorted = density.flatMap { $0 }.sorted(by: >)
        let total = sorted.reduce(0, +)
        return levels.map { level in
            var sum = 0.0
            for v in sorted {
                sum += v
                if sum >= level * total { return v }
            }
            return sorted.last ?? 0
        }
    }
}

public enum KernelDensity {
    /// Scott's rule h = s n^(-1/(d+4)), s = min(sd, IQR/1.349).
    public static func scottBandwidth(_ values: [Double], effectiveSize: Double, dimension: Int) -> Double {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)).squareRoot()
        let sorted = values.sorted()
        let iqr = CredibleIntervals.quantile(sorted, 0.75) - CredibleIntervals.quantile(sorted, 0.25)
        var s = iqr > 0 ? min(sd, iqr / 1.349) : sd
        if !(s > 0) { s = max(abs(mean) * 1e-6, 1e-12) }
        return s * pow(max(effectiveSize, 2), -1 / Double(dimension + 4))
    }

    /// The grid: the samples' range padded by two bandwidths, cut at the bounds; a side reflects
    /// when it was cut.
    static func gridRange(_ values: [Double], bandwidth h: Double, bounds: ClosedRange<Double>) -> (range: ClosedRange<Double>, lower: Bool, upper: Bool) {
        let lo = values.min()! - 2 * h, hi = values.max()! + 2 * h
        let lower = lo <= bounds.lowerBound, upper = hi >= bounds.upperBound
        return ((lower ? bounds.lowerBound : lo)...(upper ? bounds.upperBound : hi), lower, upper)
    }

    static func bin(_ v: Double, _ r: ClosedRange<Double>, _ bins: Int) -> Int {
        max(0, min(bins - 1, Int((v - r.lowerBound) / (r.upperBound - r.lowerBound) * Double(bins))))
    }

    /// Convolution with a Gaussian of `sigmaBins` bins, truncated at 4 sigma; reflecting sides fold
    /// the kernel back about the grid's edge (scipy's "reflect" mode), the others lose it.
    static func convolve(_ h: [Double], sigmaBins: Double, reflectLower: Bool, reflectUpper: Bool) -> [Double] {
        let n = h.count
        let s = max(sigmaBins, 1e-3)
        let reach = Int((4 * s).rounded(.up))
        let kernel = (0...reach).map { exp(-0.5 * Double($0 * $0) / (s * s)) }
        var out = [Double](repeating: 0, count: n)
        for m in 0..<n where h[m] != 0 {
            let w = h[m]
            for k in max(0, m - reach)...min(n - 1, m + reach) { out[k] += w * kernel[abs(k - m)] }
            if reflectLower {
                // image of bin m at index -1-m
                let image = -1 - m
                if image + reach >= 0 { for k in 0...min(n - 1, image + reach) { out[k] += w * kernel[k - image] } }
            }
            if reflectUpper {
                let image = 2 * n - 1 - m
                if image - reach <= n - 1 { for k in max(0, image - reach)...(n - 1) { out[k] += w * kernel[image - k] } }
            }
        }
        return out
    }
}
