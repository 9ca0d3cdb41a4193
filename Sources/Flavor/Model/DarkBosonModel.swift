import Numerics

/// Everything parameter-independent for Z_D predictions, built once: inputs, the b -> s penguin
/// coefficients, the width calculator and the normalisation of eq. 2.9.
public struct DarkBosonModel: Sendable {
    public let inputs: FlavorInputs
    public let penguinBToS: PenguinCoefficients
    public let decays: DarkBosonDecayModel
    /// N = (4 G_F / sqrt 2) (alpha / 4 pi) V_tb V_ts^*, the prefactor of eq. 2.9: H_eff = -N sum C_i O_i,
    /// with the alpha = alpha_em(m_b) of the b -> s l l rates (`SemileptonicRates`), so that N delta C9 is
    /// the Z_D amplitude itself in every rate (docs/physics.md §1, "One electroweak scheme").
    public let normalization: Complex<Double>

    public init(inputs: FlavorInputs, vmd: VectorMesonDominance) throws {
        self.inputs = inputs
        penguinBToS = PenguinCoefficients(transition: .bToS, inputs: inputs)
        decays = try DarkBosonDecayModel(inputs: inputs, vmd: vmd)
        let lambdaT = inputs.ckm.lambda(up: 2, from: DownQuarkTransition.bToS.from, to: DownQuarkTransition.bToS.to)
        normalization = lambdaT * (4 * inputs.fermiConstant / 2.0.squareRoot() * (try inputs.value("alpha_em_mb")) / (4 * Double.pi))
    }

    /// The model with the inputs and tables of data/.
    public static func standard() throws -> DarkBosonModel {
        try DarkBosonModel(inputs: .standard(), vmd: VectorMesonDominance())
    }

    /// Couplings, widths and the pieces of the Wilson coefficients at one parameter point.
    public func point(_ p: DarkBosonParameters) -> DarkBosonPoint {
        let couplings = DarkBosonCouplings(p, inputs: inputs)
        let widths = decays.widths(p, couplings: couplings)
        return DarkBosonPoint(parameters: p, couplings: couplings, widths: widths,
                              penguin: penguinBToS, normalization: normalization)
    }
}

/// One parameter point with its couplings, widths and Wilson coefficients.
public struct DarkBosonPoint: Sendable {
    public let parameters: DarkBosonParameters
    public let couplings: DarkBosonCouplings
    public let widths: DarkBosonWidths
    let penguin: PenguinCoefficients
    let normalization: Complex<Double>

    /// The Z_D exchange in b -> s l l as new-physics Wilson coefficients at q^2 (GeV^2),
    /// eqs. 2.10-2.11 with the normalisation of eq. 2.9 and the full propagator (docs/physics.md §2):
    ///   delta C9  = -F(q^2) v_l / (N D),   delta C10 = -F(q^2) a_l / (N D),
    ///   delta C10P = -F_0 a_l (1 - q^2/M^2) / (N D),   D = q^2 - M^2 + i M Gamma,
    /// F = F_0 + F_2 q^2 = eps_Z E^{0,Z}_L + (eps E^{2,A}_L + eps_Z E^{2,Z}_L) q^2, v_l and a_l the Z_D
    /// vector and axial couplings of the lepton. delta C10P is the coefficient of the timelike amplitude
    /// (`EffectiveCoefficients.c10Timelike`): the g^{mu nu} and q^mu q^nu/M^2 parts of the propagator
    /// on the non-conserved F_0 vertex; the F_2 vertex is transverse and has none. Primed coefficients
    /// vanish (eq. 2.12).
    public func wilsonCoefficients(q2: Double, lepton: Lepton)
        -> (c9: Complex<Double>, c10: Complex<Double>, c10Timelike: Complex<Double>) {
        let p = parameters
        let monopole = penguin.monopole(q2: q2, epsilon: p.epsilon, epsilonZ: p.epsilonZ)
        let propagator = Complex<Double>(q2 - p.mZD * p.mZD, p.mZD * widths.total)
        let common = -monopole / (normalization * propagator)
        let timelike = -(penguin.e0ZLeft * p.epsilonZ) * (1 - q2 / (p.mZD * p.mZD)) / (normalization * propagator)
        let c = couplings.lepton(lepton)
        return (common * c.vector, common * c.axial, timelike * c.axial)
    }
}
