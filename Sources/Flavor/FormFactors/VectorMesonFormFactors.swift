/// The seven B -> V form factors at one q^2 in the basis of Bharucha, Straub, Zwicky
/// (arXiv:1503.05534): V, A0, A1, A12, T1, T2, T23.
public struct VectorMesonFormFactors: Sendable, Equatable {
    public var v, a0, a1, a12, t1, t2, t23: Double

    public init(v: Double, a0: Double, a1: Double, a12: Double, t1: Double, t2: Double, t23: Double) {
        self.v = v; self.a0 = a0; self.a1 = a1; self.a12 = a12; self.t1 = t1; self.t2 = t2; self.t23 = t23
    }

    /// A2 from A12 and A1 (the definition of A12 in arXiv:1503.05534, inverted):
    ///   A2 = [(m_B + m_V)^2 (m_B^2 - m_V^2 - q^2) A1 - 16 m_B m_V^2 (m_B + m_V) A12] / lambda.
    public func a2(q2: Double, initialMass mB: Double, finalMass mV: Double) -> Double {
        let lambda = Kinematics.kallen(mB * mB, mV * mV, q2)
        let s = mB + mV
        return (s * s * (mB * mB - mV * mV - q2) * a1 - 16 * mB * mV * mV * s * a12) / lambda
    }
}

/// B -> V form factors (V = K*, phi) in the 3-parameter BSZ z-expansion (arXiv:1503.05534; poles
/// 0^- for A0, 1^- for V and T1, 1^+ for A1, A12, T2, T23).
/// a_0 of A12 and T2 follow from the exact relations at q^2 = 0 (eq. 16):
///   A12(0) = (m_B^2 - m_V^2) / (8 m_B m_V) A0(0),   T2(0) = T1(0).
public struct BToVectorFormFactors: Sendable {
    public let transition: String
    public let z: ConformalVariable
    public let v, a0, a1, a12, t1, t2, t23: BSZFormFactor

    /// `transition` names the rows of `table`; `initialMass`, `finalMass` are the meson masses of the
    /// z-expansion (m_B0, m_K*0 for B -> K*; m_Bs, m_phi for Bs -> phi).
    public init(table: FormFactorTable, transition: String, initialMass mB: Double, finalMass mV: Double) throws {
        self.transition = transition
        z = ConformalVariable(initialMass: mB, finalMass: mV)
        v = try table.formFactor(transition, "V")
        a0 = try table.formFactor(transition, "A0")
        a1 = try table.formFactor(transition, "A1")
        a12 = try table.formFactor(transition, "A12", a0: (mB * mB - mV * mV) / (8 * mB * mV) * a0.valueAtZero)
        t1 = try table.formFactor(transition, "T1")
        t2 = try table.formFactor(transition, "T2", a0: t1.valueAtZero)
        t23 = try table.formFactor(transition, "T23")
    }

    public func callAsFunction(_ q2: Double) -> VectorMesonFormFactors {
        VectorMesonFormFactors(v: v.value(q2: q2, z: z), a0: a0.value(q2: q2, z: z), a1: a1.value(q2: q2, z: z),
                               a12: a12.value(q2: q2, z: z), t1: t1.value(q2: q2, z: z),
                               t2: t2.value(q2: q2, z: z), t23: t23.value(q2: q2, z: z))
    }
}
