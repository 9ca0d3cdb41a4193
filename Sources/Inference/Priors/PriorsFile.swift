import Flavor
import Foundation
import TOMLKit

/// A model case as a user can copy and edit it: priors of the five parameters, which data enter the
/// likelihood, which constraints, and how to sample (priors/*.toml; README "Priors files").
public struct PriorsFile: Sendable {
    public let source: String
    /// The file's text, stored in chain files.
    public let text: String
    public let name: String
    public let modelCase: DarkBosonCase
    /// The measurement table, a file name inside data/ or a path.
    public let dataFile: String
    public let leptons: Set<Lepton>
    public let errors: ErrorConvention
    public let constraints: [String]
    /// All five parameters, in `DarkBosonParameters.names` order.
    public let parameters: [ParameterPrior]
    public let sampler: SamplerSettings
    /// What a run stores beside the chain ([output]).
    public let output: OutputSettings

    /// The free parameters in sampling order.
    public var free: [ParameterPrior] { parameters.filter { $0.distribution.isFree } }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PriorsError(file: path, key: nil, message: "cannot read the file (does it exist?)")
        }
        try self.init(text: text, source: path)
    }

    public init(text: String, source: String) throws {
        self.source = source
        self.text = text
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw PriorsError(file: source, key: nil,
                              message: "not valid TOML at line \(error.source.begin.line): \(error.description)")
        }
        let reader = TOMLReader(table: root, file: source, path: "")
        try reader.allowOnly(["name", "case", "data", "parameters", "sampler", "output"])
        name = try reader.string("name")
        let caseText = try reader.string("case")
        guard let modelCase = DarkBosonCase(rawValue: caseText) else {
            throw PriorsError(file: source, key: "case", message: "'\(caseText)' is not a case (A, B or C)")
        }
        self.modelCase = modelCase

        let data = try reader.table("data")
        try data.allowOnly(["file", "leptons", "errors", "constraints"])
        dataFile = try data.optionalString("file") ?? "bsll_table1.csv"
        var leptons = Set<Lepton>()
        for text in try data.optionalStrings("leptons") ?? ["e", "mu"] {
            guard let lepton = Lepton(rawValue: text) else {
                throw PriorsError(file: source, key: "data.leptons", message: "'\(text)' is not a lepton (e, mu)")
            }
            leptons.insert(lepton)
        }
        guard !leptons.isEmpty else { throw PriorsError(file: source, key: "data.leptons", message: "needs at least one lepton") }
        self.leptons = leptons
        let errorsText = try data.optionalString("errors") ?? "mean"
        guard let errors = ErrorConvention(rawValue: errorsText) else {
            throw PriorsError(file: source, key: "data.errors", message: "'\(errorsText)' is not mean or side")
        }
        self.errors = errors
        constraints = try data.optionalStrings("constraints") ?? []

        let table = try reader.table("parameters")
        try table.allowOnly(DarkBosonParameters.names)
        parameters = try DarkBosonParameters.names.map { try Self.prior($0, in: table, case: modelCase) }
        guard parameters.contains(where: { $0.distribution.isFree }) else {
            throw PriorsError(file: source, key: "parameters", message: "at least one parameter must be free")
        }
        sampler = try Self.sampler(reader.optionalTable("sampler"), freeCount: parameters.filter { $0.distribution.isFree }.count)
        output = try OutputSettings.read(reader.optionalTable("output"))
    }

    static func prior(_ name: String, in parameters: TOMLReader, case modelCase: DarkBosonCase) throws -> ParameterPrior {
        guard let entry = try parameters.optionalTable(name) else {
            // Leaving a parameter out fixes it at zero, except the mass which every case needs.
            if name == "mZD" { throw PriorsError(file: parameters.file, key: "parameters.mZD", message: "missing (every case needs the Z_D mass)") }
            return ParameterPrior(name: name, distribution: .fixed(0), unit: nil)
        }
        try entry.allowOnly(["prior", "min", "max", "fixed", "unit"])
        var scale = 1.0
        var unit: String?
        if name == "mZD" {
            let unitText = try entry.optionalString("unit") ?? "GeV"
            switch unitText {
            case "GeV": scale = 1
            case "MeV": scale = 1e-3
            default: throw PriorsError(file: entry.file, key: entry.key("unit"), message: "'\(unitText)' is not GeV or MeV")
            }
            unit = "GeV"
        } else if try entry.optionalString("unit") != nil {
            throw PriorsError(file: entry.file, key: entry.key("unit"), message: "only mZD has a unit")
        }
        if modelCase == .A, name == "gMu" {
            if let v = try entry.optionalNumber("fixed"), v == 0 { return ParameterPrior(name: name, distribution: .fixed(0), unit: nil) }
            throw PriorsError(file: entry.file, key: entry.path, message: "case A has no direct muon coupling; leave gMu out or fix it at 0")
        }
        if let value = try entry.optionalNumber("fixed") {
            guard try entry.optionalString("prior") == nil, try entry.optionalNumber("min") == nil else {
                throw PriorsError(file: entry.file, key: entry.path, message: "a fixed parameter takes no prior, min or max")
            }
            return ParameterPrior(name: name, distribution: .fixed(value * scale), unit: unit)
        }
        let kind = try entry.string("prior")
        let lo = try entry.number("min") * scale, hi = try entry.number("max") * scale
        guard lo < hi else { throw PriorsError(file: entry.file, key: entry.key("max"), message: "max must exceed min (\(lo) >= \(hi))") }
        switch kind {
        case "uniform": return ParameterPrior(name: name, distribution: .uniform(min: lo, max: hi), unit: unit)
        case "log-uniform":
            guard lo > 0 else { throw PriorsError(file: entry.file, key: entry.key("min"), message: "a log-uniform prior needs min > 0") }
            return ParameterPrior(name: name, distribution: .logUniform(min: lo, max: hi), unit: unit)
        default:
            throw PriorsError(file: entry.file, key: entry.key("prior"), message: "'\(kind)' is not uniform or log-uniform")
        }
    }

    static func sampler(_ table: TOMLReader?, freeCount: Int) throws -> SamplerSettings {
        var s = SamplerSettings.defaults
        guard let table else { return s }
        try table.allowOnly(["walkers", "moves", "seed", "max_steps", "check_every", "min_steps_per_tau", "max_tau_change", "checkpoint_every",
                             "temperatures", "ladder", "adaptation_steps"])
        if let w = try table.optionalInt("walkers") {
            guard w >= 2 * freeCount else {
                throw PriorsError(file: table.file, key: table.key("walkers"), message: "needs at least 2 x \(freeCount) free parameters = \(2 * freeCount) walkers, got \(w)")
            }
            s.walkers = w
        }
        if let seed = try table.optionalInt("seed") {
            guard seed >= 0 else { throw PriorsError(file: table.file, key: table.key("seed"), message: "must be >= 0") }
            s.seed = UInt64(seed)
        }
        for (key, path) in [("max_steps", \SamplerSettings.maxSteps), ("check_every", \.checkEvery), ("checkpoint_every", \.checkpointEvery),
                            ("temperatures", \.temperatures), ("adaptation_steps", \.adaptationSteps)] {
            if let v = try table.optionalInt(key) {
                guard v >= 1 else { throw PriorsError(file: table.file, key: table.key(key), message: "must be >= 1") }
                s[keyPath: path] = v
            }
        }
        guard (1...64).contains(s.temperatures) else {
            throw PriorsError(file: table.file, key: table.key("temperatures"), message: "must be between 1 and 64")
        }
        if let ladder = try table.optionalString("ladder") {
            guard ladder == "adaptive" || ladder == "fixed" else {
                throw PriorsError(file: table.file, key: table.key("ladder"), message: "'\(ladder)' is not adaptive or fixed")
            }
            s.fixedLadder = ladder == "fixed"
        }
        if let v = try table.optionalNumber("min_steps_per_tau") {
            guard v > 0 else { throw PriorsError(file: table.file, key: table.key("min_steps_per_tau"), message: "must be > 0") }
            s.minStepsPerTau = v
        }
        if let v = try table.optionalNumber("max_tau_change") {
            guard v > 0 else { throw PriorsError(file: table.file, key: table.key("max_tau_change"), message: "must be > 0") }
            s.maxTauChange = v
        }
        if let moves = try table.optionalTable("moves") {
            var list: [(SamplerSettings.MoveKind, Double)] = []
            for key in moves.keys.sorted() {
                guard let kind = SamplerSettings.MoveKind(rawValue: key) else {
                    throw PriorsError(file: table.file, key: moves.key(key), message: "unknown move (stretch, de, snooker, walk, dime)")
                }
                let weight = try moves.number(key)
                guard weight > 0 else { throw PriorsError(file: table.file, key: moves.key(key), message: "weight must be > 0") }
                list.append((kind, weight))
            }
            guard !list.isEmpty else { throw PriorsError(file: table.file, key: table.key("moves"), message: "needs at least one move") }
            s.moves = list
        }
        return s
    }

    /// The parameter point of a vector of sampled free variables.
    public func point(_ sampled: UnsafeBufferPointer<Double>) -> DarkBosonParameters {
        var values = [Double](repeating: 0, count: parameters.count)
        var k = 0
        for (i, prior) in parameters.enumerated() {
            if prior.distribution.isFree {
                values[i] = prior.distribution.physical(sampled[k])
                k += 1
            } else {
                values[i] = prior.distribution.physical(0)
            }
        }
        return DarkBosonParameters(modelCase: modelCase, mZD: values[0], epsilon: values[1], epsilonZ: values[2],
                                   gMu: values[3], invisibleFraction: values[4])
    }

    /// log prior density of the sampled variables up to a constant: 0 inside the bounds, -inf outside.
    public func logPrior(_ sampled: UnsafeBufferPointer<Double>) -> Double {
        var k = 0
        for prior in parameters where prior.distribution.isFree {
            guard prior.distribution.sampledBounds.contains(sampled[k]) else { return -.infinity }
            k += 1
        }
        return 0
    }
}
