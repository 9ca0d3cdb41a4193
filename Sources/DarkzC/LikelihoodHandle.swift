import Foundation
import Inference

/// What a C handle holds: the posterior of one priors file, built as `darkz sample` builds it, and
/// the constraint set `darkz constraints` judges a point with; names as C strings, owned here.
final class LikelihoodHandle {
    let priors: PriorsFile
    let density: PosteriorDensity
    /// The model and constraint set of `darkz constraints` (built as that command builds them).
    let darkBoson: DarkBosonModel
    let constraintSet: ConstraintSet
    /// Indices into `constraintSet` of the constraints `darkz_constraints` reports.
    let reportedConstraints: [Int]
    let parameterNames: CStrings
    let predictionNames: CStrings
    let constraintNames: CStrings
    /// The priors file's text and its source path.
    let priorsText: CStrings

    /// - Parameters:
    ///   - priorsPath: a priors file (as --priors), or nil for the shipped file of `caseName` (as --case).
    ///   - constraints: the likelihood's constraints as `darkz sample --constraints` takes them (nil: the
    ///     priors file's list); the same list is the one `darkz_constraints` reports, or "all" when empty.
    init(priorsPath: String?, caseName: String?, constraints: String?) throws {
        let priors: PriorsFile
        if let priorsPath {
            priors = try PriorsFile(contentsOf: priorsPath)
        } else if let caseName {
            priors = try PriorsFile.shipped("case" + caseName)
        } else {
            throw DataFileError(file: "darkz_likelihood_create", message: "give a priors file or a case (A, A-invisible, B, C)")
        }
        let predictor = try BinnedPredictor.standard(tableFile: priors.dataFilePath())
        let darkBoson = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: darkBoson, onShell: OnShellProduction.standard())
        let override = try constraints.map { try set.select($0) }
        let likelihood = try priors.likelihood(predictor: predictor, constraintOverride: override)
        self.priors = priors
        density = PosteriorDensity(priors: priors, likelihood: likelihood, blobs: BlobSelection.none)
        let reported = set.indices(of: likelihood.constraintNames.isEmpty ? set.defaultNames : likelihood.constraintNames)
        self.darkBoson = darkBoson
        constraintSet = set
        reportedConstraints = reported
        parameterNames = CStrings(priors.free.map(\.sampledName))
        predictionNames = CStrings(predictor.table.measurements.map { "\($0.name) \($0.q2Min)-\($0.q2Max)" })
        constraintNames = CStrings(reported.map { set.constraints[$0].name })
        priorsText = CStrings([priors.text, priors.source])
    }

    var dimension: Int { density.dimension }
    var predictionCount: Int { density.likelihood.predictor.rows.count }
}

/// C strings allocated once (strdup) and freed with their owner.
final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>]

    init(_ strings: [String]) { pointers = strings.map { strdup($0)! } }
    deinit { pointers.forEach { free($0) } }

    var count: Int { pointers.count }
    subscript(i: Int) -> UnsafePointer<CChar>? { pointers.indices.contains(i) ? UnsafePointer(pointers[i]) : nil }
}
