import Numerics

/// The hadronic transition of an exclusive mode.
public enum ExclusiveHadronicModel: Sendable {
    case pseudoscalar(BToPseudoscalarFormFactors)
    case vector(BToVectorFormFactors)
}

/// dB/dq^2 of one exclusive B -> M l+ l- mode: form-factor amplitudes (`HelicityAmplitudes`) with
/// the SM C7eff(q^2), C9eff(q^2) of `QuarkLoopModel` and C10, CP-averaged, times the B lifetime:
///   dB/dq^2 = tau_B (dGamma/dq^2 + dGammaBar/dq^2) / 2.
/// For Bs -> phi the average is the time-integrated one of Descotes-Genon, Virto (arXiv:1502.05509,
/// eq. 48), with y = DeltaGamma_s / (2 Gamma_s):
///   dB/dq^2 = tau_Bs / (2 (1 - y^2)) [dGamma + dGammaBar - y dGamma_h],
///   dGamma_h = N^2 (phase space) 2 [bracket of (Hbar with + <-> -) against H],
/// i.e. the CP-even part of the final state weighted with 1/(1 + y), the CP-odd part with 1/(1 - y).
/// The phase of the mixing interference is set to 0 (SM: -q/p cancels the phase of
/// (V_tb V_ts^*)^2 up to phi_s ~ 0.04 rad, a 1e-3 relative change of a term of size y).
///
/// Left out (flavio 2.7.1 has them; effects on NP/SM bin ratios measured below 1%): the QCD
/// factorisation non-factorisable corrections of B -> V (Beneke, Feldmann, Seidel) and the
/// (zero-central-value) subleading-hadronic nuisance terms.
public struct ExclusiveRateModel: Sendable {
    public let hadronic: ExclusiveHadronicModel
    public let initialMass: Double
    public let finalMass: Double
    /// tau_B in GeV^-1.
    public let lifetime: Double
    /// N^2 = [(4 G_F / sqrt 2)(alpha/4 pi)|V_tb V_ts^*|]^2 in GeV^-4.
    public let normalization: Double
    /// MSbar m_b at the scale of the Wilson coefficients (the mass of the dipole operator).
    public let bottomMass: Double
    public let loops: QuarkLoopModel
    /// C7' in the SM, (m_s/m_b) C7 at the scale of the Wilson coefficients.
    public let c7Prime: Double
    /// y = DeltaGamma / (2 Gamma) of the decaying meson (0: no time integration).
    public let widthDifference: Double

    public init(hadronic: ExclusiveHadronicModel, initialMass: Double, finalMass: Double, lifetime: Double,
                normalization: Double, bottomMass: Double, loops: QuarkLoopModel, c7Prime: Double,
                widthDifference: Double) {
        self.hadronic = hadronic
        self.initialMass = initialMass
        self.finalMass = finalMass
        self.lifetime = lifetime
        self.normalization = normalization
        self.bottomMass = bottomMass
        self.loops = loops
        self.c7Prime = c7Prime
        self.widthDifference = widthDifference
    }

    /// The SM effective coefficients at q^2 for the b decay or its CP conjugate.
    public func standardModelCoefficients(q2: Double, cpConjugate: Bool) -> EffectiveCoefficients {
        let c = loops.coefficients
        let k = loops.corrections(q2: q2, cpConjugate: cpConjugate)
        return EffectiveCoefficients(c7: Complex(c.c7eff, 0) + k.c7TwoLoop, c7Prime: Complex(c7Prime, 0),
                                     c9: Complex(c.c9, 0) + k.c9OneLoop + k.c9TwoLoop, c10: Complex(c.c10, 0))
    }

    /// The rate's coefficients at q^2 for a lepton of mass `leptonMass` (zero outside
    /// 4 m_l^2 < q^2 < (m_B - m_M)^2).
    public func coefficients(q2: Double, leptonMass ml: Double, convention: ShiftCPConvention) -> RateCoefficients {
        guard let rate = rate(q2: q2, leptonMass: ml, convention: convention) else {
            return RateCoefficients(q2: q2, form: .zero)
        }
        return RateCoefficients(q2: q2, rate: rate)
    }

    /// dB/dq^2 evaluated directly from the amplitudes (no quadratic form; for checks); a nil
    /// `deltaC10Timelike` moves C10P with C10.
    public func dBdq2Direct(q2: Double, leptonMass ml: Double, convention: ShiftCPConvention,
                            deltaC9: Complex<Double>, deltaC10: Complex<Double>,
                            deltaC10Timelike: Complex<Double>? = nil) -> Double {
        rate(q2: q2, leptonMass: ml, convention: convention)?(
            ShiftQuadraticForm.variables(deltaC9, deltaC10),
            TimelikeQuadraticForm.variables(deltaC10Timelike ?? deltaC10)) ?? 0
    }

    /// dB/dq^2 at q^2 as a function of the real shift variables (Re dC9, Im dC9, Re dC10, Im dC10) and
    /// (Re dC10P, Im dC10P), with everything shift-independent computed once; nil outside the physical region.
    func rate(q2: Double, leptonMass ml: Double, convention: ShiftCPConvention) -> ((SIMD4<Double>, SIMD2<Double>) -> Double)? {
        let mB = initialMass, mM = finalMass
        guard q2 > 4 * ml * ml, q2 < (mB - mM) * (mB - mM) else { return nil }
        let beta = Kinematics.leptonVelocity(q2: q2, leptonMass: ml)
        let scale = lifetime * normalization * DileptonRate.phaseSpace(q2: q2, initialMass: mB, finalMass: mM, beta: beta)
        let decay = standardModelCoefficients(q2: q2, cpConjugate: false)
        let conjugate = standardModelCoefficients(q2: q2, cpConjugate: true)
        let mb = bottomMass
        let amplitudes: (EffectiveCoefficients) -> HelicityAmplitudes
        switch hadronic {
        case .pseudoscalar(let model):
            let ff = model(q2)
            amplitudes = { HelicityAmplitudes.pseudoscalar(q2: q2, initialMass: mB, finalMass: mM, leptonMass: ml,
                                                           bottomMass: mb, formFactors: ff, coefficients: $0) }
        case .vector(let model):
            let ff = model(q2)
            amplitudes = { HelicityAmplitudes.vector(q2: q2, initialMass: mB, finalMass: mM, leptonMass: ml,
                                                     bottomMass: mb, formFactors: ff, coefficients: $0) }
        }
        let y = widthDifference
        return { s, t in
            let dC9 = Complex(s[0], s[1]), dC10 = Complex(s[2], s[3]), dC10P = Complex(t[0], t[1])
            let h = amplitudes(decay.shifted(deltaC9: dC9, deltaC10: dC10, deltaC10Timelike: dC10P))
            let hBar: HelicityAmplitudes
            switch convention {
            case .sameInConjugate: hBar = amplitudes(conjugate.shifted(deltaC9: dC9, deltaC10: dC10, deltaC10Timelike: dC10P))
            case .conjugatedInConjugate:
                hBar = amplitudes(conjugate.shifted(deltaC9: dC9.conjugate, deltaC10: dC10.conjugate,
                                                    deltaC10Timelike: dC10P.conjugate))
            }
            let sum = DileptonRate.bracket(h, h, beta: beta) + DileptonRate.bracket(hBar, hBar, beta: beta)
            if y == 0 { return scale * sum / 2 }
            let mixing = 2 * DileptonRate.bracket(hBar.helicityExchanged, h, beta: beta)
            return scale * (sum - y * mixing) / (2 * (1 - y * y))
        }
    }
}
