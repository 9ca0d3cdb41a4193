@preconcurrency import CGSL
import Foundation

/// How a measurement or limit enters the likelihood, and when a prediction counts as excluded.
public enum ConstraintForm: Sendable {
    /// A measurement value ± sigma_up/sigma_down (equal for a symmetric Gaussian); the error on the
    /// side of the prediction is used. Excluded when |pull| exceeds the two-sided z of the CL.
    case gaussian(value: Double, sigmaUp: Double, sigmaDown: Double)
    /// An upper limit on the prediction at confidence level `cl`, as a half-Gaussian centred at 0 with
    /// sigma = limit / z, z the one-sided quantile of `cl` (90%: 1.2816): chi^2 = (prediction/sigma)^2
    /// for positive predictions. Excluded above the limit.
    case upperLimit(Double)
    /// An upper limit that depends on M_ZD (GeV), tabulated; treated as `upperLimit` at each mass,
    /// and not applicable outside the table's mass range.
    case limitCurve(TabulatedFunction)
    /// A Gaussian measurement read by the physics that predicts it (the constraint judges itself).
    case external(file: String)

    /// chi^2 contribution, pull and exclusion of `prediction` (plus an extra theory error added in
    /// quadrature, for Gaussians) at mass `mass`, or nil when the form does not apply there.
    public func judge(_ prediction: Double, theoryError: Double = 0, mass: Double, cl: Double)
        -> (chi2: Double, pull: Double, excluded: Bool, bound: Double)? {
        switch self {
        case let .gaussian(value, up, down):
            let side = prediction >= value ? up : down
            let sigma = (side * side + theoryError * theoryError).squareRoot()
            let pull = (prediction - value) / sigma
            return (pull * pull, pull, abs(pull) > Self.twoSidedZ(cl), value)
        case let .upperLimit(limit):
            return Self.judgeLimit(prediction, limit: limit, cl: cl)
        case let .limitCurve(curve):
            guard mass >= curve.x.first!, mass <= curve.x.last! else { return nil }
            return Self.judgeLimit(prediction, limit: curve(mass), cl: cl)
        case .external:
            return nil
        }
    }

    /// chi^2 alone, as `judge` computes it (nil where the form does not apply), with the one-sided z of
    /// the CL given: the likelihood's path, without the exclusion verdict.
    @inlinable
    public func chiSquare(_ prediction: Double, theoryError: Double = 0, mass: Double, oneSidedZ z: Double) -> Double? {
        switch self {
        case let .gaussian(value, up, down):
            let side = prediction >= value ? up : down
            let pull = (prediction - value) / (side * side + theoryError * theoryError).squareRoot()
            return pull * pull
        case let .upperLimit(limit):
            return Self.limitChiSquare(prediction, limit: limit, oneSidedZ: z)
        case let .limitCurve(curve):
            guard mass >= curve.x.first!, mass <= curve.x.last! else { return nil }
            return Self.limitChiSquare(prediction, limit: curve(mass), oneSidedZ: z)
        case .external:
            return nil
        }
    }

    /// The chi^2 of `judgeLimit`: (max(prediction, 0) z / limit)^2.
    @inlinable
    public static func limitChiSquare(_ prediction: Double, limit: Double, oneSidedZ z: Double) -> Double {
        let pull = max(prediction, 0) / (limit / z)
        return pull * pull
    }

    static func judgeLimit(_ prediction: Double, limit: Double, cl: Double) -> (chi2: Double, pull: Double, excluded: Bool, bound: Double) {
        let sigma = limit / oneSidedZ(cl)
        let pull = max(prediction, 0) / sigma
        return (pull * pull, pull, prediction > limit, limit)
    }

    /// z with P(|Z| < z) = cl (0.9545 -> 2, 0.9973 -> 3).
    public static func twoSidedZ(_ cl: Double) -> Double { gsl_cdf_ugaussian_Pinv(0.5 * (1 + cl)) }
    /// z with P(Z < z) = cl (0.90 -> 1.2816).
    public static func oneSidedZ(_ cl: Double) -> Double { gsl_cdf_ugaussian_Pinv(cl) }
}
