import ArgumentParser
import ChainStorage
import Foundation
import Inference

/// `darkz evidence FILE...`: ln Z of a tempered run and its Bayes factor against the SM; for
/// several runs of the same priors each file's and the combined estimate (``CombinedEvidence``).
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Evidence ln Z of tempered chain files (stepping stone and thermodynamic integration) and ln B against the SM.",
        discussion: "The likelihood is exp(-chi^2/2) over the run's rows and constraints, Gaussian normalisation constants dropped; the SM evidence is exp(-chi^2_SM/2) for the same rows and constraints. Uses the steps after the burn-in and after the temperature ladder stopped adapting. Several files of the same priors (independent runs): each file's ln Z, and their mean with the standard error from their scatter, tested against the stated per-file errors.")

    @Argument(help: "Chain files written by darkz sample --temperatures K (K >= 2); several of the same priors are combined.")
    var files: [String]

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop (default: twice the largest tau of the beta = 1 chain).")
    var discard: Int?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one chain file") }
    }

    struct Combined: Encodable {
        let files: [EvidenceReport]
        let combined: CombinedEvidence
    }

    func run() throws {
        let chainFiles = try files.map { try ChainFile(contentsOf: URL(fileURLWithPath: $0)) }
        try CombinedChains.checkSamePriors(chainFiles)
        let reports = try chainFiles.map { try EvidenceReport(file: $0, discard: BurnIn.steps(requested: discard, file: $0)) }
        guard reports.count > 1 else {
            if json { try printJSON(reports[0]) } else { print(reports[0].text) }
            return
        }
        let combined = CombinedEvidence(reports)
        if json { try printJSON(Combined(files: reports, combined: combined)); return }
        print((reports.map(\.text) + [combined.text]).joined(separator: "\n"))
    }
}

/// `darkz compare FILE...`: evidences side by side, Bayes factors against the SM and between files.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare tempered runs by evidence: ln Z per file, ln B against the SM and between the files, with the Jeffreys scale.",
        discussion: "Bayes factors between two files are given only when both use the same data and constraints (the same chi^2 at the SM point); otherwise they are null and a note says why.")

    @Argument(help: "Chain files written by darkz sample --temperatures K.")
    var files: [String]

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one chain file") }
    }

    struct Pair: Encodable {
        let first: String
        let second: String
        let log_bayes_factor: NullableNumber
        let error: NullableNumber
        let jeffreys: String
    }

    struct Report: Encodable {
        let files: [EvidenceReport]
        let pairs: [Pair]
        let jeffreys_scale = "Trotta 2008: |ln B| < 1 inconclusive, 1-2.5 weak, 2.5-5 moderate, >= 5 strong"
    }

    func run() throws {
        let reports = try files.map { try EvidenceReport(file: ChainFile(contentsOf: URL(fileURLWithPath: $0))) }
        var pairs: [Pair] = []
        for i in reports.indices {
            for j in reports.indices where j > i {
                let a = reports[i], b = reports[j]
                let sameData = abs(a.chi2_sm - b.chi2_sm) <= 1e-9 * max(1, abs(a.chi2_sm))
                let lnB = a.log_evidence - b.log_evidence
                let error = (a.log_evidence_error * a.log_evidence_error + b.log_evidence_error * b.log_evidence_error).squareRoot()
                pairs.append(Pair(first: a.file, second: b.file, log_bayes_factor: NullableNumber(value: sameData ? lnB : nil),
                                  error: NullableNumber(value: sameData ? error : nil),
                                  jeffreys: sameData ? JeffreysScale.words(lnB, a.file, over: b.file)
                                      : String(format: "not comparable: different data or constraints (chi2_SM %.3f vs %.3f)", a.chi2_sm, b.chi2_sm)))
            }
        }
        if json { try printJSON(Report(files: reports, pairs: pairs)); return }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        let width = max(reports.map(\.file.count).max() ?? 4, 4) + 2
        print(pad("file", width) + pad("prior volume", 14) + pad("ln Z", 18) + pad("ln Z_SM", 11) + pad("ln B vs SM", 18)
              + "Jeffreys scale (Trotta 2008)")
        for r in reports {
            print(pad(r.file, width) + pad(String(format: "%.4g", r.prior_volume), 14)
                  + pad(String(format: "%.3f ± %.3f", r.log_evidence, r.log_evidence_error), 18)
                  + pad(String(format: "%.3f", r.log_evidence_sm), 11)
                  + pad(String(format: "%.3f ± %.3f", r.log_bayes_factor_vs_sm, r.log_evidence_error), 18) + r.jeffreys)
        }
        for p in pairs {
            if let b = p.log_bayes_factor.value, let e = p.error.value {
                print(String(format: "ln B(%@ vs %@) = %.3f ± %.3f: %@", p.first, p.second, b, e, p.jeffreys))
            } else {
                print("\(p.first) vs \(p.second): \(p.jeffreys)")
            }
        }
        for r in reports { if let w = r.warning { print("warning: \(r.file): \(w)") } }
        print("ln Z: stepping stone; likelihood exp(-chi^2/2), Gaussian normalisation constants dropped; prior normalised on its box (volume in the sampled variables); Z_SM = exp(-chi^2_SM/2) for the same rows and constraints")
    }
}
