import ArgumentParser
import ChainStorage
import Cluster
import Ensemble
import Flavor
import Foundation
import Inference

/// `darkz regions FILE`: allowed regions in a plane of two sampled parameters with the constraints'
/// excluded areas overlaid (paper figs. 11-13), as SVG, PNG, CSV and JSON.
struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "Plot a chain's allowed regions in a plane of two parameters with each constraint's excluded area (regions.svg, .png, .csv, .json).",
        discussion: """
            Posterior HPD regions (68.3, 95.4, 99.7%) of the pair's smoothed 2-D marginal, or with --profile the \
            profile chi^2 regions (Delta chi^2 = 2.30, 6.17, 11.83). Constraints are judged on a grid in the plane \
            with the other parameters at the priors file's fixed values and the free ones at the chain's best fit \
            (said in the legend). Each CSV row is one grid node; regions.json holds the region and boundary loops.
            """)

    @Argument(help: "A chain file written by darkz sample.")
    var file: String

    @Option(name: .customLong("x"), help: "Parameter on the x axis (e.g. mZD or log10(mZD); default: the first sampled parameter).")
    var x: String?

    @Option(name: .customLong("y"), help: "Parameter on the y axis (default: the second sampled parameter).")
    var y: String?

    @Option(name: .customLong("constraints"), help: "Constraints to overlay: all (the default), none, or a comma-separated list of names.")
    var selection: String = "all"

    @Flag(name: .customLong("profile"), help: "Profile-likelihood regions (Delta chi^2 on the grid) instead of posterior HPD regions.")
    var profile = false

    @Option(name: .customLong("grid"), help: "Grid nodes per axis for the constraints (and the profile chi^2).")
    var grid: Int = 100

    @Option(name: .customLong("x-range"), parsing: .upToNextOption,
            help: "LO HI of the x axis in the parameter's units (a mass with a unit: 10MeV 300MeV); default: the samples' extent widened by a quarter each side, within the prior.")
    var xRange: [String] = []

    @Option(name: .customLong("y-range"), parsing: .upToNextOption, help: "LO HI of the y axis (as --x-range); a negative bound as --y-range=-0.1,0.1.")
    var yRange: [String] = []

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop (default: twice the largest tau).")
    var discard: Int?

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.count }

    @Option(name: .customLong("out"), help: "Output folder (default: the chain file's name without .h5, plus -regions).")
    var out: String?

    func validate() throws {
        guard grid >= 10, grid <= 2000 else { throw ValidationError("--grid must be between 10 and 2000, got \(grid)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        for (name, r) in [("--x-range", xRange), ("--y-range", yRange)] where !r.isEmpty && Self.texts(r).count != 2 {
            throw ValidationError("\(name) takes two values LO HI (or \(name)=LO,HI), got \(Self.texts(r).count)")
        }
    }

    func run() throws {
        let started = Date()
        // Every rank sets up; under mpirun the grid's nodes are shared and rank 0 writes.
        let world = MPIWorld.shared
        let (priors, free, xIndex, yIndex, chain, plane, likelihood, model, set, names) = try world.agreeing {
            let chainFile = try ChainFile(contentsOf: URL(fileURLWithPath: file))
            let stored = try SamplingRun.StoredRun(chainFile)
            let priors = stored.priors
            let free = priors.free
            guard free.count >= 2 else {
                throw ValidationError("\(file) samples only \(free.map(\.name).joined()); a regions plot needs two sampled parameters")
            }
            let xIndex = try index(of: x, default: 0, in: priors, flag: "--x")
            let yIndex = try index(of: y, default: xIndex == 0 ? 1 : 0, in: priors, flag: "--y")
            guard xIndex != yIndex else { throw ValidationError("--x and --y name the same parameter, \(free[xIndex].name)") }

            let chain = try ChainSamples(chainFile, discard: discard)
            let samples = chain.samples, best = chain.best, effective = chain.effectiveSize
            let ranges = try [xIndex, yIndex].enumerated().map { k, i in
                try axisRange(free[i], given: k == 0 ? xRange : yRange, flag: k == 0 ? "--x-range" : "--y-range",
                              values: samples.map { $0[i] }, effectiveSize: effective)
            }
            let plane = ParameterPlane(priors: priors, x: xIndex, y: yIndex, xRange: ranges[0], yRange: ranges[1], nodes: grid, base: best)
            let likelihood = try stored.likelihood()
            let model = likelihood.predictor.model
            let set = try ConstraintSet.standard(model: model, onShell: OnShellProduction.standard())
            let names = try set.select(selection)
            return (priors, free, xIndex, yIndex, chain, plane, likelihood, model, set, names)
        }
        let samples = chain.samples, best = chain.best, effective = chain.effectiveSize
        let exclusions = ConstraintExclusion.map(plane, set: set, model: model, names: names, threads: threads, group: world)
        let regions = PlaneRegions(plane: plane, mode: profile ? .profile : .posterior, samples: samples, effectiveSize: effective,
                                   bestSample: best, bestChiSquare: -2 * chain.logProbabilities[chain.bestIndex], likelihood: likelihood,
                                   constraints: exclusions, threads: threads, group: world)
        guard world.reports else { return }
        let held = plane.heldText.map(\.plain).joined(separator: "; ")
        if !held.isEmpty { FileHandle.standardError.write(Data("constraints judged at \(held)\n".utf8)) }

        let folder = URL(fileURLWithPath: out ?? (file as NSString).deletingPathExtension + "-regions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ text: String, _ name: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
        let title = "case \(priors.modelCase.rawValue) (\(priors.name)): " + (profile ? "profile-likelihood regions" : "posterior regions")
            + (names.isEmpty ? "" : " and constraints")
        try write(RegionsPlotSVG(regions: regions, title: title).svg, "regions.svg")
        try write(regions.csv, "regions.csv")
        try DarkzJSON.encode(regions.summary).write(to: folder.appendingPathComponent("regions.json"), options: .atomic)
        let excluding = exclusions.filter { $0.excludedFraction > 0 }.count
        print("wrote \(folder.path)/regions.svg, regions.csv, regions.json (\(free[xIndex].sampledName) against \(free[yIndex].sampledName), "
              + "\(profile ? "profile" : "posterior") regions, \(names.count) constraints of which \(excluding) exclude part of the plane, "
              + "\(grid)x\(grid) grid, \(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
        switch PNGConversion.convert(svg: folder.appendingPathComponent("regions.svg"), png: folder.appendingPathComponent("regions.png")) {
        case .written(let url): print("wrote \(url.path)")
        case .skipped(let note): print("note: \(note)")
        }
    }

    /// The position in `priors.free` of a parameter given by name or sampled name.
    func index(of name: String?, default fallback: Int, in priors: PriorsFile, flag: String) throws -> Int {
        guard let name else { return fallback }
        if let k = priors.free.firstIndex(where: { $0.name == name || $0.sampledName == name }) { return k }
        if priors.parameters.contains(where: { $0.name == name }) {
            throw ValidationError("\(flag) \(name): the parameter is fixed in this chain's priors; sampled: \(priors.free.map(\.name).joined(separator: ", "))")
        }
        throw ValidationError("\(flag) \(name): unknown parameter; sampled: \(priors.free.map(\.name).joined(separator: ", "))")
    }

    static func texts(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The axis range in the sampled variable: the given LO HI (physical units), or the samples'
    /// smoothing-grid extent widened by a quarter each side, within the prior's bounds.
    func axisRange(_ p: ParameterPrior, given: [String], flag: String, values: [Double], effectiveSize: Double) throws -> ClosedRange<Double> {
        let bounds = p.distribution.sampledBounds
        if !given.isEmpty {
            let numbers = try Self.texts(given).map { text -> Double in
                let v = p.name == "mZD" ? MassArgument(argument: text)?.gev : Double(text)
                guard let v, v.isFinite else { throw ValidationError("\(flag): '\(text)' is not a number\(p.name == "mZD" ? " or a mass" : "")") }
                if p.sampledName != p.name && v <= 0 { throw ValidationError("\(flag): \(p.name) is sampled in log10, so its range must be positive, got \(text)") }
                return p.distribution.sampled(v)
            }
            guard numbers[0] < numbers[1] else { throw ValidationError("\(flag) needs LO < HI, got \(Self.texts(given).joined(separator: " "))") }
            return numbers[0]...numbers[1]
        }
        let h = KernelDensity.scottBandwidth(values, effectiveSize: effectiveSize, dimension: 2)
        let lo = values.min()! - 2 * h, hi = values.max()! + 2 * h
        let pad = 0.25 * (hi - lo)
        return max(lo - pad, bounds.lowerBound)...min(hi + pad, bounds.upperBound)
    }
}
