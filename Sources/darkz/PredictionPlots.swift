import Foundation
import Inference

/// `predict --plot DIR`: the data-versus-prediction plot of a report as predictions.svg, (with
/// rsvg-convert) predictions.png, and its numbers as predictions.csv.
enum PredictionPlots {
    /// The files written and notes for the user (a PNG not written).
    static func write(_ comparison: PredictionComparison, to folder: URL) throws -> (paths: [String], notes: [String]) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let svg = folder.appendingPathComponent("predictions.svg"), csv = folder.appendingPathComponent("predictions.csv")
        try Data(PredictionPlotSVG(comparison: comparison).svg.utf8).write(to: svg, options: .atomic)
        try Data(comparison.csv.utf8).write(to: csv, options: .atomic)
        switch PNGConversion.convert(svg: svg, png: folder.appendingPathComponent("predictions.png")) {
        case .written(let png): return ([svg.path, png.path, csv.path], [])
        case .skipped(let note): return ([svg.path, csv.path], [note])
        }
    }
}
