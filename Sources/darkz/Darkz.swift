import ArgumentParser
import Cluster
import Foundation

/// The darkz command line: Bayesian inference on light dark-boson explanations of rare B decays.
@main
struct Darkz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "darkz",
        abstract: "Bayesian inference on light dark-boson (Z_D) explanations of rare B decays.",
        discussion: "Physics from arXiv:2210.15662 (Datta, Hammad, Marfatia, Mukherjee, Rashed, JHEP 03 (2023) 108).",
        subcommands: [Chi2Command.self, PredictCommand.self, WilsonCommand.self, ConstraintsCommand.self, BestFitCommand.self, SampleCommand.self, ResumeCommand.self, CompactCommand.self, DiagnoseCommand.self, EvidenceCommand.self, CompareCommand.self, CredibleCommand.self, CornerCommand.self, RegionsCommand.self, ScanCommand.self, BenchCommand.self]
    )

    /// Runs the chosen subcommand. Help and version exit 0; a subcommand's own ExitCode passes
    /// through; every other error is one line on stderr and exit code 2. Under mpirun, MPI is
    /// ended before the process exits.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            endMPI()
        } catch let code as ExitCode {
            endMPI()
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("darkz: error: \(text)\n".utf8))
            endMPI()
            Foundation.exit(2)
        }
    }

    private static func endMPI() {
        if MPIWorld.launchedByMPI { MPIWorld.shared.finish() }
    }
}
