import CGSL
import Foundation
import Testing
import Inference

/// Deterministic uniform numbers (SplitMix64) for test samples.
struct TestStream {
    var state: UInt64
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
    }
    mutating func normal() -> Double { gsl_cdf_ugaussian_Pinv(uniform()) }
}

@Suite("Kernel density smoothing")
struct KernelDensityTests {
    static func phi(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }

    /// The smoothed density of a Gaussian sample against the exact one. Noise-free sample (the
    /// normal quantiles of a regular grid, 50 000 points): only the smoothing bias is left, which for
    /// Scott's h = 0.115 is the N(0, 1 + h^2) density, peak -0.65%; measured within 0.8% of the peak.
    /// 50 000 random draws: bias plus noise (about 1% of the peak per point), within 3%.
    @Test func gaussianAgainstExact() {
        let grid = (0..<50_000).map { gsl_cdf_ugaussian_Pinv((Double($0) + 0.5) / 50_000) }
        let smooth = KernelDensity1D(grid)
        #expect(!smooth.reflectsLower && !smooth.reflectsUpper)
        let bias = stride(from: -3.5, through: 3.5, by: 0.05).map { abs(smooth($0) - Self.phi($0)) }.max()!
        #expect(bias < 0.008 * Self.phi(0), "noise-free: max |kde - phi| / phi(0) = \(bias / Self.phi(0))")
        var rng = TestStream(state: 1)
        let x = (0..<50_000).map { _ in rng.normal() }
        let kde = KernelDensity1D(x)
        let worst = stride(from: -3.5, through: 3.5, by: 0.05).map { abs(kde($0) - Self.phi($0)) }.max()!
        #expect(worst < 0.03 * Self.phi(0), "random: max |kde - phi| / phi(0) = \(worst / Self.phi(0))")
        #expect(abs(kde.bandwidth - pow(50_000, -0.2)) < 0.01)
    }

    /// A half-normal on x >= 0 with the prior bound at 0: reflection keeps the density at the bound
    /// at 2 phi(0) = 0.798 (a plain KDE would give about half).
    @Test func reflectionAtAPriorBound() {
        var rng = TestStream(state: 2)
        let x = (0..<50_000).map { _ in abs(rng.normal()) }
        let kde = KernelDensity1D(x, bounds: 0...10)
        #expect(kde.reflectsLower && !kde.reflectsUpper && kde.range.lowerBound == 0)
        for v in [0.0, 0.1, 0.5, 1.0, 2.0] {
            #expect(abs(kde(v) - 2 * Self.phi(v)) < 0.03 * 2 * Self.phi(0), "at \(v): \(kde(v)) vs \(2 * Self.phi(v))")
        }
        // a flat posterior over its whole prior stays flat up to both edges
        let u = (0..<20_000).map { (Double($0) + 0.5) / 20_000 }
        let flat = KernelDensity1D(u, bounds: 0...1, effectiveSize: 2_000)
        #expect(flat.density.allSatisfy { abs($0 - 1) < 0.02 }, "flat: \(flat.density.min()!)...\(flat.density.max()!)")
    }

