import ArgumentParser
import ChainStorage
import Ensemble
import Foundation

/// `darkz diagnose FILE`: convergence diagnostics of a chain file. Exit 0 when converged, 3 when not.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Convergence diagnostics of a chain file: tau, N/tau, R-hat, bulk and tail ESS, MCSE, acceptance.",
        discussion: "Exit code 0 when converged (N >= 50 tau for every parameter and R-hat <= 1.01), 3 when not.")

    @Argument(help: "A chain file (darkz sample or emcee's HDFBackend).")
    var file: String

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop for R-hat, ESS and MCSE (default: twice the largest tau).")
    var discard: Int?

    @Option(name: .customLong("rhat-max"), help: "Largest R-hat counted as converged.")
    var rhatMax = 1.01

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func run() throws {
        let chainFile = try ChainFile(contentsOf: URL(fileURLWithPath: file))
        let chain = chainFile.chain
        guard chain.nSteps >= 4 else { throw ValidationError("\(file) holds \(chain.nSteps) steps; diagnostics need at least 4") }
        let tau = IntegratedAutocorrelationTime(chain)
        let burn = discard ?? defaultBurnIn(chain)
        let kept = chain.slice(discard: burn)
        let rank = RankDiagnostics(kept)
        let acceptance = AcceptanceSummary(fractions: chainFile.acceptanceFraction)
        let names = chainFile.metadata.parameterNames.count == chain.nDim
            ? chainFile.metadata.parameterNames : (0..<chain.nDim).map { "x\($0)" }
        let parameters = (0..<chain.nDim).map { k in
            DiagnoseReport.Parameter(name: names[k], tau: tau.tau[k], n_over_tau: Double(chain.nSteps) / tau.tau[k],
                                     rhat: rank.rHat[k], ess_bulk: rank.essBulk[k], ess_tail: rank.essTail[k],
                                     mcse_mean: rank.mcseMean[k])
        }
        let converged = !tau.anyTooShort && rank.rHat.allSatisfy { $0 <= rhatMax }
        let report = DiagnoseReport(file: file, steps: chain.nSteps, walkers: chain.nWalkers, discard: burn,
                                    parameters: parameters,
                                    acceptance: .init(min: acceptance.minimum, median: acceptance.median, max: acceptance.maximum,
                                                      stuck_walkers: acceptance.stuckWalkers),
                                    converged: converged)
        if json { try printJSON(report) } else { print(report.text) }
        if !converged { throw ExitCode(3) }
    }
}

struct DiagnoseReport: Encodable {
    struct Parameter: Encodable {
        let name: String
        let tau, n_over_tau, rhat, ess_bulk, ess_tail, mcse_mean: Double
    }

    struct Acceptance: Encodable {
        let min, median, max: Double
        let stuck_walkers: [Int]
    }

    let file: String
    let steps: Int
    let walkers: Int
    let discard: Int
    let parameters: [Parameter]
    let acceptance: Acceptance
    let converged: Bool

    var text: String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        var lines = ["\(file): \(steps) steps x \(walkers) walkers; R-hat, ESS and MCSE after discarding \(discard) steps", ""]
        lines.append(pad("parameter", 18) + pad("tau", 9) + pad("N/tau", 9) + pad("R-hat", 9) + pad("ESS bulk", 10) + pad("ESS tail", 10) + "MCSE(mean)")
        for p in parameters {
            lines.append(pad(p.name, 18) + pad(String(format: "%.1f", p.tau), 9) + pad(String(format: "%.0f", p.n_over_tau), 9)
                         + pad(String(format: "%.4f", p.rhat), 9) + pad(String(format: "%.0f", p.ess_bulk), 10)
                         + pad(String(format: "%.0f", p.ess_tail), 10) + String(format: "%.3g", p.mcse_mean))
        }
        lines.append("")
        lines.append(String(format: "acceptance: min %.3f  median %.3f  max %.3f", acceptance.min, acceptance.median, acceptance.max)
                     + (acceptance.stuck_walkers.isEmpty ? "" : "  stuck walkers: \(acceptance.stuck_walkers)"))
        lines.append(converged ? "verdict: converged (N >= 50 tau, R-hat <= 1.01)" : "verdict: NOT converged")
        return lines.joined(separator: "\n")
    }
}
