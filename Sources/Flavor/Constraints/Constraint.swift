/// One constraint of paper sections 4 and 6: what it predicts at a parameter point and how the
/// prediction is judged against its row of data/constraints.csv. Each family of constraints is one
/// type in its own file, listed once in `ConstraintRegistry.families`.
public protocol Constraint: Sendable {
    /// The name of its row in data/constraints.csv, also used by `--constraints` and in JSON.
    var name: String { get }
    /// One line for `darkz constraints`: the observable and the paper's equations.
    var summary: String { get }
    /// The predicted quantity in the units of the row's bound, or nil where the constraint does not
    /// apply: the direct computation (adaptive quadrature where the physics integrates), which
    /// `darkz constraints`, scans and regions report.
    func prediction(at point: DarkBosonPoint) -> ConstraintPrediction?
    /// The same for the likelihood's hot path: where `prediction` integrates, tables in M_ZD built once in
    /// `family(model:onShell:)` times the exact coupling dependence, equal to it within the interpolation
    /// error that `ConstraintAccuracySweep` measures; closed forms are the same function. No allocation.
    func fastPrediction(at point: DarkBosonPoint) -> ConstraintPrediction?
    /// The masses (GeV) where the fast prediction changes form (table edges and segment boundaries,
    /// kinematic thresholds), for the accuracy sweep.
    var specialMasses: [Double] { get }
    /// Judges a finite prediction at mass `mass` (GeV) against the row; the default applies the row's
    /// `ConstraintForm`.
    func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult
    /// The chi^2 of `judge` alone, for the likelihood (no result, names or verdict built); 0 where the
    /// constraint does not apply. The default applies the row's `ConstraintForm`.
    func chiSquare(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> Double
    /// The likelihood's chi^2 at a point: `fastPrediction` judged by `chiSquare`, 0 where it does not apply
    /// or is not finite (a constraint may share work between the two steps).
    func likelihoodChiSquare(at point: DarkBosonPoint, entry: ConstraintData.Entry) -> Double
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
    public func fastPrediction(at point: DarkBosonPoint) -> ConstraintPrediction? { prediction(at: point) }
    public var specialMasses: [Double] { [] }

    public func chiSquare(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> Double {
        entry.form.chiSquare(prediction.value, theoryError: prediction.theoryError, mass: mass, oneSidedZ: entry.oneSidedZ) ?? 0
    }

    public func likelihoodChiSquare(at point: DarkBosonPoint, entry: ConstraintData.Entry) -> Double {
        guard let prediction = fastPrediction(at: point), prediction.value.isFinite else { return 0 }
        return chiSquare(prediction, mass: point.parameters.mZD, entry: entry)
    }

    public func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult {
        guard let judged = entry.form.judge(prediction.value, theoryError: prediction.theoryError, mass: mass, cl: entry.cl) else {
            return .notApplicable(name, kind: entry.kind, cl: entry.cl)
        }
        return ConstraintResult(name: name, applies: true, prediction: prediction.value, bound: judged.bound,
                                kind: entry.kind, chi2: judged.chi2, pull: judged.pull, excluded: judged.excluded, cl: entry.cl)
    }
}
