import Flavor
import Foundation

extension PlaneRegions {
    /// One row per node of the plane: the two sampled variables (and their physical values when
    /// sampled in log10), the profile chi^2 and Delta chi^2 (profile mode) or the smoothed posterior
    /// density interpolated at the node (posterior mode, per unit of the sampled variables), then per
    /// constraint `<name>_excluded` (0/1) and `<name>_margin` (ln(|pull|/z_CL), positive where
    /// excluded, the function whose zero contour is drawn). Full precision (%.17g), nan when undefined.
    public var csv: String {
        let px = plane.priors.free[plane.xIndex], py = plane.priors.free[plane.yIndex]
        var header = [px.sampledName, py.sampledName]
        let xLog = px.sampledName != px.name, yLog = py.sampledName != py.name
        if xLog { header.append(px.name) }
        if yLog { header.append(py.name) }
        header += mode == .profile ? ["chi2", "delta_chi2"] : ["posterior_density"]
        header += constraints.flatMap { ["\($0.name)_excluded", "\($0.name)_margin"] }
        var lines = [header.joined(separator: ",")]
        func f(_ v: Double) -> String { v.isNaN ? "nan" : String(format: "%.17g", v) }
        for i in plane.xs.indices {
            for j in plane.ys.indices {
                var row = [f(plane.xs[i]), f(plane.ys[j])]
                if xLog { row.append(f(px.distribution.physical(plane.xs[i]))) }
                if yLog { row.append(f(py.distribution.physical(plane.ys[j]))) }
                if let chi2 = chiSquare {
                    row += [f(chi2[i][j]), f(chi2[i][j] - chiSquareMinimum)]
                } else {
                    row.append(f(densityAt(plane.xs[i], plane.ys[j])))
                }
                for c in constraints { row += [c.results[i][j].excluded ? "1" : "0", f(c.margins[i][j])] }
                lines.append(row.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Bilinear interpolation of the smoothed density (0 outside its grid).
    func densityAt(_ x: Double, _ y: Double) -> Double {
        guard let d = density else { return .nan }
        let nx = d.density.count, ny = d.density[0].count
        let wx = (d.xRange.upperBound - d.xRange.lowerBound) / Double(nx), wy = (d.yRange.upperBound - d.yRange.lowerBound) / Double(ny)
        let u = (x - d.xRange.lowerBound) / wx - 0.5, v = (y - d.yRange.lowerBound) / wy - 0.5
        guard u >= -0.5, v >= -0.5, u <= Double(nx) - 0.5, v <= Double(ny) - 0.5 else { return 0 }
        let i = max(0, min(nx - 2, Int(floor(u)))), j = max(0, min(ny - 2, Int(floor(v))))
        let a = max(0, min(1, u - Double(i))), b = max(0, min(1, v - Double(j)))
        return (1 - a) * ((1 - b) * d.density[i][j] + b * d.density[i][j + 1]) + a * ((1 - b) * d.density[i + 1][j] + b * d.density[i + 1][j + 1])
    }

    /// What regions.json holds: axes, held parameters, levels, the region and boundary loops (in the
    /// sampled variables), the best fit and each constraint's summary.
    public struct Summary: Encodable {
        public struct Axis: Encodable {
            public let name: String
            public let parameter: String
            public let log10: Bool
            public let unit: String?
            public let prior_bounds: [Double]
            public let range: [Double]
            public let nodes: Int
        }
        public struct Held: Encodable {
            public let parameter: String
            public let value: Double
            public let source: String
        }
        public struct Region: Encodable {
            public let level: Double
            public let label: String
            public let threshold: Double
            public let loops: [[[Double]]]
        }
        public struct Constraint: Encodable {
            public let name: String
            public let cl: Double
            public let kind: String
            public let applies: Bool
            public let excluded_fraction: Double
            public let boundary: [[[Double]]]
        }
        public let mode: String
        /// What the regions are: the method in one sentence.
        public let method: String
        public let x: Axis
        public let y: Axis
        public let held: [Held]
        public let chi2_min: Double
        public let best_fit: [String: Double]
        public let regions: [Region]
        public let constraints: [Constraint]
        public let samples: Int
        public let effective_samples: Double
    }

    public var summary: Summary {
        let priors = plane.priors
        func axis(_ k: Int, _ nodes: [Double]) -> Summary.Axis {
            let p = priors.free[k]
            let b = p.distribution.sampledBounds
            return Summary.Axis(name: p.sampledName, parameter: p.name, log10: p.sampledName != p.name, unit: p.unit,
                                prior_bounds: [b.lowerBound, b.upperBound], range: [nodes.first!, nodes.last!], nodes: nodes.count)
        }
        var held = priors.parameters.filter { !$0.distribution.isFree }.map {
            Summary.Held(parameter: $0.name, value: $0.distribution.physical(0), source: "priors file")
        }
        held += plane.others.map {
            Summary.Held(parameter: priors.free[$0].name, value: priors.free[$0].distribution.physical(plane.base[$0]), source: "best fit")
        }
        func pairs(_ loops: [[(Double, Double)]]) -> [[[Double]]] { loops.map { $0.map { [$0.0, $0.1] } } }
        let loops = regions
        let regionList = Self.levels.indices.map {
            Summary.Region(level: Self.levels[$0], label: levelLabels[$0], threshold: thresholds[$0], loops: pairs(loops[$0]))
        }
        return Summary(
            mode: mode.rawValue, method: method, x: axis(plane.xIndex, plane.xs), y: axis(plane.yIndex, plane.ys), held: held,
            chi2_min: chiSquareMinimum,
            best_fit: [priors.free[plane.xIndex].sampledName: best.x, priors.free[plane.yIndex].sampledName: best.y],
            regions: regionList,
            constraints: constraints.map {
                Summary.Constraint(name: $0.name, cl: $0.cl, kind: $0.kind, applies: $0.appliesAnywhere,
                                   excluded_fraction: $0.excludedFraction, boundary: pairs($0.boundary(plane)))
            },
            samples: sampleCount, effective_samples: effectiveSize)
    }

    /// The method in one sentence, for the JSON and the figure.
    public var method: String {
        switch mode {
        case .posterior:
            return String(format: "HPD regions of the 2-D marginal posterior: Gaussian KDE (Scott's rule, n_eff = %.0f of %d samples), reflected at prior bounds", effectiveSize, sampleCount)
        case .profile:
            let others = plane.others.map { plane.priors.free[$0].name }
            let over = others.isEmpty ? "" : ", minimised over " + others.joined(separator: ", ")
            return "profile likelihood: chi^2 on a \(plane.xs.count)x\(plane.ys.count) grid\(over); regions chi^2 <= chi^2_min + Delta (2 dof)"
        }
    }
}
