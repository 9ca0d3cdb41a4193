import CGSL
import Foundation
import Testing
import Inference

/// Credible and profile regions on a target with a known answer: standard normal samples
/// (deterministic, the normal quantiles of a regular grid, shuffled into pairs for 2-D).
@Suite("Credible and profile regions")
struct RegionTests {
    static let n = 20_000
    static let normal: [Double] = (0..<n).map { gsl_cdf_ugaussian_Pinv((Double($0) + 0.5) / Double(n)) }

    @Test func oneDimensionalIntervals() {
        let sorted = Self.normal
        #expect(abs(CredibleIntervals.quantile(sorted, 0.5)) < 1e-3)
        let z68 = gsl_cdf_ugaussian_Pinv(0.84), z95 = gsl_cdf_ugaussian_Pinv(0.975)
        let et = CredibleIntervals.equalTailed(sorted, level: 0.68)
        #expect(abs(et[0] + z68) < 2e-3 && abs(et[1] - z68) < 2e-3)
        // for a symmetric unimodal density the HPD interval is the equal-tailed one
        let hpd = CredibleIntervals.highestDensity(sorted, level: 0.95)
        #expect(abs(hpd[0] + z95) < 5e-3 && abs(hpd[1] - z95) < 5e-3)
        // a skewed sample: HPD is shorter than equal-tailed and shifted towards the mode
        let skewed = sorted.map { exp(0.8 * $0) }
        let e = CredibleIntervals.equalTailed(skewed, level: 0.68), h = CredibleIntervals.highestDensity(skewed, level: 0.68)
        #expect(h[1] - h[0] < e[1] - e[0] && h[0] < e[0])
    }

    /// chi^2 = x^2 + y^2 for independent standard normals: chi^2 <= min + 2.30 holds 68.3% of the
    /// samples, 6.17 -> 95.4%, 11.83 -> 99.73% (chi^2 with 2 dof).
    @Test func profileRegionsOfATwoDimensionalGaussian() {
        let x = Self.normal
        let y = (0..<Self.n).map { Self.normal[($0 * 7919) % Self.n] }  // a fixed permutation
        let samples = zip(x, y).map { [$0, $1] }
        let chi2 = samples.map { $0[0] * $0[0] + $0[1] * $0[1] }
        let regions = ProfileRegions(samples: samples, chiSquare: chi2, names: ["x", "y"])
        let expected = [0.683, 0.954, 0.9973]
        // 20 000 samples: binomial error of a fraction is below 0.0033, so 0.01 is a 3-sigma margin.
        for (r, e) in zip(regions.regions_2d, expected) { #expect(abs(r.fraction_of_samples - e) < 0.01) }
        #expect(regions.regions_2d.count == 3 && regions.regions_2d[0].label == "2-D profile, Delta chi^2 = 2.30 (68.3%)")
        // The edge of the disc of radius sqrt(2.30) = 1.517 is sampled to within 0.05 by 20 000 points.
        #expect(abs(regions.regions_2d[0].x_range[1] - 2.30.squareRoot()) < 0.05)
    }

    /// One parameter, chi^2 = x^2 of a large Gaussian sample: the 1-D profile intervals at
    /// Delta = 1, 4, 9 are [-1, 1], [-2, 2], [-3, 3].
    @Test func oneDimensionalProfileDeltas() {
        let samples = Self.normal.map { [$0] }
        let chi2 = Self.normal.map { $0 * $0 }
        let regions = ProfileRegions(samples: samples, chiSquare: chi2, names: ["x"])
        #expect(regions.intervals_1d.map(\.delta_chi2) == [1, 4, 9])
        #expect(regions.intervals_1d.map(\.label) == ["1-D profile, Delta chi^2 = 1 (68.3%)",
                                                      "1-D profile, Delta chi^2 = 4 (95.4%)",
                                                      "1-D profile, Delta chi^2 = 9 (99.7%)"])
        // The grid of normal quantiles has spacing 1/(n·phi(z)): 2e-4 at 1, 1e-3 at 2 and 0.01 at 3,
        // so the range ends lie within that of ±sqrt(Delta); the tolerances are a few spacings.
        for (interval, (end, tolerance)) in zip(regions.intervals_1d, [(1.0, 1e-3), (2.0, 3e-3), (3.0, 0.03)]) {
            #expect(abs(interval.range[0] + end) < tolerance && abs(interval.range[1] - end) < tolerance, "\(interval)")
        }
        #expect(regions.regions_2d.isEmpty)
    }

    /// Samples piled against the lower prior bound 0 (|z| of a standard normal, the half-normal, in
    /// the box [0, 10]): one-sided upper limits at the half-normal's quantiles, 0.994 at 68% and 1.960
    /// at 95%. A normal centred at 5 in the same box is two-sided; a flat sample over the box has no limit.
    @Test func oneSidedLimitsAgainstAPriorBound() {
        let halfNormal = Self.normal.map { abs($0) }.sorted()
        let limits = BoundedLimit.limits(name: "x", sorted: halfNormal, bounds: 0...10, levels: [0.68, 0.95])
        #expect(limits.map(\.kind) == [.upper, .upper] && limits.allSatisfy(\.one_sided))
        // the quantiles of 20 000 grid points lie within 1e-3 of the exact ones (spacing 2e-4 there)
        #expect(abs(limits[0].interval[1] - gsl_cdf_ugaussian_Pinv(0.84)) < 1e-3)
        #expect(abs(limits[1].interval[1] - gsl_cdf_ugaussian_Pinv(0.975)) < 1e-3)
        #expect(limits[1].bound == 0 && limits[1].text == "x < 1.96 at 95%")
        // mirrored against the upper bound: lower limits
        let mirrored = halfNormal.map { 10 - $0 }.sorted()
        #expect(BoundedLimit.limits(name: "x", sorted: mirrored, bounds: 0...10, levels: [0.95]).map(\.kind) == [.lower])
        let inside = Self.normal.map { 5 + $0 }
        let two = BoundedLimit.limits(name: "x", sorted: inside, bounds: 0...10, levels: [0.68, 0.95])
        #expect(two.map(\.kind) == [.twoSided, .twoSided] && !two.contains(where: \.one_sided))
        let flat = (0..<Self.n).map { 10 * (Double($0) + 0.5) / Double(Self.n) }
        #expect(BoundedLimit.limits(name: "x", sorted: flat, bounds: 0...10, levels: [0.95]).map(\.kind) == [.none])
    }

    @Test func densityThresholdsHoldTheirMass() {
        let x = Self.normal, y = (0..<Self.n).map { Self.normal[($0 * 7919) % Self.n] }
        let d = DensityRegions2D(x: x, y: y, levels: [0.68, 0.95])
        #expect(d.thresholds[0] > d.thresholds[1])
        for (level, threshold) in zip(d.levels, d.thresholds) {
            let mass = d.counts.flatMap { $0 }.filter { $0 >= threshold }.reduce(0, +) / Double(Self.n)
            #expect(mass >= level && mass < level + 0.05)
        }
    }
}
