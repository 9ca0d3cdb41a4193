import Numerics

/// The Z_D-exchange shifts of one lepton flavour written as a regular numerator over the
/// propagator (docs/physics.md §4):
///   (delta C9, delta C10)(q^2) = P(q^2) / (q^2 - M^2 + i gamma),  gamma = M Gamma,
///   P(q^2) = -(F_0 + F_2 q^2) (v_l, a_l) / N,
/// with F = F_0 + F_2 q^2 the monopole of eq. 2.10 and N the normalisation of eq. 2.9. In the real
/// variables (Re dC9, Im dC9, Re dC10, Im dC10) of `ShiftQuadraticForm`, P is p0 + p2 q^2.
///
/// The timelike coefficient has no pole (the q^mu q^nu/M^2 part of the propagator cancels it):
///   delta C10P = F_0 a_l / (N M^2) (1 - i M Gamma / D),
/// and `timelike` is its constant part F_0 a_l / (N M^2). Bins use the constant; the dropped term
/// changes a bin integral by at most pi M Gamma |F_0 a_l / (N M^2)| times the largest |d rate/d C10P|,
/// relative M Gamma / (q2Max - q2Min) < 1e-8 for every Z_D of the priors (docs/physics.md §4).
public struct PoleShift: Sendable, Equatable {
    public let p0: SIMD4<Double>
    public let p2: SIMD4<Double>
    /// F_0 a_l / (N M^2) as (Re, Im): the shift of C10P away from the pole.
    public let timelike: SIMD2<Double>
    /// M_ZD^2 and M_ZD Gamma_ZD in GeV^2.
    public let m2: Double
    public let gamma: Double
    public let mass: Double

    public init(p0: SIMD4<Double>, p2: SIMD4<Double>, timelike: SIMD2<Double> = .zero, mass: Double, width: Double) {
        self.p0 = p0
        self.p2 = p2
        self.timelike = timelike
        self.mass = mass
        m2 = mass * mass
        gamma = mass * width
    }

    /// P(q^2) in real variables.
    @inlinable
    public func numerator(_ q2: Double) -> SIMD4<Double> { p0 + p2 * q2 }

    /// The variables of -i P(q^2): (Im, -Re) per coefficient.
    @inlinable
    public func rotatedNumerator(_ q2: Double) -> SIMD4<Double> {
        let p = numerator(q2)
        return SIMD4(p[1], -p[0], p[3], -p[2])
    }

    /// The exact shifts at q^2 (for checks and references).
    public func shifts(q2: Double) -> (c9: Complex<Double>, c10: Complex<Double>, c10Timelike: Complex<Double>) {
        let p = numerator(q2)
        let d = Complex<Double>(q2 - m2, gamma)
        let t = Complex(timelike[0], timelike[1])
        return (Complex(p[0], p[1]) / d, Complex(p[2], p[3]) / d, t - t * Complex(0, gamma) / d)
    }
}

extension DarkBosonPoint {
    /// The pole decomposition of `wilsonCoefficients(q2:lepton:)`.
    public func poleShift(lepton: Lepton) -> PoleShift {
        let p = parameters
        let f0 = penguin.e0ZLeft * p.epsilonZ
        let f2 = penguin.e2ALeft * p.epsilon + penguin.e2ZLeft * p.epsilonZ
        let c = couplings.lepton(lepton)
        let a0 = -f0 / normalization, a2 = -f2 / normalization
        func variables(_ z: Complex<Double>) -> SIMD4<Double> {
            SIMD4(z.real * c.vector, z.imaginary * c.vector, z.real * c.axial, z.imaginary * c.axial)
        }
        let timelike = f0 * c.axial / (normalization * (p.mZD * p.mZD))
        return PoleShift(p0: variables(a0), p2: variables(a2), timelike: SIMD2(timelike.real, timelike.imaginary),
                         mass: p.mZD, width: widths.total)
    }
}
