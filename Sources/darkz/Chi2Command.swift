import ArgumentParser
import Foundation
import Inference

/// `darkz chi2`: the Standard-Model chi^2 of the binned b -> s l l data (paper eq. 5.1); the chi^2 of a
/// Z_D point is `darkz predict`'s.
struct Chi2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chi2",
        abstract: "The Standard-Model chi^2 of the binned b -> s l+ l- data (paper table 1, eq. 5.1).",
        discussion: "The predictions are the table's SM expectations. For the chi^2 at a Z_D point use darkz predict (--case, --mzd, couplings).")

    @Flag(name: .customLong("sm"), help: "The Standard-Model chi^2 (the default; accepted for scripts that give it).")
    var standardModel = false

    @Flag(name: .customLong("muon-only"), help: "List only the muon observables.")
    var muonOnly = false

    @Option(name: .customLong("errors"),
            help: "Asymmetric errors: mean (symmetrise each component) or side (the side of the prediction).")
    var errors: ErrorConvention = .mean

    @Option(name: .customLong("data"), help: "The measurement table (default: data/bsll_table1.csv).")
    var dataFile: String?

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let path = try dataFile ?? DataDirectory.path(of: DataDirectory.binnedTableFile)
        let table = try MeasurementTable(contentsOf: path)
        let report = try StandardModelChiSquareReport(table: table, convention: errors, muonOnly: muonOnly)
        if json { try printJSON(WithMeta(report, .chi2())) } else { print(ChiSquareTableText(report: report).text) }
    }
}

extension ErrorConvention: ExpressibleByArgument {}
