import Foundation

/// Up to four functions of the Z_D mass M (GeV) tabulated once as `ChebyshevTable`s, for constraints
/// whose rate is a sum of coupling factors times functions of M alone:
/// - in t = ln M from `lower` to `upper`, or to `threshold / 2` when the functions end at a threshold;
/// - above threshold / 2 in s = sqrt(1 - M/threshold), s from 0 (the threshold, a table node) to
///   sqrt(1/2). A rate that opens as (1 - M/threshold)^(n/2) times a function analytic in M is
///   analytic in s, so the caller divides out the leading power and the series converge in s where a
///   series in M would not (the square-root edge).
/// Outside [lower, upper] (or [lower, threshold]) the table has no value: callers compute directly.
public struct MassTable: Sendable {
    public let lower: Double
    /// The highest tabulated mass: `upper`, or the threshold.
    public let upper: Double
    public let threshold: Double?
    let logPiece: ChebyshevTable
    let thresholdPiece: ChebyshevTable?

    /// Tabulates `f(M)` (`components` values) on [lower, upper] in ln M, or, with a `threshold`, on
    /// [lower, threshold / 2] in ln M and [threshold / 2, threshold] in sqrt(1 - M/threshold).
    public init(lower: Double, upper: Double, threshold: Double? = nil, components: Int, order: Int = 12,
                tolerance: Double = 1e-9, _ f: (Double) -> [Double]) {
        self.lower = lower
        self.threshold = threshold
        if let threshold {
            precondition(lower < threshold / 2, "the table's lower edge must lie below half the threshold")
            self.upper = threshold
            logPiece = ChebyshevTable(lower: log(lower), upper: log(threshold / 2), components: components,
                                      order: order, tolerance: tolerance) { f(exp($0)) }
            thresholdPiece = ChebyshevTable(lower: 0, upper: 0.5.squareRoot(), components: components,
                                            order: order, tolerance: tolerance) { s in f(threshold * (1 - s * s)) }
        } else {
            self.upper = upper
            logPiece = ChebyshevTable(lower: log(lower), upper: log(upper), components: components,
                                      order: order, tolerance: tolerance) { f(exp($0)) }
            thresholdPiece = nil
        }
    }

    /// The components at M, or nil outside the table.
    @inlinable public func callAsFunction(_ M: Double) -> SIMD4<Double>? {
        guard M >= lower, M <= upper else { return nil }
        return values(M)
    }

    @usableFromInline func values(_ M: Double) -> SIMD4<Double> {
        if let threshold, let thresholdPiece, M > threshold / 2 {
            return thresholdPiece(max(0, 1 - M / threshold).squareRoot())
        }
        return logPiece(log(M))
    }

    /// The masses where the table changes segment (every breakpoint, the edges and the threshold), for tests
    /// and the accuracy sweep.
    public var segmentMasses: [Double] {
        var masses = logPiece.breakpoints.map { exp($0) }
        if let threshold, let thresholdPiece { masses += thresholdPiece.breakpoints.map { threshold * (1 - $0 * $0) } }
        return masses.sorted()
    }

    /// The largest Chebyshev tail of the pieces relative to their scale (`ChebyshevTable.estimatedError`).
    public var estimatedError: Double { max(logPiece.estimatedError, thresholdPiece?.estimatedError ?? 0) }

    /// The number of segments of both pieces.
    public var segments: Int { logPiece.segments + (thresholdPiece?.segments ?? 0) }
}
