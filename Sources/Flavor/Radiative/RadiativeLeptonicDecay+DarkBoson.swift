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

/// Which muon coupling the muon-leg amplitude of eq. 4.27 is evaluated with (docs/physics.md §7).
public enum RadiativeEmission: String, Sendable, CaseIterable {
    /// darkz (default): the part of the muon coupling that no other leg carries, g_L = Delta_mu (the direct
    /// coupling), g_R = Delta_mu + 2 a_mu (`LeptonChargeMismatch.nonConservedMuon`). The conserved rest (the
    /// electromagnetic part and the balanced eps_Z charges) needs every diagram and has no 1/M_ZD^2 term; it is
    /// left out and bounded in docs/physics.md §7, as is the hadronic mass term of the quark axial couplings.
    case nonConserved
    /// The paper's secs. 4.5-4.6: the muon leg with the whole muon coupling `couplings.muon`.
    case paperMuonLeg
}

extension RadiativeLeptonicDecay {
    /// The muon coupling of `emission` at a point.
    public func muonCoupling(_ point: DarkBosonPoint, emission: RadiativeEmission) -> ChiralCoupling {
        switch emission {
        case .nonConserved:
            return LeptonChargeMismatch(point.parameters, couplings: point.couplings, inputs: inputs).nonConservedMuon
        case .paperMuonLeg:
            return point.couplings.muon
        }
    }

    /// The rates at a parameter point: the muon-leg width at the muon coupling of `emission` and the Z_D
    /// branching fractions from `widths`, at M = mZD.
    public func rates(_ point: DarkBosonPoint, emission: RadiativeEmission = .nonConserved,
                      muonKineticEnergy window: ClosedRange<Double> = allMuonKineticEnergies) -> RadiativeDarkBosonRates {
        let w = width(mass: point.parameters.mZD, coupling: muonCoupling(point, emission: emission), muonKineticEnergy: window)
        return RadiativeDarkBosonRates(width: w, branchingFraction: w / totalWidth, ratioToTwoBody: w / twoBodyWidth,
                                       invisibleFraction: point.widths.branchingFraction(point.widths.invisible),
                                       electronFraction: point.widths.branchingFraction(point.widths.electrons))
    }
}
