import ArgumentParser
import Flavor
import Foundation
import Numerics

/// `darkz wilson`: delta C9, delta C10 and the timelike delta C10P of the Z_D exchange at one q^2
/// (paper eqs. 2.9-2.11 with the full propagator, docs/physics.md §2), with delta C10P written also as
/// flavio's pseudoscalar C_P, and the Z_D total width and branching fractions.
struct WilsonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wilson",
        abstract: "Z_D-exchange Wilson coefficients delta C9, delta C10, delta C10P (and C_P) at one q^2, and the Z_D widths.")

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("q2"), parsing: .unconditional, help: "Dilepton invariant mass squared q^2 in GeV^2.")
    var q2: Double

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard q2.isFinite, q2 >= 0 else { throw ValidationError("--q2 must be a non-negative number of GeV^2, got \(q2)") }
    }

    func run() throws {
        let darkBoson = try DarkBosonModel.standard()
        let report = WilsonReport(point: darkBoson.point(try model.resolve().parameters), q2: q2, inputs: darkBoson.inputs)
        if json { try printJSON(report) } else { print(report.text) }
    }
}

/// What `darkz wilson` prints; encodes to the documented JSON.
struct WilsonReport: Encodable {
    struct BranchingFractions: Encodable {
        let ee, mumu, nunu, hadrons, invisible: Double
    }

    let parameters: DarkBosonParameters
    let q2: Double
    let C9_mu, C10_mu, C9_e, C10_e: [Double]
    /// The timelike coefficient delta C10P, and the same as flavio's C_P = 2 m_l (delta C10P - delta C10)/q^2
    /// (O_P = m_b (s-bar P_R b)(l-bar gamma5 l), m_s = 0); C_P is null at q^2 = 0.
    let C10P_mu, C10P_e: [Double]
    let CP_mu, CP_e: [Double]?
    let width_total: Double
    let branching_fractions: BranchingFractions

    init(point: DarkBosonPoint, q2: Double, inputs: FlavorInputs) {
        parameters = point.parameters
        self.q2 = q2
        let mu = point.wilsonCoefficients(q2: q2, lepton: .muon)
        let e = point.wilsonCoefficients(q2: q2, lepton: .electron)
        C9_mu = [mu.c9.real, mu.c9.imaginary]
        C10_mu = [mu.c10.real, mu.c10.imaginary]
        C9_e = [e.c9.real, e.c9.imaginary]
        C10_e = [e.c10.real, e.c10.imaginary]
        C10P_mu = [mu.c10Timelike.real, mu.c10Timelike.imaginary]
        C10P_e = [e.c10Timelike.real, e.c10Timelike.imaginary]
        func pseudoscalar(_ c10: Complex<Double>, _ c10P: Complex<Double>, mass: Double) -> [Double]? {
            guard q2 > 0 else { return nil }
            let cp = (c10P - c10) * Complex(2 * mass / q2, 0)
            return [cp.real, cp.imaginary]
        }
        CP_mu = pseudoscalar(mu.c10, mu.c10Timelike, mass: inputs.massMuon)
        CP_e = pseudoscalar(e.c10, e.c10Timelike, mass: inputs.massElectron)
        let w = point.widths
        width_total = w.total
        branching_fractions = BranchingFractions(
            ee: w.branchingFraction(w.electrons), mumu: w.branchingFraction(w.muons),
            nunu: w.branchingFraction(w.neutrinos), hadrons: w.branchingFraction(w.hadrons),
            invisible: w.branchingFraction(w.extraInvisible))
    }

    var text: String {
        let p = parameters
        func c(_ z: [Double]) -> String { String(format: "%+.6e %+.6e i", z[0], z[1]) }
        let b = branching_fractions
        return [
            String(format: "case %@  M_ZD = %.6g GeV  epsilon = %.4g  epsilon_Z = %.4g  g_mu = %.4g  invisible fraction = %.3g",
                   p.modelCase.rawValue, p.mZD, p.epsilon, p.epsilonZ, p.gMu, p.invisibleFraction),
            String(format: "q^2 = %.6g GeV^2", q2),
            "delta C9_mu  = " + c(C9_mu),
            "delta C10_mu = " + c(C10_mu),
            "delta C9_e   = " + c(C9_e),
            "delta C10_e  = " + c(C10_e),
            "delta C10P_mu = " + c(C10P_mu) + (CP_mu.map { "   (C_P_mu = " + c($0) + ")" } ?? ""),
            "delta C10P_e  = " + c(C10P_e) + (CP_e.map { "   (C_P_e = " + c($0) + ")" } ?? ""),
            String(format: "Gamma_ZD = %.6e GeV", width_total),
            String(format: "BR: ee %.4f  mumu %.4f  nunu %.4f  hadrons %.4f  extra invisible %.4f",
                   b.ee, b.mumu, b.nunu, b.hadrons, b.invisible),
        ].joined(separator: "\n")
    }
}
