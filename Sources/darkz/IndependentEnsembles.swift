import ArgumentParser
import ChainStorage
import Cluster
import Ensemble
import Foundation
import Inference

/// `darkz sample --ensembles E`: E independent runs of the same priors, each to its own convergence
/// (or the maximum steps), with seeds derived from the one seed (ensemble 0 uses the seed itself,
/// so it is the plain run), written to `<out>-e<k>.h5`. Under `mpirun -n N` ensemble k runs on rank
/// k mod N (at least one ensemble per rank); each rank writes its own files. When all are done,
/// rank 0 combines them as `darkz diagnose` and `darkz evidence` do on several files (R-hat and ESS
/// with every walker of every ensemble a chain; the evidence's scatter over the ensembles), prints
/// that, and writes `<out>-ensembles.json`. Exit 0 when the combination is converged, 3 when not.
struct IndependentEnsembles {
    let count: Int
    let output: URL
    let world: MPIWorld

    /// The chain file of ensemble k: chains/caseC.h5 -> chains/caseC-e3.h5.
    func file(_ k: Int) -> URL {
        let stem = output.deletingPathExtension().relativePath
        return URL(fileURLWithPath: "\(stem)-e\(k).\(output.pathExtension.isEmpty ? "h5" : output.pathExtension)")
    }

    var summaryFile: URL { URL(fileURLWithPath: output.deletingPathExtension().relativePath + "-ensembles.json") }

    /// This rank's ensembles.
    var mine: [Int] { Array(stride(from: world.rank, to: count, by: world.size)) }

    /// Sets up this rank's runs (`make(k, seed, file)`), runs them one after the other, and (rank 0)
    /// reports the combination.
    func run(make: (Int, UInt64, URL) throws -> SamplingRun, seed: UInt64) throws {
        let runs = try world.agreeing { () -> [SamplingRun] in
            guard count >= world.size else {
                throw ValidationError("--ensembles \(count) gives rank \(count) and above nothing to do; give at least one ensemble per rank (\(world.size))")
            }
            return try mine.map { k in try make(k, Xoshiro256StarStar.ensembleSeed(seed: seed, ensemble: k), file(k)) }
        }
        var outcomes: [Int: SamplingRun.Outcome] = [:]
        Interruption.install(file: runs[0].file, step: runs[0].steps, lockStep: false)
        for (k, run) in zip(mine, runs) {
            ProgressLine.prefix = "ensemble \(k) of \(count): "
            run.onCheckpoint = { [file = run.file] step in Interruption.checkpointed(step: step, file: file, lockStep: false) }
            Interruption.checkpointed(step: run.steps, file: run.file, lockStep: false)
            let outcome = try run.run(interrupted: { Interruption.requested }, progress: world.reports ? ProgressLine.show : { _ in })
            if ProgressLine.isTerminal, world.reports { FileHandle.standardError.write(Data("\n".utf8)) }
            outcomes[k] = outcome
            let tau = outcome.tau.map { String(format: "%.1f", $0) }.joined(separator: ", ")
            if outcome.interrupted {
                FileHandle.standardError.write(Data("interrupted ensemble \(k) at step \(outcome.steps), saved; continue with darkz resume \(outcome.file.relativePath)\n".utf8))
                throw ExitCode(130)
            }
            guard world.reports else { continue }
            print("ensemble \(k) (seed \(Xoshiro256StarStar.ensembleSeed(seed: seed, ensemble: k)), rank \(world.rank)): "
                  + "\(outcome.converged ? "converged" : "not converged") after \(outcome.steps) steps in "
                  + String(format: "%.1f", outcome.seconds) + " s; tau = [\(tau)]; chain: \(outcome.file.relativePath)")
        }
        ProgressLine.prefix = ""
        world.synchronize()
        guard world.reports else { return }
        try report()
    }

    /// The combination of all ensembles' files, printed and written to `summaryFile`.
    func report() throws {
        let files = try (0..<count).map { try ChainFile(contentsOf: file($0)) }
        let combined = try CombinedChains(files: files)
        for note in combined.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let diagnostics = DiagnoseReport(combined: combined)
        print("")
        print("\(count) ensembles combined (\(combined.walkers) walkers, \(combined.keptSteps) kept steps each):")
        for (k, m) in combined.members.enumerated() {
            let tau = m.tau.map { String(format: "%.1f", $0) }.joined(separator: ", ")
            print("  ensemble \(k): \(m.steps) steps, seed \(m.seed.map(String.init) ?? "?"), tau = [\(tau)], \(m.path)")
        }
        print(diagnostics.text)
        var evidence: EvidenceCommand.Combined?
        if files.allSatisfy({ $0.tempering != nil }) {
            let reports = try files.map { try EvidenceReport(file: $0) }
            let joined = CombinedEvidence(reports)
            evidence = EvidenceCommand.Combined(files: reports, combined: joined)
            print(joined.text)
        }
        let summary = Summary(ensembles: count, ranks: world.size, files: (0..<count).map { file($0).relativePath },
                              diagnose: diagnostics, evidence: evidence)
        try DarkzJSON.encode(summary).write(to: summaryFile, options: .atomic)
        print("wrote \(summaryFile.relativePath)")
        if !combined.verdict.isConverged { throw ExitCode(3) }
    }

    struct Summary: Encodable {
        let ensembles: Int
        let ranks: Int
        let files: [String]
        let diagnose: DiagnoseReport
        let evidence: EvidenceCommand.Combined?
    }
}
