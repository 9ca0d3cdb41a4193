import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// `darkz corner FILE`: corner-plot data (CSV, JSON), a getdist chain and an SVG corner plot.
struct CornerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corner",
        abstract: "Write corner-plot data (CSV, JSON), a getdist chain (one .txt per walker, .paramnames, .ranges) and an SVG corner plot.")

    @Argument(help: "A chain file written by darkz sample.")
    var file: String

    @Option(name: .customLong("out"), help: "Output folder (default: the chain file's name without .h5, plus -corner).")
    var out: String?

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop (default: twice the largest tau).")
    var discard: Int?

    func run() throws {
        let chainFile = try ChainFile(contentsOf: URL(fileURLWithPath: file))
        let stored = try SamplingRun.StoredRun(chainFile)
        let burn = discard ?? defaultBurnIn(chainFile)
        let samples = chainFile.chain.slice(discard: burn).flattened()
        let logProbs = chainFile.logProbabilities.slice(discard: burn).values
        let best = samples[logProbs.indices.max { logProbs[$0] < logProbs[$1] }!]
        let free = stored.priors.free
        let style = free.map(ParameterStyle.init)
        let data = CornerData(samples: samples, names: free.map(\.sampledName), labels: style.map(\.svgLabel),
                              logarithmic: style.map(\.logarithmic), best: best)
        let base = (file as NSString).deletingPathExtension
        let folder = URL(fileURLWithPath: out ?? base + "-corner")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = stored.priors.name
        func write(_ text: String, _ file: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(file), options: .atomic)
        }
        try write(CornerPlotSVG(data: data, displayScale: style.map(\.displayScale)).svg, "corner.svg")
        try write(data.histogramCSV, "histograms.csv")
        try write(data.pairCSV, "pairs.csv")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(data).write(to: folder.appendingPathComponent("corner.json"), options: .atomic)
        let getdist = GetdistExport(file: chainFile, priors: stored.priors, discard: burn)
        try getdist.write(to: folder)
        print("wrote \(folder.path)/corner.svg, corner.json, histograms.csv, pairs.csv, getdist \(name)_1..\(getdist.walkers.count).txt (\(getdist.rowCount) rows, repeats merged), \(name).paramnames, .ranges, .properties.ini (\(samples.count) samples, \(burn) steps discarded)")
    }
}

/// How a parameter is labelled and scaled on a plot.
struct ParameterStyle {
    let svgLabel: String
    let latexLabel: String
    let logarithmic: Bool
    let displayScale: Double

    init(_ p: ParameterPrior) {
        if case .logUniform = p.distribution { logarithmic = true } else { logarithmic = false }
        let sub = { (s: String) in "<tspan baseline-shift=\"sub\" font-size=\"10\">\(s)</tspan>" }
        switch p.name {
        case "mZD":
            svgLabel = "M" + sub("ZD") + " [MeV]"
            latexLabel = logarithmic ? "\\log_{10}(M_{Z_D}/\\mathrm{GeV})" : "M_{Z_D}\\;[\\mathrm{GeV}]"
            displayScale = 1e3
        case "epsilon":
            svgLabel = "ε"; latexLabel = logarithmic ? "\\log_{10}\\varepsilon" : "\\varepsilon"; displayScale = 1
        case "epsilonZ":
            svgLabel = "ε" + sub("Z"); latexLabel = logarithmic ? "\\log_{10}\\varepsilon_Z" : "\\varepsilon_Z"; displayScale = 1
        case "gMu":
            svgLabel = "g" + sub("μ"); latexLabel = logarithmic ? "\\log_{10} g_\\mu" : "g_\\mu"; displayScale = 1
        default:
            svgLabel = "invisible fraction"; latexLabel = "f_\\mathrm{inv}"; displayScale = 1
        }
    }
}
