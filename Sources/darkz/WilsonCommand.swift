import ArgumentParser
import Flavor
import Foundation

/// `darkz wilson`: delta C9 and delta C10 of the Z_D exchange at one q^2 (paper eqs. 2.9-2.11),
/// with the Z_D total width and branching fractions.
struct WilsonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wilson",
        abstract: "Z_D-exchange Wilson coefficients delta C9, delta C10 at one q^2, and the Z_D widths.")

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("q2"), help: "Dilepton invariant mass squared q^2 in GeV^2.")
    var q2: Double

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard q2.isFinite, q2 >= 0 else { throw ValidationError("--q2 must be a non-negative number of GeV^2, got \(q2)") }
    }

    func run() throws {
        let point = try DarkBosonModel.standard().point(model.parameters)
        let report = WilsonReport(point: point, q2: q2)
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
    let width_total: Double
    let branching_fractions: BranchingFractions

    init(point: DarkBosonPoint, q2: Double) {
        parameters = point.parameters
        self.q2 = q2
        let mu = point.wilsonCoefficients(q2: q2, lepton: .muon)
        let e = point.wilsonCoefficients(q2: q2, lepton: .electron)
        C9_mu = [mu.c9.real, mu.c9.imaginary]
        C10_mu = [mu.c10.real, mu.c10.imaginary]
        C9_e = [e.c9.real, e.c9.imaginary]
        C10_e = [e.c10.real, e.c10.imaginary]
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
            String(format: "Gamma_ZD = %.6e GeV", width_total),
            String(format: "BR: ee %.4f  mumu %.4f  nunu %.4f  hadrons %.4f  extra invisible %.4f",
                   b.ee, b.mumu, b.nunu, b.hadrons, b.invisible),
        ].joined(separator: "\n")
    }
}
