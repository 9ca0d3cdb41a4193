@preconcurrency import CGSL
import Foundation

/// The coherent equivalent-photon flux of a nucleus at rest seen by a neutrino of energy E
/// (docs/neutrino.md §1): in the Weizsacker-Williams approximation for a heavy source,
///   sigma(nu N -> nu N mu mu) = (Z^2 alpha/pi) ∫ ds-hat/s-hat sigma(nu gamma -> nu mu mu)(s-hat) Phi(s-hat),
///   Phi(s-hat) = ∫_{Q_min^2} dQ^2/Q^2 (1 - Q_min^2/Q^2) F^2(Q^2),   Q_min = s-hat/(2E),
/// with F the nuclear charge form factor (Helm). The constant Z^2 alpha/pi is left out: darkz only
/// uses ratios to the Standard-Model cross section. Phi is integrated with GSL's QAG in ln Q^2 up to
/// Q^2 = 1 GeV^2 (F^2 < 1e-10 there for the nuclei used) and tabulated on 400 points in ln s-hat.
struct EquivalentPhotonFlux: Sendable {
    let neutrinoEnergy: Double
    let formFactor: HelmFormFactor
    /// Largest s-hat with a non-negligible flux, 2 E x 1 GeV.
    let sHatMax: Double
    private let table: TabulatedFunction

    init(neutrinoEnergy: Double, formFactor: HelmFormFactor, sHatMin: Double) throws {
        _ = gslReturnsErrorCodes
        self.neutrinoEnergy = neutrinoEnergy
        self.formFactor = formFactor
        sHatMax = 2 * neutrinoEnergy * 1.0
        let n = 400
        let lo = log(sHatMin), hi = log(sHatMax)
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<n {
            let x = lo + (hi - lo) * Double(i) / Double(n - 1)
            xs.append(x)
            ys.append(Self.flux(sHat: exp(x), energy: neutrinoEnergy, formFactor: formFactor))
        }
        table = try TabulatedFunction(x: xs, y: ys, source: "equivalent photon flux")
    }

    /// Phi(s-hat), interpolated.
    func callAsFunction(sHat: Double) -> Double { max(0, table(log(sHat))) }

    /// Phi(s-hat) by direct integration.
    static func flux(sHat: Double, energy: Double, formFactor: HelmFormFactor) -> Double {
        let qMin2 = pow(sHat / (2 * energy), 2)
        let qMax2 = 1.0
        guard qMin2 < qMax2 else { return 0 }
        final class Box { let f: (Double) -> Double; init(_ f: @escaping (Double) -> Double) { self.f = f } }
        let box = Box { x in
            let q2 = exp(x)
            let ff = formFactor(q2: q2)
            return (1 - qMin2 / q2) * ff * ff
        }
        let workspace = gsl_integration_workspace_alloc(500)
        defer { gsl_integration_workspace_free(workspace) }
        var function = gsl_function(function: { x, params in
            Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(box).toOpaque())
        var result = 0.0, error = 0.0
        gsl_integration_qag(&function, log(qMin2), log(qMax2), 0, 1e-8, 500, Int32(GSL_INTEG_GAUSS31), workspace, &result, &error)
        return result
    }
}
