import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// `darkz corner FILE`: corner-plot data (CSV, JSON), a getdist chain and an SVG corner plot.
struct CornerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corner",
        abstract: "Write corner-plot data (CSV, JSON), a getdist chain (.txt + .paramnames) and a corner plot (SVG, and PNG with rsvg-convert).")

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
        let tau = IntegratedAutocorrelationTime(chainFile.chain.slice(discard: burn)).tau.filter(\.isFinite).max() ?? 1
        let densities = CornerDensities(samples: samples, parameters: free.map(PlotParameter.init(prior:)),
                                        effectiveSize: Double(samples.count) / max(tau, 1), bandwidthScale: smoothing)
        try write(CornerPlotSVG(densities: densities, best: best).svg, "corner.svg")
        let png = PNGConversion.convert(svg: folder.appendingPathComponent("corner.svg"), png: folder.appendingPathComponent("corner.png"))
        try write(data.histogramCSV, "histograms.csv")
        try write(data.pairCSV, "pairs.csv")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(data).write(to: folder.appendingPathComponent("corner.json"), options: .atomic)
        // getdist: weight, -log posterior, parameters; and name/label pairs.
        var rows: [String] = []
        rows.reserveCapacity(samples.count)
        for (x, lp) in zip(samples, logProbs) {
            rows.append((["1", String(-lp)] + x.map { String($0) }).joined(separator: " "))
        }
        try write(rows.joined(separator: "\n") + "\n", name + ".txt")
        try write(zip(free, style).map { "\($0.sampledName.replacingOccurrences(of: "(", with: "_").replacingOccurrences(of: ")", with: "")) \($1.latexLabel)" }
                    .joined(separator: "\n") + "\n", name + ".paramnames")
        print("wrote \(folder.path)/corner.svg, corner.json, histograms.csv, pairs.csv, \(name).txt, \(name).paramnames (\(samples.count) samples, \(burn) steps discarded)")
        switch png {
        case .written(let url): print("wrote \(url.path)")
        case .skipped(let note): print("note: \(note)")
        }
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
