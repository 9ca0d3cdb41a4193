import ArgumentParser
import ChainStorage
import Ensemble
import Inference

/// --case or --priors: which priors file a command uses.
struct PriorsSelection: ParsableArguments {
    @Option(name: .customLong("case"), help: "A shipped case: A, A-invisible, B or C (priors/case<X>.toml).")
    var caseName: String?

    @Option(name: .customLong("priors"), help: "A priors file (instead of --case).")
    var priorsFile: String?

    func validate() throws {
        guard caseName == nil || priorsFile == nil else { throw ValidationError("give either --case or --priors") }
    }

    /// Whether --case or --priors was given.
    var isGiven: Bool { caseName != nil || priorsFile != nil }

    func load() throws -> PriorsFile {
        if let priorsFile { return try PriorsFile(contentsOf: priorsFile) }
        guard let caseName else { throw ValidationError("give either --case or --priors") }
        return try PriorsFile.shipped("case" + caseName)
    }
}

/// The burn-in dropped when the user gives none (``BurnIn/defaultSteps(file:)``: a tempered run's
/// adaptation, then twice the largest tau).
func defaultBurnIn(_ file: ChainFile) -> Int { BurnIn.defaultSteps(file: file) }
