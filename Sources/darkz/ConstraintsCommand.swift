import ArgumentParser
import Flavor
import Foundation

/// `darkz constraints`: every low-energy and collider bound of paper sections 4 and 6 at a point.
struct ConstraintsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "constraints",
        abstract: "Judge a Z_D parameter point against the constraints of paper sections 4 and 6.")

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("constraints"), help: "Which constraints: all, none, or a comma-separated list of names (default: the list of --priors FILE when it has one, else all).")
    var selection: String?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func run() throws {
        let darkBoson = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: darkBoson, onShell: OnShellProduction.standard())
        let priors = try model.priors()
        let fromFile = model.priorsFile != nil && !priors.constraints.isEmpty && selection == nil
        let names = fromFile ? try priors.constraintNames(in: set) : try set.select(selection ?? "all")
        let parameters = try model.resolve().parameters
        let results = set.evaluate(darkBoson.point(parameters), names: names)
        let report = ConstraintsReport(parameters: parameters, constraints: results,
                                       chi2_total: results.reduce(0) { $0 + $1.chi2 },
                                       summaries: Dictionary(uniqueKeysWithValues: set.constraints.map { ($0.name, $0.summary) }))
        if json { try printJSON(WithMeta(report, .constraints(set: set, priors: priors))) } else { print(report.text) }
    }
}

/// What `darkz constraints` prints.
struct ConstraintsReport: Encodable {
    let parameters: DarkBosonParameters
    let constraints: [ConstraintResult]
    let chi2_total: Double
    let summaries: [String: String]

    enum CodingKeys: String, CodingKey { case parameters, constraints, chi2_total }

    var text: String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        var lines = [pad("constraint", 20) + pad("applies", 8) + pad("prediction", 13) + pad("bound", 20) + pad("chi2", 10) + "excluded"]
        for c in constraints {
            let bound = c.applies ? (c.kind == "upper limit" ? String(format: "< %.3g (%.0f%%)", c.bound, c.cl * 100)
                                                               : String(format: "%.3g", c.bound)) : "-"
            lines.append(pad(c.name, 20) + pad(c.applies ? "yes" : "no", 8)
                         + pad(c.applies ? String(format: "%.3e", c.prediction) : "-", 13) + pad(bound, 20)
                         + pad(String(format: "%.3g", c.chi2), 10)
                         + (c.excluded ? String(format: "EXCLUDED at %.4g%% CL", c.cl * 100) : "no"))
        }
        lines.append("")
        lines.append(String(format: "chi2 of the constraints: %.4g", chi2_total))
        lines.append("")
        for c in constraints { lines.append("  \(c.name): \(summaries[c.name] ?? "")") }
        return lines.joined(separator: "\n")
    }
}