    /// A correlated 2-D Gaussian (rho = 0.6, 100 000 draws) against the exact density. The product
    /// kernel (Scott's h = 0.147 sd per axis) turns the density into the Gaussian of covariance
    /// Sigma + h^2 I, 2.8% lower at the peak for this rho. Over the 99.7% region the estimate's rms
    /// deviation from that smoothed Gaussian is within 1% of the peak (the noise, 1.4% of the peak per
    /// grid point at the centre, less in the tails), and within 2% of the exact Gaussian; and the
    /// 68.3/95.4/99.7% density thresholds are within 3/5/12% of the smoothed Gaussian's
    /// (peak x exp(-chi2/2), chi2 = -2 ln(1 - level); the 99.7% one sits in the sparsely sampled tail).
    @Test func twoDimensionalGaussian() {
        var rng = TestStream(state: 3)
        let rho = 0.6
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<100_000 {
            let a = rng.normal(), b = rng.normal()
            x.append(a)
            y.append(rho * a + (1 - rho * rho).squareRoot() * b)
        }
        let kde = KernelDensity2D(x: x, y: y)
        let h2 = kde.bandwidths.x * kde.bandwidths.y
        func gaussian(_ a: Double, _ b: Double, variance v: Double) -> Double {
            let det = v * v - rho * rho
            return exp(-(v * a * a - 2 * rho * a * b + v * b * b) / (2 * det)) / (2 * Double.pi * det.squareRoot())
        }
        let peak = gaussian(0, 0, variance: 1), smoothedPeak = gaussian(0, 0, variance: 1 + h2)
        let xs = kde.xCenters, ys = kde.yCenters
        var squares = 0.0, squaresSmoothed = 0.0, cells = 0.0
        for i in xs.indices {
            for j in ys.indices where gaussian(xs[i], ys[j], variance: 1) > peak * 0.003 {
                squares += pow(kde.density[i][j] - gaussian(xs[i], ys[j], variance: 1), 2)
                squaresSmoothed += pow(kde.density[i][j] - gaussian(xs[i], ys[j], variance: 1 + h2), 2)
                cells += 1
            }
        }
        let rms = (squares / cells).squareRoot() / peak, rmsSmoothed = (squaresSmoothed / cells).squareRoot() / smoothedPeak
        #expect(rmsSmoothed < 0.01, "rms |kde - smoothed Gaussian| / peak = \(rmsSmoothed)")
        #expect(rms < 0.02, "rms |kde - exact| / peak = \(rms)")
        let t = kde.thresholds(levels: [0.683, 0.954, 0.997])
        for (k, (level, chi2)) in zip(t, [0.683, 0.954, 0.997].map { -2 * log(1 - $0) }).enumerated() {
            let expected = smoothedPeak * exp(-chi2 / 2)
            #expect(abs(level / expected - 1) < [0.03, 0.05, 0.12][k], "threshold \(k): \(level) vs \(expected), ratio \(level / expected)")
        }
    }

    /// The contour of a circular bump at half its peak is one closed loop of radius sqrt(2 ln 2).
    @Test func contourOfABump() {
        let xs = stride(from: -3.0, through: 3.0, by: 0.05).map { $0 }
        let values = xs.map { a in xs.map { b in exp(-(a * a + b * b) / 2) } }
        let loops = Contours.closedLoops(xs: xs, ys: xs, values: values, level: 0.5, xRange: -3...3, yRange: -3...3)
        #expect(loops.count == 1)
        let r = (2 * log(2.0)).squareRoot()
        #expect(loops[0].allSatisfy { abs(($0.0 * $0.0 + $0.1 * $0.1).squareRoot() - r) < 2e-3 })
        // a region cut by the grid's edge is closed along the edge
        let edge = Contours.closedLoops(xs: xs, ys: xs, values: xs.map { a in xs.map { _ in a } }, level: 1.0, xRange: -3...3, yRange: -3...3)
        #expect(edge.count == 1 && edge[0].count >= 4)
    }
}

@Suite("Axis ticks")
struct AxisTickTests {
    /// Many ranges, linear and logarithmic, along x and y: at least two labels, inside the axis,
    /// never overlapping.
    @Test func readableForAnyRange() {
        var rng = TestStream(state: 4)
        for _ in 0..<400 {
            let log = rng.uniform() < 0.5
            // log: 0.02 to 10 decades; linear: from 2% of the centre's magnitude (or of the span) up
            let centre = log ? -9 + 12 * rng.uniform() : (rng.uniform() - 0.5) * pow(10, 8 * rng.uniform() - 4)
            let span = log ? pow(10, 2.7 * rng.uniform() - 1.7) : max(abs(centre), 1e-6) * pow(10, 4 * rng.uniform() - 1.7)
            for horizontal in [true, false] {
                let t = AxisTicks(range: (centre - span / 2)...(centre + span / 2), logarithmic: log, length: 190, fontSize: 10.5,
                                  horizontal: horizontal, slack: 4)
                let major = t.major
                #expect(major.count >= 2, "\(log ? "log" : "linear") \(t.range): \(major.map(\.label.plain))")
                #expect(t.fits(major))
                #expect(major.allSatisfy { t.range.contains($0.position) })
            }
        }
    }

