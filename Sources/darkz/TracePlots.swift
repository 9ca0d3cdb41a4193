import ChainStorage
import Foundation
import Inference

/// `diagnose --plot DIR`: the trace plot of a chain file (its beta = 1 chain for a tempered run)
/// with the verdict's burn-in and stuck walkers, as trace.svg and (with rsvg-convert) trace.png.
enum TracePlots {
    /// The files written and notes for the user (a PNG not written).
    static func write(file: ChainFile, verdict: ConvergenceVerdict, to folder: URL) throws -> (paths: [String], notes: [String]) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chain = file.chain
        let free = (try? SamplingRun.StoredRun(file))?.priors.free.map(PlotParameter.init(prior:))
        let parameters = free?.count == chain.nDim ? free!
            : file.parameterNamesOrIndices.map { PlotParameter(name: $0, symbol: PlotText($0), unit: nil, logarithmic: false) }
        let plot = TracePlotSVG(chain: chain, logProbabilities: file.logProbabilities, parameters: parameters,
                                burnIn: verdict.discard, adaptationSteps: file.tempering?.state.ladder.adaptationSteps ?? 0,
                                stuckWalkers: verdict.stuckWalkers)
        let svg = folder.appendingPathComponent("trace.svg")
        try Data(plot.svg.utf8).write(to: svg, options: .atomic)
        switch PNGConversion.convert(svg: svg, png: folder.appendingPathComponent("trace.png")) {
        case .written(let png): return ([svg.path, png.path], [])
        case .skipped(let note): return ([svg.path], [note])
        }
    }
}
