/// P+ -> mu+ nu Z_D at one parameter point, with the Z_D decay that the experiments see
/// (paper secs. 4.5-4.6):
/// - K+ -> mu+ + invisible (NA62, eq. 4.31): `branchingFraction x invisibleFraction`;
/// - K+ -> mu+ nu e+ e- with m_ee > 145 MeV (eq. 4.32): `branchingFraction x electronFraction`;
/// - pi+ -> mu+ nu X, X invisible (PIENU): `ratioToTwoBody x invisibleFraction` = R^{pi mu nu X}.
/// The Z_D is taken to decay promptly (narrow width); displaced or escaping decays are not modelled.
public struct RadiativeDarkBosonRates: Sendable, Equatable {
    /// Gamma(P+ -> mu+ nu Z_D) in GeV, within the muon kinetic-energy window.
    public let width: Double
    /// Gamma / Gamma_P (meson lifetime).
    public let branchingFraction: Double
    /// Gamma / Gamma_tree(P+ -> mu+ nu).
    public let ratioToTwoBody: Double
    /// B(Z_D -> invisible) = (Gamma_nu nu-bar + Gamma_extra invisible) / Gamma_Z_D.
    public let invisibleFraction: Double
    /// B(Z_D -> e+ e-).
    public let electronFraction: Double

    /// B(P+ -> mu+ nu Z_D) B(Z_D -> invisible): K+ -> mu+ + invisible, to compare with eq. 4.31.
    public var invisibleBranchingFraction: Double { branchingFraction * invisibleFraction }
    /// B(P+ -> mu+ nu Z_D) B(Z_D -> e+ e-): K+ -> mu+ nu e+ e-, to compare with eq. 4.32.
    public var electronBranchingFraction: Double { branchingFraction * electronFraction }
    /// R B(Z_D -> invisible): PIENU's R^{pi mu nu X} (Fig. 8).
    public var invisibleRatio: Double { ratioToTwoBody * invisibleFraction }
    /// R B(Z_D -> e+ e-).
    public var electronRatio: Double { ratioToTwoBody * electronFraction }
}

extension RadiativeLeptonicDecay {
    /// The rates at a parameter point: the muon coupling `couplings.muon` (v + g_mu in cases B, C) and
    /// the Z_D branching fractions from `widths`, at M = mZD.
    public func rates(_ point: DarkBosonPoint,
                      muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies) -> RadiativeDarkBosonRates {
        let w = width(mass: point.parameters.mZD, coupling: point.couplings.muon, muonKineticEnergy: window)
        return RadiativeDarkBosonRates(width: w, branchingFraction: w / totalWidth, ratioToTwoBody: w / twoBodyWidth,
                                       invisibleFraction: point.widths.branchingFraction(point.widths.invisible),
                                       electronFraction: point.widths.branchingFraction(point.widths.electrons))
    }
}