    /// The issue's cases: case C with all constraints (267-296 MeV on a log axis) gets mass ticks,
    /// case A's decades (epsilon 1e-7...1e-3, mass 10...1000 MeV) do not run into each other.
    @Test func issueCases() {
        let narrow = AxisTicks(range: log10(0.267)...log10(0.296), logarithmic: true, displayScale: 1000, length: 190, horizontal: true)
        #expect(narrow.major.map(\.label.plain) == ["270", "280", "290"])
        let eps = AxisTicks(range: -7.2...(-2.8), logarithmic: true, length: 190, horizontal: true)
        #expect(eps.major.map(\.label.plain) == ["10−7", "10−6", "10−5", "10−4", "10−3"])
        #expect(eps.fits(eps.major) && !eps.minor.isEmpty)
        let mass = AxisTicks(range: -2...(-0.52), logarithmic: true, displayScale: 1000, length: 190, horizontal: true)
        #expect(mass.fits(mass.major) && mass.major.count >= 2, "\(mass.major.map(\.label.plain))")
        // case A's epsilon_Z with half the smoothing: decades, not linear ticks bunched at the top
        let epsZ = AxisTicks(range: -7.1...(-4.45), logarithmic: true, length: 190, horizontal: true)
        #expect(epsZ.major.map(\.label.plain) == ["10−6", "10−5"] && epsZ.multiplier == nil)
        // case C's 10-300 MeV prior
        let caseC = AxisTicks(range: -2.06...(-0.46), logarithmic: true, displayScale: 1000, length: 190, horizontal: true)
        #expect(caseC.major.map(\.label.plain) == ["10", "20", "50", "100", "200"])
        #expect(AxisTicks.linearLabel(2.5e-4, step: 5e-5).plain == "2.5×10−4")
        let small = AxisTicks(range: 0.0021...0.0029, logarithmic: false, length: 190, horizontal: true)
        #expect(small.multiplier == -3 && small.major.map(\.label.plain) == ["2.2", "2.4", "2.6", "2.8"])
        #expect(PlotParameter(name: "g", symbol: "g" + .sub("μ"), unit: nil, logarithmic: false).axisLabel(multiplier: -3).plain == "gμ [10−3]")
        #expect(AxisTicks.linearLabel(-0.25, step: 0.05).plain == "−0.25")
    }

    @Test func titleNumbers() {
        #expect(CornerPlotSVG.valueWithErrors(median: 283.44, upper: 5.12, lower: 7.33).plain == "283.4+5.1−7.3")
        #expect(CornerPlotSVG.valueWithErrors(median: 0.01234, upper: 0.0021, lower: 0.0013).plain == "0.0123+0.0021−0.0013")
        #expect(CornerPlotSVG.valueWithErrors(median: 3.1e-4, upper: 4e-5, lower: 5e-5).plain == "(3.10+0.40−0.50)×10−4")
    }
}

@Suite("Corner plot SVG")
struct CornerPlotTests {
    /// Three parameters: a Gaussian, a log-scale one piled against its upper prior bound, and a
    /// flat one filling its prior.
    static func figure() -> (CornerPlotSVG, String) {
        var rng = TestStream(state: 5)
        var samples: [[Double]] = []
        for _ in 0..<40_000 {
            let a = rng.normal()
            let b = -0.5 - abs(0.6 * rng.normal() + 0.1 * a)
            samples.append([2 + 0.3 * a, b, rng.uniform()])
        }
        let parameters = [
            PlotParameter(name: "gMu", symbol: "g" + .sub("μ"), unit: nil, logarithmic: false, bounds: 0...5),
            PlotParameter(name: "log10(mZD)", symbol: "M" + .sub("ZD"), unit: "MeV", logarithmic: true, displayScale: 1000, bounds: -3...(-0.5)),
            PlotParameter(name: "f", symbol: "f" + .sub("inv"), unit: nil, logarithmic: false, bounds: 0...1),
        ]
        let plot = CornerPlotSVG(densities: CornerDensities(samples: samples, parameters: parameters, effectiveSize: 4_000),
                                 best: [2.05, -0.5, 0.3])
        return (plot, plot.svg)
    }

