import Numerics

/// The dilepton helicity amplitudes of B -> M l+ l- in the convention of Gratrex, Hopfer, Zwicky
/// (arXiv:1506.03970), which flavio uses: for the vector (V) and axial (A) lepton currents the
/// helicities 0, +, - of the dilepton (for B -> P only 0), and the timelike amplitude P of the
/// axial current (the only one with C10 that survives at m_l != 0 without scalar operators). The
/// timelike amplitude takes C10P (`EffectiveCoefficients.c10Timelike`): C10 for operators, and a
/// different coefficient for the longitudinal part of a Z_D exchange (docs/physics.md §2).
/// The common factor N = (4 G_F/sqrt 2)(alpha/4 pi)|V_tb V_ts^*| and phases common to all
/// amplitudes are left out; `DileptonRate` puts N back.
public struct HelicityAmplitudes: Sendable, Equatable {
    public var vectorZero, vectorPlus, vectorMinus: Complex<Double>
    public var axialZero, axialPlus, axialMinus: Complex<Double>
    public var timelike: Complex<Double>

    public init(vectorZero: Complex<Double>, vectorPlus: Complex<Double> = .zero, vectorMinus: Complex<Double> = .zero,
                axialZero: Complex<Double>, axialPlus: Complex<Double> = .zero, axialMinus: Complex<Double> = .zero,
                timelike: Complex<Double>) {
        self.vectorZero = vectorZero; self.vectorPlus = vectorPlus; self.vectorMinus = vectorMinus
        self.axialZero = axialZero; self.axialPlus = axialPlus; self.axialMinus = axialMinus
        self.timelike = timelike
    }

    /// B -> P l l (Gratrex, Hopfer, Zwicky, arXiv:1506.03970, appendix; flavio's
    /// angular.helicity_amps_p), with m_s = 0:
    ///   H_V = sqrt(lambda)/(2 sqrt q^2) [2 m_b/(m_B + m_P) (C7 + C7') f_T + C9 f_+],
    ///   H_A = sqrt(lambda)/(2 sqrt q^2) C10 f_+,
    ///   H_P = (m_B^2 - m_P^2)/2 (2 m_l/q^2) C10P f_0.
    /// `bottomMass` is the MSbar m_b at the scale of the Wilson coefficients.
    public static func pseudoscalar(q2: Double, initialMass mB: Double, finalMass mP: Double, leptonMass ml: Double,
                                    bottomMass mb: Double, formFactors ff: PseudoscalarMesonFormFactors,
                                    coefficients c: EffectiveCoefficients) -> HelicityAmplitudes {
        let sqrtLambda = Kinematics.kallen(mB * mB, mP * mP, q2).squareRoot()
        let k = sqrtLambda / (2 * q2.squareRoot())
        let vector = ((c.c7 + c.c7Prime) * (2 * mb / (mB + mP) * ff.fTensor) + c.c9 * ff.fPlus) * k
        let axial = c.c10 * (k * ff.fPlus)
        let timelike = c.c10Timelike * ((mB * mB - mP * mP) / 2 * (2 * ml / q2) * ff.fZero)
        return HelicityAmplitudes(vectorZero: vector, axialZero: axial, timelike: timelike)
    }

    /// B -> V l l (arXiv:1506.03970; flavio's angular.helicity_amps_v), with m_s = 0 and C9' = C10' = 0:
    ///   H_0^V = 4 m_B m_V/(sqrt q^2 (m_B + m_V)) [C9 (m_B + m_V) A12 + m_b (C7 - C7') T23],
    ///   H_0^A = 4 m_B m_V/sqrt q^2 C10 A12,
    ///   H_+-^V = [+-C9 sqrt(lambda) V - (m_B + m_V)^2 C9 A1]/(2 (m_B + m_V))
    ///            + m_b/q^2 [+-(C7 + C7') sqrt(lambda) T1 - (C7 - C7')(m_B^2 - m_V^2) T2],
    ///   H_+-^A = [+-C10 sqrt(lambda) V - (m_B + m_V)^2 C10 A1]/(2 (m_B + m_V)),
    ///   H_P = sqrt(lambda)/2 (2 m_l/q^2) C10P A0.
    public static func vector(q2: Double, initialMass mB: Double, finalMass mV: Double, leptonMass ml: Double,
                              bottomMass mb: Double, formFactors ff: VectorMesonFormFactors,
                              coefficients c: EffectiveCoefficients) -> HelicityAmplitudes {
        let sqrtLambda = Kinematics.kallen(mB * mB, mV * mV, q2).squareRoot()
        let sqrtQ2 = q2.squareRoot(), sum = mB + mV
        let c7Plus = c.c7 + c.c7Prime, c7Minus = c.c7 - c.c7Prime
        let vectorZero = (c.c9 * (sum * ff.a12) + c7Minus * (mb * ff.t23)) * (4 * mB * mV / (sqrtQ2 * sum))
        let axialZero = c.c10 * (4 * mB * mV / sqrtQ2 * ff.a12)
        // +- parts: C9 and C10 times (+-sqrt(lambda) V - (m_B + m_V)^2 A1)/(2 (m_B + m_V)).
        let even = -sum * sum * ff.a1 / (2 * sum), odd = sqrtLambda * ff.v / (2 * sum)
        let dipoleEven = c7Minus * (-mb / q2 * (mB * mB - mV * mV) * ff.t2)
        let dipoleOdd = c7Plus * (mb / q2 * sqrtLambda * ff.t1)
        let vectorPlus = c.c9 * (even + odd) + dipoleEven + dipoleOdd
        let vectorMinus = c.c9 * (even - odd) + dipoleEven - dipoleOdd
        let axialPlus = c.c10 * (even + odd), axialMinus = c.c10 * (even - odd)
        let timelike = c.c10Timelike * (sqrtLambda / 2 * (2 * ml / q2) * ff.a0)
        return HelicityAmplitudes(vectorZero: vectorZero, vectorPlus: vectorPlus, vectorMinus: vectorMinus,
                                  axialZero: axialZero, axialPlus: axialPlus, axialMinus: axialMinus,
                                  timelike: timelike)
    }

    /// The amplitudes of the CP-conjugate decay as they enter the Bs mixing interference:
    /// helicities + and - exchanged (arXiv:1502.05509; flavio's "h_tilde").
    public var helicityExchanged: HelicityAmplitudes {
        HelicityAmplitudes(vectorZero: vectorZero, vectorPlus: vectorMinus, vectorMinus: vectorPlus,
                           axialZero: axialZero, axialPlus: axialMinus, axialMinus: axialPlus, timelike: timelike)
    }
}
