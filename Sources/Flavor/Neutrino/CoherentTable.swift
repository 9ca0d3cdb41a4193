/// The COHERENT ratio N/N_SM as a table in M_ZD times its exact coupling dependence (docs/physics.md §9,
/// docs/neutrino.md §2). With c_n = g_nu [Z_n (2 v_u + v_d) + N_n (v_u + 2 v_d)]/(sqrt 2 G_F) the shift of
/// nucleus n's weak charge, its rate over the window's nodes is
///   sum_k w_k (Q_n + c_n/(Q_k^2 + M^2))^2 = A_n + 2 c_n B_n(M) + c_n^2 C_n(M),
/// A_n = sum w Q_n^2, B_n = sum w Q_n/(Q_k^2 + M^2), C_n = sum w/(Q_k^2 + M^2)^2 (`massMoments`). The table
/// holds B_n (M^2 + <Q^2>) and C_n (M^2 + <Q^2>)^2 for Cs and I, which tend to constants for M^2 << Q^2 and
/// M^2 >> Q^2, from 0.1 MeV to 100 GeV; outside, the sums are taken directly.
public final class CoherentTable: Sendable {
    public let scattering: CoherentScattering
    public let table: MassTable
    let standardModelRates: (Double, Double)
    let meanQ2: Double

    public init(_ scattering: CoherentScattering, lower: Double = 1e-4, upper: Double = 100) {
        precondition(scattering.nuclei.count == 2, "the table holds two nuclei")
        self.scattering = scattering
        let q2 = scattering.meanMomentumTransfer2
        meanQ2 = q2
        standardModelRates = (scattering.standardModelRate(0), scattering.standardModelRate(1))
        table = MassTable(lower: lower, upper: upper, components: 4) { M in
            let s = M * M + q2, cs = scattering.massMoments(0, mass: M), i = scattering.massMoments(1, mass: M)
            return [cs.b * s, cs.c * s * s, i.b * s, i.c * s * s]
        }
    }

    /// N/N_SM at a parameter point: the table inside it, `CoherentScattering.ratio` outside.
    public func ratio(_ point: DarkBosonPoint) -> Double {
        let c = point.couplings, M = point.parameters.mZD
        guard let w = table(M) else { return scattering.ratio(point) }
        let s = M * M + meanQ2
        let c0 = scattering.chargeShift(0, neutrinoCoupling: c.neutrinoLeft, vectorUp: c.up.vector, vectorDown: c.down.vector)
        let c1 = scattering.chargeShift(1, neutrinoCoupling: c.neutrinoLeft, vectorUp: c.up.vector, vectorDown: c.down.vector)
        let rate = standardModelRates.0 + 2 * c0 * w[0] / s + c0 * c0 * w[1] / (s * s)
            + standardModelRates.1 + 2 * c1 * w[2] / s + c1 * c1 * w[3] / (s * s)
        return rate / scattering.rateSM
    }
}
