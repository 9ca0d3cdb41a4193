import ArgumentParser
import Flavor
import Foundation
import Inference
import Numerics

/// `darkz predict`: every observable of the binned table at a parameter point (or for constant
/// shifts of C9, C10), with pulls and the chi^2 of eq. 5.1; `--plot DIR` draws data against
/// prediction per observable (PredictionPlotSVG) beside a CSV of the numbers.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict every observable of paper table 1 at a Z_D parameter point or for constant delta C9, delta C10.",
        discussion: """
            Either give a model (--case, --mzd and couplings) or model-independent constant shifts
            (--delta-c9, --delta-c10, applied to the lepton of each row).
            """)

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("delta-c9"), parsing: .unconditional, help: "Constant real shift of C9 (model-independent mode).")
    var deltaC9: Double?

    @Option(name: .customLong("delta-c10"), parsing: .unconditional, help: "Constant real shift of C10 (model-independent mode).")
    var deltaC10: Double?

    @Option(name: .customLong("errors"), help: "Asymmetric errors: mean or side.")
    var errors: ErrorConvention = .mean

    @Option(name: .customLong("data"), help: "The measurement table (default: the priors file's, data/bsll_table1.csv for the shipped cases).")
    var dataFile: String?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    @Option(name: .customLong("plot"), help: ArgumentHelp("Write the data-versus-prediction plot to this folder: predictions.svg, predictions.png with rsvg-convert, and predictions.csv (one panel per observable against q^2: measured, SM, prediction; rows outside the priors file's fit greyed).", valueName: "dir"))
    var plot: String?

    var modelIndependent: Bool { deltaC9 != nil || deltaC10 != nil }

    func validate() throws {
        guard modelIndependent else { return }
        guard model.modelCase == nil, model.priorsFile == nil, model.mass == nil, model.couplings.given.isEmpty else {
            throw ValidationError("give either --delta-c9/--delta-c10 or a model (--case or --priors, --mzd, couplings), not both")
        }
        for value in [deltaC9, deltaC10].compactMap({ $0 }) where !value.isFinite {
            throw ValidationError("--delta-c9 and --delta-c10 must be finite numbers")
        }
    }

    func run() throws {
        let predictor: BinnedPredictor, predictions: [Double]
        var report: PredictionReport
        /// What the plot needs beyond the report: the rows of the fit, the values the file fixed, the fit's name.
        var fit: (leptons: Set<Lepton>, fixed: Set<String>, name: String?) = (Set(Lepton.allCases), [], nil)
        var priorsFile: PriorsFile?
        if modelIndependent {
            predictor = try BinnedPredictor.standard(tableFile: dataFile)
            predictions = predictor.predictions(deltaC9: Complex(deltaC9 ?? 0, 0), deltaC10: Complex(deltaC10 ?? 0, 0))
            report = try PredictionReport(table: predictor.table, predictions: predictions, convention: errors,
                                          parameters: nil, deltaC9: deltaC9, deltaC10: deltaC10)
        } else {
            let (parameters, priors) = try model.resolve()
            priorsFile = priors
            predictor = try BinnedPredictor.standard(tableFile: dataFile ?? priors.dataFilePath())
            predictions = predictor.predictions(parameters)
            let shipped = priors.name == "case" + priors.modelCase.rawValue
            report = try PredictionReport(table: predictor.table, predictions: predictions, convention: errors,
                                          parameters: parameters, deltaC9: nil, deltaC10: nil,
                                          fit: (shipped ? "case " + priors.modelCase.rawValue : priors.name, priors.source, priors.leptons))
            var given = Set(model.couplings.given.keys)
            if model.mass != nil { given.insert("mZD") }
            fit = (priors.leptons, Set(priors.parameters.filter { !$0.distribution.isFree && !given.contains($0.name) }.map(\.name)),
                   shipped ? "case " + priors.modelCase.rawValue : priors.name)
        }
        var notes: [String] = []
        if let plot {
            let comparison = try PredictionComparison(table: predictor.table, report: report, leptons: fit.leptons,
                                                      fixedNames: fit.fixed, fitName: fit.name)
            let written = try PredictionPlots.write(comparison, to: URL(fileURLWithPath: plot))
            report.plots = written.paths
            notes = written.notes
        }
        try printReport(WithMeta(report, .predict(priors: priorsFile)), text: report.text, plots: report.plots ?? [], notes: notes, json: json)
    }
}
