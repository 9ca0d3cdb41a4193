/// The loop integrals of `MuonAnomalousMoment` tabulated once in M_ZD (docs/physics.md §9):
/// a_mu = v^2 I_V(M) + a^2 I_A(M) exactly, the couplings outside the integrals. The table holds
/// I_V (M^2 + m^2)/m^2 and I_A M^2/m^2, which tend to constants at both ends (I_V -> 1/(8 pi^2) for M << m
/// and m^2/(12 pi^2 M^2) for M >> m; I_A -> -m^2/(4 pi^2 M^2) and -(5/3) m^2/(4 pi^2 M^2)), from 0.1 MeV to
/// 100 GeV; outside, the integrals are computed directly.
public final class MuonAnomalousMomentTable: Sendable {
    public let muonMass: Double
    public let table: MassTable

    public init(muonMass m: Double, lower: Double = 1e-4, upper: Double = 100) {
        muonMass = m
        table = MassTable(lower: lower, upper: upper, components: 2) { M in
            let loops = MuonAnomalousMoment.loopIntegrals(muonMass: m, mZD: M)
            return [loops.vector * (M * M + m * m) / (m * m), loops.axial * M * M / (m * m)]
        }
    }

    /// I_V and I_A at Z_D mass M (GeV): the table inside it, the integrals outside.
    public func loopIntegrals(mZD M: Double) -> (vector: Double, axial: Double) {
        let m2 = muonMass * muonMass
        guard let w = table(M) else { return MuonAnomalousMoment.loopIntegrals(muonMass: muonMass, mZD: M) }
        return (w[0] * m2 / (M * M + m2), w[1] * m2 / (M * M))
    }

    /// a_mu^NP at a point, `MuonAnomalousMoment.value` with the tabulated integrals.
    public func value(_ point: DarkBosonPoint) -> Double {
        let c = point.couplings.muon, loops = loopIntegrals(mZD: point.parameters.mZD)
        return c.vector * c.vector * loops.vector + c.axial * c.axial * loops.axial
    }
}
