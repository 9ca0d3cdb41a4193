import Flavor

/// A constraint's result as the processes of a grid exchange it (every field, doubles exact).
struct TransferredResult: Codable, Sendable {
    let name: String, kind: String
    let applies: Bool, excluded: Bool
    let prediction: Double, bound: Double, chi2: Double, pull: Double, cl: Double

    init(_ r: ConstraintResult) {
        name = r.name; kind = r.kind; applies = r.applies; excluded = r.excluded
        prediction = r.prediction; bound = r.bound; chi2 = r.chi2; pull = r.pull; cl = r.cl
    }

    var result: ConstraintResult {
        ConstraintResult(name: name, applies: applies, prediction: prediction, bound: bound, kind: kind, chi2: chi2,
                         pull: pull, excluded: excluded, cl: cl)
    }
}
