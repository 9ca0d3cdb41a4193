@preconcurrency import CGSL

/// GSL's Nelder-Mead simplex (gsl_multimin_fminimizer_nmsimplex2) on a Swift function: the one
/// minimiser of darkz, used by `BestFit` over all free parameters and by `PlaneProfile` over the
/// parameters a plane leaves out. Non-finite values count as 1e300.
public enum NelderMead {
    private final class Objective {
        let f: ([Double]) -> Double
        init(_ f: @escaping ([Double]) -> Double) { self.f = f }
    }

    /// Minimises `f` from `start` with initial simplex steps `steps`, until the simplex size is
    /// below `tolerance` or after `maxIterations`; returns the point and `f` there.
    public static func minimise(_ f: @escaping ([Double]) -> Double, from start: [Double], steps: [Double],
                                maxIterations: Int, tolerance: Double) -> (x: [Double], value: Double) {
        _ = gslReturnsErrorCodes
        let n = start.count
        guard n > 0 else { return (start, f(start)) }
        let objective = Objective { x in
            let value = f(x)
            return value.isFinite ? value : 1e300
        }
        var function = gsl_multimin_function(
            f: { v, params in
                let x = (0..<Int(v!.pointee.size)).map { gsl_vector_get(v, $0) }
                return Unmanaged<Objective>.fromOpaque(params!).takeUnretainedValue().f(x)
            }, n: n, params: Unmanaged.passUnretained(objective).toOpaque())
        let x = gsl_vector_alloc(n)!, step = gsl_vector_alloc(n)!
        defer { gsl_vector_free(x); gsl_vector_free(step) }
        for i in 0..<n {
            gsl_vector_set(x, i, start[i])
            gsl_vector_set(step, i, steps[i])
        }
        let minimizer = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n)!
        defer { gsl_multimin_fminimizer_free(minimizer) }
        gsl_multimin_fminimizer_set(minimizer, &function, x, step)
        for _ in 0..<maxIterations {
            if gsl_multimin_fminimizer_iterate(minimizer) != GSL_SUCCESS { break }
            if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), tolerance) == GSL_SUCCESS { break }
        }
        let result = (0..<n).map { gsl_vector_get(minimizer.pointee.x, $0) }
        return (result, f(result))
    }
}
