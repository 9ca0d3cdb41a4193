import Numerics

/// The Wilson coefficients that multiply the hadronic matrix elements in B -> M l+ l- at one q^2:
/// C7 = C7eff(q^2), C7' (SM: (m_s/m_b) C7), C9 = C9eff(q^2) (including any new-physics shift) and
/// C10; C9' = C10' = 0 (eq. 2.12 of arXiv:2210.15662 and the SM) and no scalar or tensor operators.
public struct EffectiveCoefficients: Sendable, Equatable {
    public var c7: Complex<Double>
    public var c7Prime: Complex<Double>
    public var c9: Complex<Double>
    public var c10: Complex<Double>

    public init(c7: Complex<Double>, c7Prime: Complex<Double>, c9: Complex<Double>, c10: Complex<Double>) {
        self.c7 = c7; self.c7Prime = c7Prime; self.c9 = c9; self.c10 = c10
    }

    /// The same coefficients with C9 and C10 shifted.
    @inlinable
    public func shifted(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> EffectiveCoefficients {
        EffectiveCoefficients(c7: c7, c7Prime: c7Prime, c9: c9 + deltaC9, c10: c10 + deltaC10)
    }
}