    @Test func contoursAtEachLevel() {
        let (_, svg) = Self.figure()
        for level in CornerDensities.levels {
            let contours = svg.components(separatedBy: "class=\"contour\" data-level=\"\(level)\" d=\"M").count - 1
            let fills = svg.components(separatedBy: "class=\"fill\" data-level=\"\(level)\" d=\"M").count - 1
            #expect(contours == 3 && fills == 3, "level \(level): \(contours) contours, \(fills) fills")
        }
        #expect(svg.components(separatedBy: "class=\"marginal\"").count - 1 == 3)
        #expect(svg.components(separatedBy: "class=\"title\"").count - 1 == 3)
    }

    @Test func ticksInsideAndApart() {
        let (plot, svg) = Self.figure()
        for k in 0..<3 {
            for t in [plot.xTicks(k), plot.yTicks(k)] {
                #expect(t.major.count >= 2 && t.fits(t.major))
                #expect(t.major.allSatisfy { t.extent($0.label) / 2 <= t.offset($0.position) + t.slack
                        && t.offset($0.position) + t.extent($0.label) / 2 <= t.length + t.slack })
            }
        }
        // every labelled x tick is drawn, and the labels of neighbouring panels stay apart
        let xTickTexts = svg.components(separatedBy: "class=\"tick x\"").count - 1
        #expect(xTickTexts == (0..<3).map { plot.xTicks($0).major.count }.reduce(0, +))
        for k in 0..<2 {
            let a = plot.xTicks(k), b = plot.xTicks(k + 1)
            let aEnd = plot.origin(row: 2, column: k).x + a.offset(a.major.last!.position) + a.extent(a.major.last!.label) / 2
            let bStart = plot.origin(row: 2, column: k + 1).x + b.offset(b.major.first!.position) - b.extent(b.major.first!.label) / 2
            #expect(bStart > aEnd)
        }
    }

    /// The prior bound is drawn, and a best fit on it is inside the frame, not under it.
    @Test func priorBoundAndBestFit() {
        let (plot, svg) = Self.figure()
        #expect(svg.contains("class=\"prior-bound\"") && svg.contains("class=\"outside-prior\""))
        let r = plot.plotRange(1)
        #expect(r.upperBound > -0.5)
        let x = plot.xTicks(1).offset(-0.5)
        #expect(x < plot.panel - 4 && x > 4)
        #expect(svg.components(separatedBy: "class=\"best-fit\"").count - 1 == 3 + 3)
    }

    @Test func pngBesideSVG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darkz-png-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let svgURL = dir.appendingPathComponent("c.svg"), pngURL = dir.appendingPathComponent("c.png")
        var canvas = SVGCanvas(width: 40, height: 30)
        canvas.rect(5, 5, 20, 10, fill: "red")
        try Data(canvas.svg.utf8).write(to: svgURL)
        if case .skipped(let note) = PNGConversion.convert(svg: svgURL, png: pngURL, converter: nil) {
            #expect(note.contains("librsvg2-bin") && note.contains("SVG only"))
        } else { Issue.record("expected a note without a converter") }
        if PNGConversion.converter() != nil {
            #expect(PNGConversion.convert(svg: svgURL, png: pngURL) == .written(pngURL))
            let head = try Data(contentsOf: pngURL).prefix(4)
            #expect(Array(head) == [0x89, 0x50, 0x4E, 0x47])
        }
        try? FileManager.default.removeItem(at: dir)
    }
}
