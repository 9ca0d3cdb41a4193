import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// `darkz corner FILE`: corner-plot data (CSV, JSON), a getdist chain and an SVG corner plot.
struct CornerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corner",
        abstract: "Write corner-plot data (CSV, JSON), a getdist chain (one .txt per walker, .paramnames, .ranges) and a corner plot (SVG, and PNG with rsvg-convert).")

    @Argument(help: "A chain file written by darkz sample.")
    var file: String

    @Option(name: .customLong("out"), help: "Output folder (default: the chain file's name without .h5, plus -corner).")
    var out: String?

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop (default: twice the largest tau).")
    var discard: Int?

    @Option(name: .customLong("smoothing"), help: "Factor on the plot's kernel-density bandwidths (Scott's rule with n_eff = samples / tau); below 1 shows sharper features, with more noise.")
    var smoothing: Double = 1

    func validate() throws {
        guard smoothing > 0, smoothing.isFinite else { throw ValidationError("--smoothing must be a positive number") }
    }

    func run() throws {
        let chainFile = try ChainFile(contentsOf: URL(fileURLWithPath: file))
        // nil for a plain emcee file: names from the file (or x0, x1, ...), no prior bounds, as corner.py.
        let stored = try chainFile.metadata.priorsText.map { _ in try SamplingRun.StoredRun(chainFile) }
        let chain = try ChainSamples(chainFile, discard: discard)
        let burn = chain.burn, samples = chain.samples, best = chain.best
        let free = stored?.priors.free
        let names = free?.map(\.sampledName) ?? chainFile.parameterNamesOrIndices
        let style = free?.map(ParameterStyle.init)
        let data = CornerData(samples: samples, names: names, labels: style?.map(\.svgLabel) ?? names,
                              logarithmic: style?.map(\.logarithmic) ?? names.map { _ in false }, best: best)
        let plotted = free?.map(PlotParameter.init(prior:))
            ?? names.map { PlotParameter(name: $0, symbol: PlotText($0), unit: nil, logarithmic: false) }
        let base = (file as NSString).deletingPathExtension
        let folder = URL(fileURLWithPath: out ?? base + "-corner")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = stored?.priors.name ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        func write(_ text: String, _ file: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(file), options: .atomic)
        }
        let densities = CornerDensities(samples: samples, parameters: plotted,
                                        effectiveSize: chain.effectiveSize, bandwidthScale: smoothing)
        try write(CornerPlotSVG(densities: densities, best: best).svg, "corner.svg")
        let png = PNGConversion.convert(svg: folder.appendingPathComponent("corner.svg"), png: folder.appendingPathComponent("corner.png"))
        try write(data.histogramCSV, "histograms.csv")
        try write(data.pairCSV, "pairs.csv")
        try DarkzJSON.encode(data).write(to: folder.appendingPathComponent("corner.json"), options: .atomic)
        let getdist = stored.map { GetdistExport(file: chainFile, priors: $0.priors, discard: burn) }
            ?? GetdistExport(root: name, parameters: names.map { GetdistExport.Parameter(plainName: $0) }, chain: chainFile.chain,
                             logProbabilities: chainFile.logProbabilities, discard: burn)
        try getdist.write(to: folder)
        print("wrote \(folder.path)/corner.svg, corner.json, histograms.csv, pairs.csv, getdist \(name)_1..\(getdist.walkers.count).txt (\(getdist.rowCount) rows, repeats merged), \(name).paramnames, .ranges, .properties.ini (\(samples.count) samples, \(burn) steps discarded)")
        if stored == nil {
            print("note: \(file) holds no darkz priors (an emcee file?): parameter names from the file or x0, x1, ...; no prior bounds (getdist ranges N)")
        }
        switch png {
        case .written(let url): print("wrote \(url.path)")
        case .skipped(let note): print("note: \(note)")
        }
    }
}

/// How a parameter is labelled in corner.json (SVG markup) and whether it is sampled in log10; the
/// plot itself uses `PlotParameter`, the getdist export `ParameterPrior.latexLabel`.
struct ParameterStyle {
    let svgLabel: String
    let logarithmic: Bool

    init(_ p: ParameterPrior) {
        if case .logUniform = p.distribution { logarithmic = true } else { logarithmic = false }
        let sub = { (s: String) in "<tspan baseline-shift=\"sub\" font-size=\"10\">\(s)</tspan>" }
        switch p.name {
        case "mZD":
            svgLabel = "M" + sub("ZD") + " [MeV]"
        case "epsilon": svgLabel = "ε"
        case "epsilonZ": svgLabel = "ε" + sub("Z")
        case "gMu": svgLabel = "g" + sub("μ")
        default: svgLabel = "invisible fraction"
        }
    }
}
