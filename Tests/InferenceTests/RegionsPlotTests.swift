import Flavor
import Foundation
import Testing
import Inference

@Suite("Regions in a parameter plane")
struct RegionsPlotTests {
    static let constraintNames = ["bs-mumu", "apv-cesium", "w-width", "trident-ccfr", "k-mu-invisible", "bs-mixing"]

    static func priors(_ name: String = "caseC") throws -> PriorsFile {
        try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/\(name).toml")
    }

    /// Case C's plane log10(mZD) in [-2, -0.6], g_mu in [-0.2, 0.05] on a coarse grid.
    static func plane(nodes: Int = 41) throws -> ParameterPlane {
        try ParameterPlane(priors: priors(), x: 0, y: 1, xRange: -2...(-0.6), yRange: -0.2...0.05, nodes: nodes, base: [-1.5, -0.1])
    }

    static func exclusions(_ plane: ParameterPlane) throws -> [ConstraintExclusion] {
        let model = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: model, onShell: OnShellProduction.standard())
        return ConstraintExclusion.map(plane, set: set, model: model, names: constraintNames, threads: 2)
    }

    /// Even-odd point-in-polygon test over all loops.
    static func inside(_ p: (Double, Double), _ loops: [[(Double, Double)]]) -> Bool {
        var crossings = 0
        for loop in loops where loop.count > 2 {
            for k in loop.indices {
                let a = loop[k], b = loop[(k + 1) % loop.count]
                if (a.1 > p.1) != (b.1 > p.1) {
                    let x = a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0)
                    if x > p.0 { crossings += 1 }
                }
            }
        }
        return crossings % 2 == 1
    }

    /// Every node's margin is positive exactly where `ConstraintSet.evaluate` says excluded, the
    /// node's result is the set's own evaluation there, and the drawn boundary encloses exactly the
    /// excluded nodes (checked away from the boundary: nodes whose 8 neighbours agree with them).
    @Test func boundariesEncloseTheExcludedNodes() throws {
        let plane = try Self.plane()
        let exclusions = try Self.exclusions(plane)
        #expect(exclusions.map(\.name) == ["bs-mixing", "bs-mumu", "apv-cesium", "k-mu-invisible", "w-width", "trident-ccfr"])
        let model = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: model, onShell: OnShellProduction.standard())
        let direct = set.evaluate(model.point(plane.parameters(plane.sampled(7, 30))), names: Self.constraintNames)
        #expect(direct == exclusions.map { $0.results[7][30] })
        var partial = 0
        for c in exclusions {
            let loops = c.boundary(plane)
            let n = plane.xs.count
            var checked = 0
            for i in 0..<n {
                for j in 0..<n {
                    let e = c.results[i][j].excluded
                    #expect((c.margins[i][j] > 0) == e, "\(c.name) margin at (\(i), \(j))")
                    let neighbours = (max(0, i - 1)...min(n - 1, i + 1)).flatMap { a in (max(0, j - 1)...min(n - 1, j + 1)).map { c.results[a][$0].excluded } }
                    guard neighbours.allSatisfy({ $0 == e }) else { continue }
                    checked += 1
                    #expect(Self.inside((plane.xs[i], plane.ys[j]), loops) == e, "\(c.name) at node (\(i), \(j)): excluded \(e)")
                }
            }
            #expect(checked > n * n / 2)
            if c.excludedFraction > 0 && c.excludedFraction < 1 { partial += 1 }
        }
        // the plane is chosen so that most of these cut it (W width at large |g_mu|, APV below ~35 MeV ...)
        #expect(partial >= 4)
    }

    /// Posterior mode on a correlated Gaussian sample: the 68.3 and 95.4% HPD loops hold those
    /// fractions of the samples. Scott's bandwidth widens a Gaussian's contours by a factor
    /// sqrt(1 + h^2/sigma^2) = 1.005 at n = 40,000 (d = 2), which moves the fractions by under 0.01;
    /// the binned grid adds about as much, so 0.02 is the tolerance.
    @Test func posteriorRegionsHoldTheirProbability() throws {
        let plane = try Self.plane(nodes: 21)
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
        let samples = (0..<40_000).map { _ -> [Double] in
            let a = normal(), b = normal()
            return [-1.3 + 0.15 * a, -0.08 + 0.02 * (0.6 * a + 0.8 * b)]
        }
        let likelihood = try Self.priors().likelihood(predictor: BinnedPredictorTests.predictor)
        let regions = PlaneRegions(plane: plane, mode: .posterior, samples: samples, effectiveSize: 40_000,
                                   bestSample: [-1.3, -0.08], bestChiSquare: 60, likelihood: likelihood, constraints: [], threads: 2)
        let loops = regions.regions
        #expect(loops.count == 3)
        for (k, level) in [0.683, 0.954].enumerated() {
            let fraction = Double(samples.filter { Self.inside(($0[0], $0[1]), loops[k]) }.count) / Double(samples.count)
            #expect(abs(fraction - level) < 0.02, "level \(level): \(fraction)")
        }
        #expect(regions.thresholds[0] > regions.thresholds[1] && regions.thresholds[1] > regions.thresholds[2])
    }

    /// Profile mode with the chain's two parameters: chi^2 at each node is the likelihood there, and
    /// the 68.3% region holds the grid's minimum. With a third free parameter (case A's three), each
    /// node's profile chi^2 is at most the value at the base point and within 0.05 (or 1e-6 relative,
    /// where chi^2 is 10^7 far from the data) of a brute-force 401-point scan of the third parameter.
    @Test func profileChiSquare() throws {
        let plane = try Self.plane(nodes: 12)
        let likelihood = try Self.priors().likelihood(predictor: BinnedPredictorTests.predictor)
        let regions = PlaneRegions(plane: plane, mode: .profile, samples: [[-1.5, -0.1]], effectiveSize: 1, bestSample: [-1.5, -0.1],
                                   bestChiSquare: .infinity, likelihood: likelihood, constraints: [], threads: 2)
        let chi2 = try #require(regions.chiSquare)
        #expect(chi2[3][8] == likelihood.evaluate(plane.parameters(plane.sampled(3, 8))).chiSquare)
        let minimum = chi2.joined().min()!
        #expect(regions.chiSquareMinimum == minimum)
        let (i, j) = chi2.indices.flatMap { i in chi2[i].indices.map { (i, $0) } }.first { chi2[$0.0][$0.1] == minimum }!
        #expect(Self.inside((plane.xs[i], plane.ys[j]), regions.regions[0]))

        let a = try Self.priors("caseA")
        let likelihoodA = try a.likelihood(predictor: BinnedPredictorTests.predictor)
        let names = a.free.map(\.name)
        #expect(names == ["mZD", "epsilon", "epsilonZ"])
        let bounds = a.free.map(\.distribution.sampledBounds)
        let base = bounds.map { $0.lowerBound + 0.5 * ($0.upperBound - $0.lowerBound) }
        let planeA = ParameterPlane(priors: a, x: 0, y: 2, xRange: bounds[0], yRange: bounds[2], nodes: 6, base: base)
        let profiled = PlaneRegions(plane: planeA, mode: .profile, samples: [base], effectiveSize: 1, bestSample: base,
                                    bestChiSquare: .infinity, likelihood: likelihoodA, constraints: [], threads: 2)
        let grid = try #require(profiled.chiSquare)
        for (i, j) in [(1, 2), (3, 4), (4, 1)] {
            let node = planeA.sampled(i, j)
            let atBase = likelihoodA.evaluate(planeA.parameters(node)).chiSquare
            #expect(grid[i][j] <= atBase)
            let brute = (0...400).map { k -> Double in
                var v = node
                v[1] = bounds[1].lowerBound + Double(k) / 400 * (bounds[1].upperBound - bounds[1].lowerBound)
                return likelihoodA.evaluate(planeA.parameters(v)).chiSquare
            }.min()!
            #expect(grid[i][j] <= brute + max(0.05, 1e-6 * brute), "node (\(i), \(j)): profile \(grid[i][j]) vs scan \(brute)")
        }
    }

    /// The figure: three filled regions and contours, one group, boundary and legend entry per
    /// constraint that cuts the plane, the others named in a note; tick labels inside the axes and
    /// apart (AxisTicks' fit), at positions inside the plot's extent.
    @Test func svgStructure() throws {
        let plane = try Self.plane()
        let exclusions = try Self.exclusions(plane)
        var state: UInt64 = 7
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let samples = (0..<4000).map { _ in [-1.4 + 0.3 * (uniform() - 0.5), -0.1 + 0.05 * (uniform() - 0.5)] }
        let likelihood = try Self.priors().likelihood(predictor: BinnedPredictorTests.predictor)
        let regions = PlaneRegions(plane: plane, mode: .posterior, samples: samples, effectiveSize: 4000, bestSample: samples[0],
                                   bestChiSquare: 55, likelihood: likelihood, constraints: exclusions, threads: 2)
        let plot = RegionsPlotSVG(regions: regions, title: "test")
        let svg = plot.svg
        for level in PlaneRegions.levels {
            for kind in ["region", "contour"] {
                let path = try #require(svg.components(separatedBy: "<path class=\"\(kind)\" data-level=\"\(level)\"").dropFirst().first)
                #expect(path.contains(" d=\"M"), "\(kind) \(level) is empty")
            }
        }
        let cutting = exclusions.filter { $0.excludedFraction > 0 }.map(\.name)
        let quiet = exclusions.filter { $0.excludedFraction == 0 }.map(\.name)
        #expect(cutting.count >= 4 && quiet.contains("bs-mixing"))
        for name in cutting {
            let group = try #require(svg.components(separatedBy: "<g class=\"constraint\" data-name=\"\(name)\">").dropFirst().first)
            let body = group.components(separatedBy: "</g>")[0]
            #expect(body.contains("class=\"boundary\" d=\"M") && body.contains("class=\"band\""), "\(name): no boundary drawn")
            #expect(svg.contains("<g class=\"legend-entry\" data-name=\"\(name)\">"), "no legend entry for \(name)")
        }
        #expect(svg.components(separatedBy: "<g class=\"constraint\"").count - 1 == cutting.count)
        let notes = svg.components(separatedBy: "class=\"note\"").dropFirst().joined()
        for name in quiet { #expect(notes.contains(name), "\(name) not named") }
        #expect(notes.contains("ε = 0.0001"))
        for ticks in [plot.xTicks, plot.yTicks] { #expect(ticks.major.count >= 2 && ticks.fits(ticks.major)) }
        let texts = svg.components(separatedBy: "<text ").dropFirst()
        for t in texts where t.contains("class=\"tick x\"") {
            let x = ConstraintScanTests.attribute("x", t)
            #expect(x >= plot.left - 9 && x <= plot.left + plot.plotWidth + 9)
        }
        for t in texts where t.contains("class=\"tick y\"") {
            let y = ConstraintScanTests.attribute("y", t)
            #expect(y >= plot.top - plot.tickFont && y <= plot.top + plot.plotHeight + plot.tickFont)
        }
        // CSV: one row per node, the constraint columns equal to the exclusion maps
        let rows = regions.csv.split(separator: "\n")
        #expect(rows.count == 1 + plane.xs.count * plane.ys.count)
        let header = rows[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(4)) == ["log10(mZD)", "gMu", "mZD", "posterior_density"])
        let column = try #require(header.firstIndex(of: "w-width_excluded"))
        let w = exclusions.first { $0.name == "w-width" }!
        let row = rows[1 + 5 * plane.ys.count + 3].split(separator: ",")
        #expect(row[column] == (w.results[5][3].excluded ? "1" : "0"))
    }
}
