import ArgumentParser
import Cluster
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
    /// through; every other error is one line on stderr and exit code 2 (an unknown command named,
    /// with the nearest ones: ``CommandWords``). Under mpirun, MPI is ended before the process exits.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command: ParsableCommand
            do {
                try CommandWords.check(arguments, root: Darkz.self)
                command = try parseAsRoot()
            } catch { throw ParsingFailure(underlying: error) }
            try command.run()
            endMPI()
        } catch let code as ExitCode {
            endMPI()
            Foundation.exit(code.rawValue)
        } catch {
            let parsing = error as? ParsingFailure
            let error = parsing?.underlying ?? error
            if exitCode(for: error) == .success { exit(withError: error) }
            // Under mpirun every rank parses the same arguments: their errors come from rank 0 alone;
            // any other error names its rank.
            let world = MPIWorld.launchedByMPI ? MPIWorld.shared : nil
            let ranked = world.map { $0.size > 1 } ?? false
            if !ranked || world?.rank == 0 || parsing == nil {
                var text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
                text = NegativeValueHint.hint(for: text, arguments: arguments) ?? text
                if ranked, parsing == nil, !(error is RankError) { text = "rank \(world!.rank): " + text }
                FileHandle.standardError.write(Data("darkz: error: \(text)\n".utf8))
            }
            endMPI()
            Foundation.exit(2)
        }
    }

    /// An error of the command line itself (the same on every rank).
    struct ParsingFailure: Error { let underlying: Error }

    private static func endMPI() {
        if MPIWorld.launchedByMPI { MPIWorld.shared.finish() }
    }
}
