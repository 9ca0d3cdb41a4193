@preconcurrency import CGSL
import Foundation

/// The MSbar strong coupling alpha_s(mu) with five active flavours at two loops, run from
/// alpha_s(M_Z), and the leading-order running of MSbar quark masses.
///
/// Two-loop running (the beta function of the PDG QCD review): mu^2 d a / d mu^2 = -(b0 a^2 + b1 a^3),
/// b0 = (33 - 2 n_f) / (12 pi), b1 = (153 - 19 n_f) / (24 pi^2). Its exact solution is implicit,
///   G(a) = G(a_Z) + ln(mu^2 / M_Z^2),   G(a) = 1/(b0 a) + (b1 / b0^2) ln(a / (b0 + b1 a)),
/// and is solved for a with GSL's Brent root finder. n_f = 5 is used at all scales (the b -> s l l
/// rates need 4.8-5 GeV; the mass ratio m_s/m_b below m_b is only needed to a few per cent).
public struct StrongCoupling: Sendable {
    public let alphaSAtMZ: Double
    public let massZ: Double
    static let flavours = 5.0
    static let b0 = (33 - 2 * flavours) / (12 * Double.pi)
    static let b1 = (153 - 19 * flavours) / (24 * Double.pi * Double.pi)

    public init(alphaSAtMZ: Double, massZ: Double) {
        self.alphaSAtMZ = alphaSAtMZ
        self.massZ = massZ
    }

    public init(inputs: FlavorInputs) throws {
        self.init(alphaSAtMZ: try inputs.value("alpha_s_MZ"), massZ: inputs.massZ)
    }

    static func implicitSolution(_ a: Double) -> Double {
        1 / (b0 * a) + b1 / (b0 * b0) * log(a / (b0 + b1 * a))
    }

    /// alpha_s(mu), mu in GeV (about 1 to 1000 GeV).
    public func callAsFunction(_ mu: Double) -> Double {
        let target = Self.implicitSolution(alphaSAtMZ) + log(mu * mu / (massZ * massZ))
        return GSLRootFinder.brent(lower: 0.01, upper: 1.5) { Self.implicitSolution($0) - target }
    }

    /// m(mu) / m(mu0) for an MSbar quark mass at leading order,
    /// (alpha_s(mu) / alpha_s(mu0))^(gamma0 / (2 beta0)) = (...)^(12 / (33 - 2 n_f)).
    public func massRatio(from mu0: Double, to mu: Double) -> Double {
        pow(self(mu) / self(mu0), 12 / (33 - 2 * Self.flavours))
    }
}

/// A bracketing root finder for build-time solves (GSL gsl_root_fsolver_brent).
enum GSLRootFinder {
    /// The root of `f` in [lower, upper] (f must change sign), to 1e-14 relative.
    static func brent(lower: Double, upper: Double, _ f: @escaping (Double) -> Double) -> Double {
        final class Box { let f: (Double) -> Double; init(_ f: @escaping (Double) -> Double) { self.f = f } }
        let box = Box(f)
        var function = gsl_function(function: { x, params in
            Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(box).toOpaque())
        let solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent)!
        defer { gsl_root_fsolver_free(solver) }
        gsl_root_fsolver_set(solver, &function, lower, upper)
        var root = 0.5 * (lower + upper)
        for _ in 0..<200 {
            gsl_root_fsolver_iterate(solver)
            root = gsl_root_fsolver_root(solver)
            let a = gsl_root_fsolver_x_lower(solver), b = gsl_root_fsolver_x_upper(solver)
            if gsl_root_test_interval(a, b, 0, 1e-14) == GSL_SUCCESS { break }
        }
        return withExtendedLifetime(box) { root }
    }
}
