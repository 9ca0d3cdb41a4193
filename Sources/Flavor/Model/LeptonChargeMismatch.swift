/// The part of the Z_D couplings that the W vertex W- -> l- nu-bar_l does not conserve (docs/physics.md §7).
///
/// The Z_D couples to the W through eqs. 2.2 and 2.5, L ⊃ -i (e eps + g c_W eps_Z) [[Z_D W+ W-]]: in the
/// normalisation of `ChiralCoupling` the W- carries w = -(e eps + g c_W eps_Z). The charge that W- -> l-_L nu-bar
/// fails to conserve is
///   Delta_l = g_L(l) - g(nu_L) - w,
/// zero for the mixing couplings of every lepton (their J_em and J_Z charges balance at the vertex) and equal to
/// the direct coupling g_D^l of eqs. 3.1, 3.2 otherwise. The longitudinal Z_D couples to q.J ∝ Delta_l without
/// helicity or mass suppression, whence the 1/M_ZD^2 of eq. 4.40 (Dror, Lasenby, Pospelov, arXiv:1705.06726,
/// 1707.01503). The remaining non-conservation, g_R - g_L = 2 a_l on the right-handed lepton, is broken only by
/// the lepton mass.
public struct LeptonChargeMismatch: Sendable, Equatable {
    public let electron: Double
    public let muon: Double
    /// The tau has the mixing couplings only (no direct coupling in cases A-C): always zero.
    public let tau: Double
    /// The Z_D coupling w of the W- (GeV^0), -(e eps + g c_W eps_Z).
    public let wMinus: Double
    /// g_R - g_L = 2 a_l of the charged leptons (the same for e, mu, tau: only the mixing is axial).
    public let rightExcess: Double

    public init(_ p: DarkBosonParameters, couplings c: DarkBosonCouplings, inputs: FlavorInputs) {
        wMinus = -(inputs.electricCharge * p.epsilon + inputs.weakCoupling * inputs.cosThetaW * p.epsilonZ)
        var mixing = p
        mixing.modelCase = .A
        mixing.gMu = 0
        let tauLike = DarkBosonCouplings(mixing, inputs: inputs).muon
        let n = c.neutrinoLeft, w = wMinus
        electron = c.electron.left - n - w
        muon = c.muon.left - n - w
        tau = tauLike.left - n - w
        rightExcess = c.muon.right - c.muon.left
    }

    /// The muon coupling no other leg of P+ -> mu+ nu carries: g_L = Delta_mu and g_R = Delta_mu + 2 a_mu, i.e.
    /// the direct coupling plus the right-handed excess whose divergence is the muon mass term. The muon-leg
    /// amplitude of eq. 4.27 is the complete tree amplitude for it.
    public var nonConservedMuon: ChiralCoupling {
        ChiralCoupling(vector: muon + rightExcess / 2, axial: rightExcess / 2)
    }

    /// Delta_e^2 + Delta_mu^2 + Delta_tau^2, the coupling factor of the enhanced W width.
    public var sumOfSquares: Double { electron * electron + muon * muon + tau * tau }
}
