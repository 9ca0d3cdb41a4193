@preconcurrency import CGSL
import Foundation

extension ResonantBinRate {
    /// The same Delta B_off computed slowly, as a reference for the fixed-node version: GSL's
    /// adaptive QAGP over the bin (breakpoints at M^2 and M^2 +- {1, 10, 100} g inside the bin) of the
    /// integrand with the rate coefficients computed exactly at every q^2 by `rates`, and the exact
    /// delta C10P(q^2) with its M Gamma / D term.
    public func adaptiveOffShellChange(_ s: PoleShift, rates: SemileptonicRates, relativeTolerance: Double = 1e-10) -> Double {
        _ = gslReturnsErrorCodes
        let g = regulator(s), channel = bin.channel
        final class Integrand {
            let f: (Double) -> Double
            init(_ f: @escaping (Double) -> Double) { self.f = f }
        }
        let integrand = Integrand { q2 in
            let x = q2 - s.m2, k = x / (x * x + g * g)
            let coefficients = rates.coefficients(channel, q2: q2), form = coefficients.form
            let p = s.numerator(q2)
            return form.linearPart(p) * k + form.quadraticPart(p) * k * k + coefficients.timelike.value(s.shifts(q2: q2).c10Timelike)
        }
        let a = bin.q2Min, b = bin.q2Max
        var points = [a]
        for d in [-100.0, -10, -1, 0, 1, 10, 100] where s.m2 + d * g > a && s.m2 + d * g < b { points.append(s.m2 + d * g) }
        points.append(b)
        let limit = 10_000
        let workspace = gsl_integration_workspace_alloc(limit)
        defer { gsl_integration_workspace_free(workspace) }
        var function = gsl_function(function: { x, params in
            Unmanaged<Integrand>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(integrand).toOpaque())
        var result = 0.0, error = 0.0
        gsl_integration_qagp(&function, &points, points.count, 0, relativeTolerance, limit, workspace, &result, &error)
        return result + imaginaryPartInterference(s)
    }
}
