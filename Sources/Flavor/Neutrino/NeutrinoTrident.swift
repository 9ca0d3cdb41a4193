import DataFiles
import Foundation

/// sigma(nu_mu N -> nu_mu N mu+ mu-)/sigma_SM with a Z_D exchanged between the neutrino and muon
/// currents (paper sec. 4.8, eq. 4.39; docs/neutrino.md §1).
///
/// Z_D couples to nu_L with g_nu = (g/c_W) eps_Z/2 and to muons with mu-bar gamma (v + a gamma_5) mu
/// (`DarkBosonCouplings`). Its t-channel exchange adds to the contact couplings of
/// `TridentMatrixElement`
///   G_V(Q^2) = 1/2 + 2 s_W^2 + g_nu v / (sqrt 2 G_F (M^2 + Q^2)),
///   G_A(Q^2) = -1/2          + g_nu a / (sqrt 2 G_F (M^2 + Q^2)),
/// the form of Altmannshofer, Gori, Pospelov, Yavin (arXiv:1406.2332, the paper's ref. [59]) for an
/// L_mu - L_tau boson (g_nu = v = g', a = 0). For M^2 >> Q^2 this is their heavy-Z' ratio
/// [(1 + 4 s_W^2 + 2 g_nu v v_EW^2/M^2)^2 + 1]/[(1 + 4 s_W^2)^2 + 1] (v_EW = 246 GeV, with the small muon
/// mass terms of the V and A pieces). The ratio is evaluated from the Q^2 moments of a `TridentTable`
/// (interpolated linearly in ln M), so interference with the Standard Model is kept with its sign:
/// g_nu v > 0 interferes constructively, g_nu v < 0 destructively.
public struct NeutrinoTrident: Sendable {
    public let table: TridentTable
    public let vectorSM: Double
    public let axialSM: Double
    /// sqrt 2 G_F (GeV^-2).
    let sqrt2GF: Double
    let lnMassMin: Double, lnMassStep: Double
    /// ln of the positive moments s1vv, s2vv, s1aa, s2aa (NaN where one is not positive; unused there).
    let logMoments: (s1vv: [Double], s2vv: [Double], s1aa: [Double], s2aa: [Double])

    public init(table: TridentTable, inputs: FlavorInputs) {
        self.table = table
        vectorSM = 0.5 + 2 * inputs.sin2ThetaW
        axialSM = -0.5
        sqrt2GF = 2.0.squareRoot() * inputs.fermiConstant
        lnMassMin = log(table.masses[0])
        lnMassStep = log(table.masses[1] / table.masses[0])
        logMoments = (table.s1vv.map { log($0) }, table.s2vv.map { log($0) }, table.s1aa.map { log($0) }, table.s2aa.map { log($0) })
    }

    /// Reads data/<file> (e.g. trident_ccfr.csv).
    public init(file: String, inputs: FlavorInputs) throws {
        self.init(table: try TridentTable(contentsOf: DataDirectory.path(of: file)), inputs: inputs)
    }

    /// The moments (s1, s2) for X = vv, aa, va at mass M; nil below the table. Above the table the
    /// heavy-mass forms s1 ~ 1/M^2, s2 ~ 1/M^4 continue the last row.
    func moments(mass: Double) -> (s1: (Double, Double, Double), s2: (Double, Double, Double))? {
        let n = table.masses.count
        guard mass >= table.masses[0] * (1 - 1e-12) else { return nil }
        if mass >= table.masses[n - 1] {
            let r2 = pow(table.masses[n - 1] / mass, 2)
            return ((table.s1vv[n - 1] * r2, table.s1aa[n - 1] * r2, table.s1va[n - 1] * r2),
                    (table.s2vv[n - 1] * r2 * r2, table.s2aa[n - 1] * r2 * r2, table.s2va[n - 1] * r2 * r2))
        }
        let x = (log(mass) - lnMassMin) / lnMassStep
        let i = min(max(Int(x), 0), n - 2)
        let f = x - Double(i)
        // positive moments interpolated in ln s (power laws, with the logarithms taken once), the va moments linearly
        func logLinear(_ a: [Double], _ lnA: [Double]) -> Double {
            a[i] > 0 && a[i + 1] > 0 ? exp((1 - f) * lnA[i] + f * lnA[i + 1]) : (1 - f) * a[i] + f * a[i + 1]
        }
        func linear(_ a: [Double]) -> Double { (1 - f) * a[i] + f * a[i + 1] }
        return ((logLinear(table.s1vv, logMoments.s1vv), logLinear(table.s1aa, logMoments.s1aa), linear(table.s1va)),
                (logLinear(table.s2vv, logMoments.s2vv), logLinear(table.s2aa, logMoments.s2aa), linear(table.s2va)))
    }

    /// sigma/sigma_SM for a vector of mass M (GeV) with coupling gNu to nu_L and (vector, axial) to
    /// muons; nil below the table's lowest mass.
    public func ratio(mass: Double, neutrinoCoupling gNu: Double, muon: ChiralCoupling) -> Double? {
        guard let m = moments(mass: mass) else { return nil }
        let cV = gNu * muon.vector / sqrt2GF, cA = gNu * muon.axial / sqrt2GF
        let gV = vectorSM, gA = axialSM, s0aa = table.s0aa, s0va = table.s0va
        let sm = gV * gV + gA * gA * s0aa + gV * gA * s0va
        let vv = gV * gV + 2 * gV * cV * m.s1.0 + cV * cV * m.s2.0
        let aa = gA * gA * s0aa + 2 * gA * cA * m.s1.1 + cA * cA * m.s2.1
        let va = gV * gA * s0va + (gV * cA + gA * cV) * m.s1.2 + cV * cA * m.s2.2
        return (vv + aa + va) / sm
    }

    /// The ratio at a parameter point (its couplings to nu_L and muons).
    public func ratio(_ point: DarkBosonPoint) -> Double? {
        ratio(mass: point.parameters.mZD, neutrinoCoupling: point.couplings.neutrinoLeft, muon: point.couplings.muon)
    }
}
