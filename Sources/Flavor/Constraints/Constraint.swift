/// One constraint of paper sections 4 and 6: what it predicts at a parameter point and how the
/// prediction is judged against its row of data/constraints.csv. Each family of constraints is one
/// type in its own file, listed once in `ConstraintRegistry.families`.
public protocol Constraint: Sendable {
    /// The name of its row in data/constraints.csv, also used by `--constraints` and in JSON.
    var name: String { get }
    /// One line for `darkz constraints`: the observable and the paper's equations.
    var summary: String { get }
    /// The predicted quantity in the units of the row's bound, or nil where the constraint does not
    /// apply. Called on the likelihood's hot path: what does not depend on the point is built once in
    /// `family(model:onShell:)`.
    func prediction(at point: DarkBosonPoint) -> ConstraintPrediction?
    /// Judges a finite prediction at mass `mass` (GeV) against the row; the default applies the row's
    /// `ConstraintForm`.
    func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult
    /// Every constraint of the family, built once from the model (what does not depend on the
    /// parameters is precomputed here).
    static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [Self]
}

/// A constraint's prediction with a theory error that Gaussian forms add in quadrature.
public struct ConstraintPrediction: Sendable, Equatable {
    public var value: Double
    public var theoryError: Double

    public init(_ value: Double, theoryError: Double = 0) {
        self.value = value
        self.theoryError = theoryError
    }
}

extension Constraint {
    public func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult {
        guard let judged = entry.form.judge(prediction.value, theoryError: prediction.theoryError, mass: mass, cl: entry.cl) else {
            return .notApplicable(name, kind: entry.kind, cl: entry.cl)
        }
        return ConstraintResult(name: name, applies: true, prediction: prediction.value, bound: judged.bound,
                                kind: entry.kind, chi2: judged.chi2, pull: judged.pull, excluded: judged.excluded, cl: entry.cl)
    }
}
