import ArgumentParser
import Inference
import Foundation
import Flavor

/// The model flags shared by `predict`, `wilson` and `constraints` (paper section 3). Parameter
/// names follow the priors files: mZD, epsilon, epsilonZ, gMu, invisibleFraction.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("case"), help: "Model case A, B or C: parameters the shipped priors/case<X>.toml fixes take its values (said on stderr).")
    var modelCase: DarkBosonCase?

    @Option(name: .customLong("priors"), help: "A priors file: its case, its data rows and the values of the parameters it fixes.")
    var priorsFile: String?

    /// Parsed unconditionally, so that `--mzd -1` is a negative mass (an error), not a missing value.
    @Option(name: .customLong("mzd"), parsing: .unconditional, help: "Z_D mass: GeV, or with a unit (30.2MeV, 0.0302GeV).")
    var mass: MassArgument?

    @OptionGroup var couplings: CouplingOptions

    /// The priors file that completes the point: --priors, or the shipped file of --case.
    func priors() throws -> PriorsFile {
        if let priorsFile { return try PriorsFile(contentsOf: priorsFile) }
        guard let modelCase else { throw ValidationError("give --case A|B|C or --priors FILE") }
        return try PriorsFile.shipped("case" + modelCase.rawValue)
    }

    /// The point: the values given, the priors file's fixed values for the others (listed on stderr),
    /// and an error naming a free parameter that was not given.
    func resolve() throws -> (parameters: DarkBosonParameters, priors: PriorsFile) {
        let file = try priors()
        if let modelCase, priorsFile != nil, modelCase != file.modelCase {
            throw ValidationError("--case \(modelCase.rawValue) contradicts \(file.source) (case \(file.modelCase.rawValue)); give one of them")
        }
        var given = couplings.given
        if let mass { given["mZD"] = mass.gev }
        let (p, fromFile) = try file.point(given: given)
        if let problem = p.problem { throw ValidationError(problem) }
        if !fromFile.isEmpty {
            let list = fromFile.map { "\($0.name) = " + String(format: "%g", $0.value) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("fixed by \(file.source): \(list)\n".utf8))
        }
        return (p, file)
    }

    func validate() throws {
        for (name, value) in couplings.given where !value.isFinite { throw ValidationError("\(name) must be finite, got \(value)") }
        if let mass, !(mass.gev.isFinite && mass.gev > 0) {
            throw ValidationError("--mzd must be a positive mass (GeV, or with a unit: 30.2MeV), got \(mass.text)")
        }
        if let f = couplings.invisibleFraction, !(f >= 0) {
            throw ValidationError("--invisible-fraction must be a fraction >= 0 of the nu nu-bar width, got \(f)")
        }
    }
}

/// The coupling flags of a parameter point (each optional: a parameter not given takes the priors
/// file's fixed value, `ModelOptions.resolve`).
struct CouplingOptions: ParsableArguments {
    @Option(name: .customLong("epsilon"), parsing: .unconditional, help: "Kinetic mixing epsilon.")
    var epsilon: Double?

    @Option(name: .customLong("epsilon-z"), parsing: .unconditional, help: "Mass mixing epsilon_Z.")
    var epsilonZ: Double?

    @Option(name: .customLong("g-mu"), parsing: .unconditional, help: "Direct vector coupling to muons (cases B, C).")
    var gMu: Double?

    @Option(name: .customLong("invisible-fraction"), parsing: .unconditional, help: "Extra invisible width as a fraction of the nu nu-bar width.")
    var invisibleFraction: Double?

    /// The values given, by parameter name.
    var given: [String: Double] {
        var values: [String: Double] = [:]
        values["epsilon"] = epsilon
        values["epsilonZ"] = epsilonZ
        values["gMu"] = gMu
        values["invisibleFraction"] = invisibleFraction
        return values
    }
}

extension DarkBosonCase: ExpressibleByArgument {}

/// A mass in GeV, given plainly (GeV) or with an explicit unit: MeV or GeV.
struct MassArgument: ExpressibleByArgument {
    let gev: Double
    /// As given on the command line.
    let text: String

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        self.text = text
        let units: [(String, Double)] = [("MeV", 1e-3), ("GeV", 1), ("keV", 1e-6)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            guard let value = Double(text.dropLast(unit.count).trimmingCharacters(in: .whitespaces)) else { return nil }
            gev = value * factor
            return
        }
        guard let value = Double(text) else { return nil }
        gev = value
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
