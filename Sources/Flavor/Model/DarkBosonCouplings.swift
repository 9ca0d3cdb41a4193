import Foundation

/// Vector and axial couplings of Z_D to one fermion, L ⊃ Z_D^mu f-bar gamma_mu (vector + axial gamma_5) f.
public struct ChiralCoupling: Sendable, Equatable {
    public var vector: Double
    public var axial: Double

    public init(vector: Double, axial: Double) {
        self.vector = vector
        self.axial = axial
    }
}

/// The Z_D couplings to SM fermions of one parameter point (docs/physics.md §1).
///
/// From eqs. 2.2 and 2.5, L ⊃ e eps Z_D J_em + (g/c_W) eps_Z Z_D J_Z with J_em = sum Q_f f-bar gamma f
/// and J_Z = sum f-bar gamma (T3 P_L - Q s_W^2) f, a fermion gets
///   vector = e eps Q + (g/c_W) eps_Z (T3/2 - Q s_W^2),   axial = -(g/c_W) eps_Z T3/2,
/// plus the direct couplings of eqs. 3.1, 3.2 (vector). For leptons this is the coupling stated after
/// eq. 4.31 (the axial sign there differs; it only enters squared or through the Z-penguin check).
/// Neutrinos are left-handed: `neutrinoLeft` is the coupling to nu_L, (g/c_W) eps_Z / 2, per flavour.
public struct DarkBosonCouplings: Sendable, Equatable {
    public let electron: ChiralCoupling
    public let muon: ChiralCoupling
    public let neutrinoLeft: Double
    public let up: ChiralCoupling
    public let down: ChiralCoupling
    public let strange: ChiralCoupling

    public init(_ p: DarkBosonParameters, inputs: FlavorInputs) {
        let e = inputs.electricCharge, gz = inputs.weakCoupling / inputs.cosThetaW, s2 = inputs.sin2ThetaW
        func fermion(charge q: Double, isospin t3: Double) -> ChiralCoupling {
            ChiralCoupling(vector: e * p.epsilon * q + gz * p.epsilonZ * (t3 / 2 - q * s2),
                           axial: -gz * p.epsilonZ * t3 / 2)
        }
        let lepton = fermion(charge: -1, isospin: -0.5)
        var muon = lepton
        var electron = lepton
        switch p.modelCase {
        case .A: break
        case .B: muon.vector += p.gMu
        case .C:
            muon.vector += p.gMu
            electron.vector = 0  // g_D^e = -(mixing-induced vector coupling), eq. 3.2
        }
        self.electron = electron
        self.muon = muon
        neutrinoLeft = gz * p.epsilonZ / 2
        up = fermion(charge: 2.0 / 3, isospin: 0.5)
        down = fermion(charge: -1.0 / 3, isospin: -0.5)
        strange = down
    }

    /// The coupling to a charged lepton.
    public func lepton(_ flavour: Lepton) -> ChiralCoupling {
        flavour == .electron ? electron : muon
    }
}
