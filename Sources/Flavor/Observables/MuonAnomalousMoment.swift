@preconcurrency import CGSL
import Foundation

/// One-loop Z_D contribution to a_mu = (g - 2)_mu / 2, paper eqs. 6.2-6.3 (their ref. [83]), for a
/// Z_D with vector coupling v and axial coupling a to muons (docs/physics.md §1):
///   a_mu = m^2/(4 pi^2) ∫_0^1 dx [v^2 x^2 (1 - x) + a^2 (x (1 - x)(x - 4) - 2 x^3 m^2/M^2)] / (m^2 x^2 + M^2 (1 - x)).
/// Eq. 6.2 squares the e eps and eps_Z parts of v separately (no interference term); darkz squares
/// the full vector coupling. Eq. 6.3 keeps only g_mu; darkz keeps the mixing parts too.
/// Integrals by GSL's QAG (Gauss-Kronrod 21, epsrel 1e-10).
public enum MuonAnomalousMoment {
    /// The vector and axial parts for unit couplings at Z_D mass M (GeV).
    public static func loopIntegrals(muonMass m: Double, mZD M: Double) -> (vector: Double, axial: Double) {
        let prefactor = m * m / (4 * Double.pi * Double.pi)
        let vector = integrate { x in x * x * (1 - x) / (m * m * x * x + M * M * (1 - x)) }
        let axial = integrate { x in
            (x * (1 - x) * (x - 4) - 2 * x * x * x * m * m / (M * M)) / (m * m * x * x + M * M * (1 - x))
        }
        return (prefactor * vector, prefactor * axial)
    }

    /// a_mu^NP at a parameter point.
    public static func value(_ p: DarkBosonParameters, inputs: FlavorInputs) -> Double {
        let c = DarkBosonCouplings(p, inputs: inputs).muon
        let loops = loopIntegrals(muonMass: inputs.massMuon, mZD: p.mZD)
        return c.vector * c.vector * loops.vector + c.axial * c.axial * loops.axial
    }

    private final class Integrand {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }

    private static func integrate(_ f: @escaping (Double) -> Double) -> Double {
        _ = gslReturnsErrorCodes
        let box = Integrand(f)
        let workspace = gsl_integration_workspace_alloc(200)
        defer { gsl_integration_workspace_free(workspace) }
        var function = gsl_function(function: { x, params in
            Unmanaged<Integrand>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(box).toOpaque())
        var result = 0.0, error = 0.0
        gsl_integration_qag(&function, 0, 1, 0, 1e-10, 200, Int32(GSL_INTEG_GAUSS21), workspace, &result, &error)
        return result
    }
}
