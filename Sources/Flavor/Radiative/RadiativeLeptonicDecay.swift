/// The charged pseudoscalar of a radiative leptonic decay P+ -> mu+ nu_mu Z_D.
public enum ChargedPseudoscalar: String, Sendable, CaseIterable, Codable {
    /// K+ -> mu+ nu Z_D (paper sec. 4.5): f_K, V_us, m_K+, tau_K+.
    case kaon = "K+"
    /// pi+ -> mu+ nu Z_D (paper sec. 4.6): eq. 4.27 with f_K -> f_pi, V_us -> V_ud, m_K -> m_pi.
    case pion = "pi+"
}

/// P+ -> mu+ nu_mu Z_D with Z_D radiated off the muon leg of P+ -> mu+ nu_mu (paper secs. 4.5-4.6),
/// for a Z_D-muon coupling L ⊃ Z_D^alpha mu-bar gamma_alpha (v + a gamma_5) mu (eq. 4.26, darkz's
/// `ChiralCoupling`). Squared amplitude: eq. 4.27 as re-derived in docs/physics.md §6 (the printed
/// equation is a factor 2 low and has a wrong term in its g_R^2 part); width: eq. 4.28 with the limits
/// 4.29-4.30. Units GeV; lifetimes in seconds.
///
/// As in the paper only the emission from the muon is included. That is the complete tree-level
/// amplitude for a muon coupling no other leg carries (the direct g_mu, and the right-handed excess
/// 2 a_mu); for the mixing-induced couplings the emission from the meson, the W and the neutrino also
/// contribute and cancel the 1/M_ZD^2 (docs/physics.md §7; `RadiativeEmission`).
public struct RadiativeLeptonicDecay: Sendable {
    public let meson: ChargedPseudoscalar
    public let mesonMass: Double
    /// f_P in the convention f_pi ≈ 130 MeV (<0| A_mu |P(k)> = i f_P k_mu).
    public let decayConstant: Double
    /// |V_us| for the kaon, |V_ud| for the pion.
    public let ckmMagnitude: Double
    public let fermiConstant: Double
    public let muonMass: Double
    /// The meson lifetime (s) and hbar (GeV s), for branching fractions.
    public let lifetime: Double
    public let hbar: Double
    /// The electroweak inputs that fix the Z_D couplings (`LeptonChargeMismatch`).
    public let inputs: FlavorInputs

    public init(meson: ChargedPseudoscalar, mesonMass: Double, decayConstant: Double, ckmMagnitude: Double,
                fermiConstant: Double, muonMass: Double, lifetime: Double, hbar: Double, inputs: FlavorInputs) {
        self.meson = meson
        self.mesonMass = mesonMass
        self.decayConstant = decayConstant
        self.ckmMagnitude = ckmMagnitude
        self.fermiConstant = fermiConstant
        self.muonMass = muonMass
        self.lifetime = lifetime
        self.hbar = hbar
        self.inputs = inputs
    }

    /// The decay with the inputs of data/flavor_inputs.csv: m_K_plus, f_K, |ckm[0,1]|, tau_K_plus for
    /// the kaon; m_pi_plus, f_pi, |ckm[0,0]|, tau_pi_plus for the pion.
    public init(_ meson: ChargedPseudoscalar, inputs: FlavorInputs) throws {
        let names: (mass: String, decayConstant: String, lifetime: String)
        let ckm: Double
        switch meson {
        case .kaon:
            names = ("m_K_plus", "f_K", "tau_K_plus")
            ckm = inputs.ckm[0, 1].length
        case .pion:
            names = ("m_pi_plus", "f_pi", "tau_pi_plus")
            ckm = inputs.ckm[0, 0].length
        }
        self.init(meson: meson, mesonMass: try inputs.value(names.mass),
                  decayConstant: try inputs.value(names.decayConstant), ckmMagnitude: ckm,
                  fermiConstant: inputs.fermiConstant, muonMass: inputs.massMuon,
                  lifetime: try inputs.value(names.lifetime), hbar: try inputs.value("hbar"), inputs: inputs)
    }

    /// G_F^2 f_P^2 |V|^2, the prefactor of eq. 4.27.
    @inlinable public var normalization: Double {
        let g = fermiConstant * decayConstant * ckmMagnitude
        return g * g
    }

    /// The total width of the meson, hbar / tau (GeV).
    public var totalWidth: Double { hbar / lifetime }

    /// The tree-level Gamma(P+ -> mu+ nu_mu) = G_F^2 f_P^2 |V|^2 m_mu^2 m_P (1 - m_mu^2/m_P^2)^2 / (8 pi),
    /// the denominator of PIENU's R^{pi mu nu X} (paper sec. 4.6).
    public var twoBodyWidth: Double {
        let r = muonMass * muonMass / (mesonMass * mesonMass)
        return normalization * muonMass * muonMass * mesonMass * (1 - r) * (1 - r) / (8 * Double.pi)
    }

    /// The heaviest Z_D the decay can produce, m_P - m_mu.
    public var massThreshold: Double { mesonMass - muonMass }
}
