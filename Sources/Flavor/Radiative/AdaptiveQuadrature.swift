@preconcurrency import CGSL

/// GSL's adaptive QAGP (Gauss-Kronrod 21 with bisection and epsilon-algorithm extrapolation) on a
/// Swift closure, with known difficult points of the integrand as breakpoints. Used by the radiative
/// widths, where the integrands have integrable endpoint singularities (sqrt of a vanishing momentum)
/// and kinks where a muon-energy cut crosses the Dalitz boundary.
enum AdaptiveQuadrature {
    struct Result {
        var value: Double
        var error: Double
        /// GSL's status (GSL_SUCCESS = 0); nonzero when the tolerance was not reached.
        var status: Int32
    }

    private final class Integrand {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }

    /// ∫ f over [points.first, points.last] with the interior points as breakpoints (sorted, duplicates
    /// and points outside dropped). Absolute tolerance 0, relative `relativeTolerance`.
    static func integrate(_ f: @escaping (Double) -> Double, points: [Double], relativeTolerance: Double,
                          limit: Int = 2000) -> Result {
        _ = gslReturnsErrorCodes
        precondition(points.count >= 2, "an integral needs two end points")
        let a = points.first!, b = points.last!
        guard b > a else { return Result(value: 0, error: 0, status: 0) }
        var breaks = [a]
        for p in points.dropFirst().dropLast().sorted() where p > breaks.last! && p < b { breaks.append(p) }
        breaks.append(b)
        let box = Integrand(f)
        let workspace = gsl_integration_workspace_alloc(limit)
        defer { gsl_integration_workspace_free(workspace) }
        var function = gsl_function(function: { x, params in
            Unmanaged<Integrand>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(box).toOpaque())
        var result = 0.0, error = 0.0
        let status = gsl_integration_qagp(&function, &breaks, breaks.count, 0, relativeTolerance, limit,
                                          workspace, &result, &error)
        return Result(value: result, error: error, status: status)
    }
}
