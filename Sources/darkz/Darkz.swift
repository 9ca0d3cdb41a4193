import ArgumentParser
import Foundation
import Inference

/// The darkz command line: Bayesian inference on light dark-boson explanations of rare B decays.
@main
struct Darkz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "darkz",
        abstract: "Bayesian inference on light dark-boson (Z_D) explanations of rare B decays.",
        discussion: "Physics from arXiv:2210.15662 (Datta, Hammad, Marfatia, Mukherjee, Rashed, JHEP 03 (2023) 108).",
        version: DarkzVersion.string,
        subcommands: [Chi2Command.self, PredictCommand.self, WilsonCommand.self, ConstraintsCommand.self, BestFitCommand.self, SampleCommand.self, ResumeCommand.self, CompactCommand.self, DiagnoseCommand.self, EvidenceCommand.self, CompareCommand.self, CredibleCommand.self, CornerCommand.self, RegionsCommand.self, ScanCommand.self, BenchCommand.self]
    )

    /// Runs the chosen subcommand. Help and version exit 0; a subcommand's own ExitCode passes
    /// through; every other error is one line on stderr and exit code 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("darkz: error: \(text)\n".utf8))
            Foundation.exit(2)
        }
    }
}
