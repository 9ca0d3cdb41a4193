import Foundation

/// Partial widths of Z_D (GeV) at one parameter point (paper section 2.3).
public struct DarkBosonWidths: Sendable, Equatable {
    public var electrons = 0.0
    public var muons = 0.0
    /// nu nu-bar summed over the three flavours (eq. 2.16 is the width of one flavour).
    public var neutrinos = 0.0
    /// Hadrons through the vector couplings (vector-meson dominance).
    public var hadronsVector = 0.0
    /// Hadrons through the axial couplings (quark-level estimate).
    public var hadronsAxial = 0.0
    /// The extra invisible width, invisibleFraction x neutrinos (paper sec. 5.1).
    public var extraInvisible = 0.0

    public var hadrons: Double { hadronsVector + hadronsAxial }
    public var total: Double { electrons + muons + neutrinos + hadrons + extraInvisible }

    public func branchingFraction(_ partial: Double) -> Double {
        let t = total
        return t > 0 ? partial / t : 0
    }

    /// Width into l+ l- of the given flavour.
    public func leptons(_ lepton: Lepton) -> Double { lepton == .electron ? electrons : muons }

    /// Gamma(V -> f f-bar) for L ⊃ V f-bar gamma (v + a gamma_5) f with N_c colours:
    /// N_c M/(12 pi) beta [v^2 (1 + 2r) + a^2 (1 - 4r)], r = m^2/M^2, beta = sqrt(1 - 4r).
    /// For v = -e eps, a = 0 and N_c = 1 this is alpha eps^2 M/3 (1 + 2r) sqrt(1 - 4r), and with the
    /// couplings of `DarkBosonCouplings` it reproduces eq. 2.15 term by term (docs/physics.md §3).
    @inlinable
    public static func fermionPair(mass M: Double, fermionMass m: Double, coupling: ChiralCoupling,
                                   colours: Double = 1) -> Double {
        let r = m * m / (M * M)
        guard r < 0.25 else { return 0 }
        let beta = (1 - 4 * r).squareRoot()
        return colours * M / (12 * Double.pi) * beta
            * (coupling.vector * coupling.vector * (1 + 2 * r) + coupling.axial * coupling.axial * (1 - 4 * r))
    }
}

/// Computes Z_D widths: leptons (eq. 2.15 generalised to direct couplings), neutrinos (eq. 2.16 per
/// flavour, three flavours), hadrons (vector part: DarkCast VMD, eq. 2.17; axial part: quark-level
/// decays above the lightest axial-vector hadronic threshold), extra invisible width.
public struct DarkBosonDecayModel: Sendable {
    public let inputs: FlavorInputs
    public let vmd: VectorMesonDominance
    /// Below these masses the axial quark currents produce no hadrons: 3 m_pi+ for u, d (the 1^{++}
    /// state cannot decay to two pions), 2 m_K+ + m_pi+ for s.
    public let axialThresholdLight: Double
    public let axialThresholdStrange: Double

    public init(inputs: FlavorInputs, vmd: VectorMesonDominance) throws {
        self.inputs = inputs
        self.vmd = vmd
        let mPi = try inputs.value("m_pi_plus"), mK = try inputs.value("m_K_plus")
        axialThresholdLight = 3 * mPi
        axialThresholdStrange = 2 * mK + mPi
    }

    public func widths(_ p: DarkBosonParameters, couplings c: DarkBosonCouplings) -> DarkBosonWidths {
        let M = p.mZD
        var w = DarkBosonWidths()
        w.electrons = DarkBosonWidths.fermionPair(mass: M, fermionMass: inputs.massElectron, coupling: c.electron)
        w.muons = DarkBosonWidths.fermionPair(mass: M, fermionMass: inputs.massMuon, coupling: c.muon)
        // One left-handed neutrino: Gamma = g_L^2 M / (24 pi) = (g/c_W)^2 eps_Z^2 M / (96 pi), eq. 2.16.
        w.neutrinos = 3 * c.neutrinoLeft * c.neutrinoLeft * M / (24 * Double.pi)
        w.hadronsVector = vmd.width(mass: M, up: c.up.vector, down: c.down.vector, strange: c.strange.vector)
        var axial = 0.0
        if M > axialThresholdLight {
            axial += DarkBosonWidths.fermionPair(mass: M, fermionMass: inputs.massUp,
                                                 coupling: ChiralCoupling(vector: 0, axial: c.up.axial), colours: 3)
            axial += DarkBosonWidths.fermionPair(mass: M, fermionMass: inputs.massDown,
                                                 coupling: ChiralCoupling(vector: 0, axial: c.down.axial), colours: 3)
        }
        if M > axialThresholdStrange {
            axial += DarkBosonWidths.fermionPair(mass: M, fermionMass: inputs.massStrange,
                                                 coupling: ChiralCoupling(vector: 0, axial: c.strange.axial), colours: 3)
        }
        w.hadronsAxial = axial
        w.extraInvisible = p.invisibleFraction * w.neutrinos
        return w
    }
}
