import ArgumentParser
import Foundation
import Flavor

/// The model flags shared by `predict`, `wilson` and `constraints` (paper section 3). Parameter
/// names follow the priors files: mZD, epsilon, epsilonZ, gMu, invisibleFraction.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("case"), help: "Model case: A (mixing only), B (+ muon coupling), C (+ tuned electron coupling).")
    var modelCase: DarkBosonCase

    @Option(name: .customLong("mzd"), help: "Z_D mass: GeV, or with a unit (30.2MeV, 0.0302GeV).")
    var mass: MassArgument

    @OptionGroup var couplings: CouplingOptions

    var parameters: DarkBosonParameters {
        couplings.parameters(modelCase: modelCase, mass: mass.gev)
    }

    func validate() throws {
        if let problem = parameters.problem { throw ValidationError(problem) }
    }
}

/// The coupling flags of a parameter point (all default to 0).
struct CouplingOptions: ParsableArguments {
    @Option(name: .customLong("epsilon"), parsing: .unconditional, help: "Kinetic mixing epsilon.")
    var epsilon: Double = 0

    @Option(name: .customLong("epsilon-z"), parsing: .unconditional, help: "Mass mixing epsilon_Z.")
    var epsilonZ: Double = 0

    @Option(name: .customLong("g-mu"), parsing: .unconditional, help: "Direct vector coupling to muons (cases B, C).")
    var gMu: Double = 0

    @Option(name: .customLong("invisible-fraction"), help: "Extra invisible width as a fraction of the nu nu-bar width.")
    var invisibleFraction: Double = 0

    func parameters(modelCase: DarkBosonCase, mass: Double) -> DarkBosonParameters {
        DarkBosonParameters(modelCase: modelCase, mZD: mass, epsilon: epsilon, epsilonZ: epsilonZ,
                            gMu: gMu, invisibleFraction: invisibleFraction)
    }
}

extension DarkBosonCase: ExpressibleByArgument {}

/// A mass in GeV, given plainly (GeV) or with an explicit unit: MeV or GeV.
struct MassArgument: ExpressibleByArgument {
    let gev: Double

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
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
