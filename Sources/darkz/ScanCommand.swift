import ArgumentParser
import Cluster
import Flavor
import Foundation
import Inference

/// `darkz scan`: constraints and their chi^2 against one parameter over a range (paper figs. 3-9),
/// as SVG, PNG and CSV.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan constraints (prediction, measurement or limit band, chi^2) against one parameter; writes scan.svg, scan.png and scan.csv.",
        discussion: "The scanned parameter (default mZD) runs over --range or the priors file's box, log-spaced on a logarithmic axis (always for mZD, else as the prior says); the other parameters take the values given (--epsilon ...) or the priors file's fixed values. Each CSV row equals `darkz constraints` at that point.")

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("parameter"), help: "The parameter scanned: mZD, epsilon, epsilonZ, gMu or invisibleFraction.")
    var parameter: String = "mZD"

    @Option(name: .customLong("range"), parsing: .upToNextOption,
            help: "LO HI of the scanned parameter (mZD: GeV, or with a unit, 10MeV 2GeV); a negative bound as --range=-0.1,0.1; default: the priors file's bounds.")
    var range: [String] = []

    @Option(name: .customLong("points"), help: "Number of scan points.")
    var points: Int = 150

    @Option(name: .customLong("scale"), help: "Axis of the scanned parameter: log or linear (default: log for mZD and log-uniform priors).")
    var scale: String?

    @Option(name: .customLong("constraints"), help: "Which constraints: all, or a comma-separated list of names (default: the list of --priors FILE when it has one, else all).")
    var selection: String?

    @Option(name: .customLong("out"), help: "Output folder (default: scan-<parameter>).")
    var out: String?

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.count }

    func validate() throws {
        guard DarkBosonParameters.names.contains(parameter) else {
            throw ValidationError("unknown parameter '\(parameter)'; known: \(DarkBosonParameters.names.joined(separator: ", "))")
        }
        guard range.isEmpty || bounds.count == 2 else { throw ValidationError("--range takes two values LO HI (or --range=LO,HI), got \(bounds.count)") }
        guard points >= 2, points <= 100_000 else { throw ValidationError("--points must be between 2 and 100000, got \(points)") }
        if let scale, scale != "log", scale != "linear" { throw ValidationError("--scale must be log or linear, got '\(scale)'") }
        if parameter == "mZD", scale == "linear" { throw ValidationError("mZD is scanned on a logarithmic axis; drop --scale linear") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// What the scan needs, found the same on every rank.
    struct Setup {
        let file: PriorsFile
        let range: ClosedRange<Double>
        let logarithmic: Bool
        let base: DarkBosonParameters
        let fromFile: [(name: String, value: Double)]
        let model: DarkBosonModel
        let set: ConstraintSet
        let names: [String]
    }

    func setUp() throws -> Setup {
        let file = try model.priors()
        if let modelCase = model.modelCase, model.priorsFile != nil, modelCase != file.modelCase {
            throw ValidationError("--case \(modelCase.rawValue) contradicts \(file.source) (case \(file.modelCase.rawValue)); give one of them")
        }
        var given = model.couplings.given
        if let mass = model.mass { given["mZD"] = mass.gev }
        if given[parameter] != nil { throw ValidationError("\(parameter) is the scanned parameter; drop its value flag") }
        guard let prior = file.parameters.first(where: { $0.name == parameter }) else {
            throw ValidationError("\(file.source) has no parameter \(parameter)")
        }
        let bounds = try scanRange(prior)
        let logarithmic: Bool
        if let scale { logarithmic = scale == "log" } else if parameter == "mZD" { logarithmic = true } else if case .logUniform = prior.distribution { logarithmic = true } else { logarithmic = false }
        if logarithmic && bounds.lowerBound <= 0 {
            throw ValidationError("the range of \(parameter) must be positive on a logarithmic axis, got \(format(bounds.lowerBound)) \(format(bounds.upperBound))")
        }
        given[parameter] = bounds.lowerBound
        let (base, fromFile) = try file.point(given: given)
        let darkBoson = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: darkBoson, onShell: OnShellProduction.standard())
        let useFileList = model.priorsFile != nil && !file.constraints.isEmpty && selection == nil
        let names = useFileList ? try file.constraintNames(in: set) : try set.select(selection ?? "all")
        guard !names.isEmpty else { throw ValidationError("--constraints none leaves nothing to scan") }
        return Setup(file: file, range: bounds, logarithmic: logarithmic, base: base, fromFile: fromFile, model: darkBoson,
                     set: set, names: names)
    }

    func run() throws {
        // Every rank sets up (a failure on any ends all, with one error line); under mpirun the
        // scan's points are shared and rank 0 writes.
        let world = MPIWorld.shared
        let setup = try world.agreeing { try setUp() }
        let (file, bounds, names) = (setup.file, setup.range, setup.names)
        let scan = try ConstraintScan(parameter: parameter, range: bounds, logarithmic: setup.logarithmic, count: points,
                                      base: setup.base, model: setup.model, set: setup.set, names: names, threads: threads,
                                      group: world)
        guard world.reports else { return }
        let fixed = setup.fromFile.filter { $0.name != parameter }
        if !fixed.isEmpty {
            let list = fixed.map { "\($0.name) = " + String(format: "%g", $0.value) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("fixed by \(file.source): \(list)\n".utf8))
        }
        let folder = URL(fileURLWithPath: out ?? "scan-\(parameter)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(scan.csv.utf8).write(to: folder.appendingPathComponent("scan.csv"), options: .atomic)
        try Data(ConstraintScanSVG(scan: scan).svg.utf8).write(to: folder.appendingPathComponent("scan.svg"), options: .atomic)
        print("wrote \(folder.path)/scan.svg, scan.csv (\(names.count) constraints, \(points) values of \(parameter) from \(format(bounds.lowerBound)) to \(format(bounds.upperBound))\(parameter == "mZD" ? " GeV" : ""))")
        switch PNGConversion.convert(svg: folder.appendingPathComponent("scan.svg"), png: folder.appendingPathComponent("scan.png")) {
        case .written(let url): print("wrote \(url.path)")
        case .skipped(let note): print("note: \(note)")
        }
    }

    /// The texts of --range LO HI or --range=LO,HI.
    var bounds: [String] { range.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } }

    /// --range, or the prior's bounds.
    func scanRange(_ prior: ParameterPrior) throws -> ClosedRange<Double> {
        if !range.isEmpty {
            let values = try bounds.map { text -> Double in
                let v = parameter == "mZD" ? MassArgument(argument: text)?.gev : Double(text)
                guard let v, v.isFinite else { throw ValidationError("--range: '\(text)' is not a number\(parameter == "mZD" ? " or a mass" : "")") }
                return v
            }
            guard values[0] < values[1] else { throw ValidationError("--range needs LO < HI, got \(bounds[0]) \(bounds[1])") }
            return values[0]...values[1]
        }
        switch prior.distribution {
        case let .uniform(a, b), let .logUniform(a, b): return a...b
        case .fixed(let v):
            throw ValidationError("\(parameter) is fixed at \(format(v)) by the priors file; give --range LO HI")
        }
    }

    func format(_ v: Double) -> String { String(format: "%g", v) }
}
