import Numerics

/// The Wilson coefficients that multiply the hadronic matrix elements in B -> M l+ l- at one q^2:
/// C7 = C7eff(q^2), C7' (SM: (m_s/m_b) C7), C9 = C9eff(q^2) (including any new-physics shift), C10,
/// and C10P, the coefficient of the timelike (J = 0) amplitude of the axial lepton current: C10 for
/// operators, C10 + q^2 C_P/(2 m_l) with a pseudoscalar operator, and for a Z_D exchange the coefficient
/// with the q^mu q^nu/M^2 part of its propagator (docs/physics.md §2). C9' = C10' = 0 (eq. 2.12 of
/// arXiv:2210.15662 and the SM); no scalar or tensor operators.
public struct EffectiveCoefficients: Sendable, Equatable {
    public var c7: Complex<Double>
    public var c7Prime: Complex<Double>
    public var c9: Complex<Double>
    public var c10: Complex<Double>
    public var c10Timelike: Complex<Double>

    /// C10P = C10 unless given.
    public init(c7: Complex<Double>, c7Prime: Complex<Double>, c9: Complex<Double>, c10: Complex<Double>,
                c10Timelike: Complex<Double>? = nil) {
        self.c7 = c7; self.c7Prime = c7Prime; self.c9 = c9; self.c10 = c10
        self.c10Timelike = c10Timelike ?? c10
    }

    /// The same coefficients with C9, C10 and C10P shifted.
    @inlinable
    public func shifted(deltaC9: Complex<Double>, deltaC10: Complex<Double>,
                        deltaC10Timelike: Complex<Double>) -> EffectiveCoefficients {
        EffectiveCoefficients(c7: c7, c7Prime: c7Prime, c9: c9 + deltaC9, c10: c10 + deltaC10,
                              c10Timelike: c10Timelike + deltaC10Timelike)
    }
}
