/// The three B -> P form factors at one q^2: f+, f0 (vector current) and fT (tensor current) in
/// the standard convention (e.g. Gubernari, Kokulu, van Dyk, arXiv:1811.00983).
public struct PseudoscalarMesonFormFactors: Sendable, Equatable {
    public var fPlus, fZero, fTensor: Double

    public init(fPlus: Double, fZero: Double, fTensor: Double) {
        self.fPlus = fPlus; self.fZero = fZero; self.fTensor = fTensor
    }
}

/// B -> K form factors in the 3-parameter BSZ z-expansion of Gubernari, Reboud, van Dyk, Virto
/// (arXiv:2305.06301; the parametrisation of arXiv:1811.00983 with a single pole), central
/// values. f0's a_0 is fixed by the kinematic relation f0(0) = f+(0).
public struct BToPseudoscalarFormFactors: Sendable {
    public let transition: String
    public let z: ConformalVariable
    public let fPlus, fZero, fTensor: BSZFormFactor

    /// `initialMass`, `finalMass`: the meson masses of the z-expansion (m_B0, m_K0 for B -> K).
    public init(table: FormFactorTable, transition: String, initialMass: Double, finalMass: Double) throws {
        self.transition = transition
        z = ConformalVariable(initialMass: initialMass, finalMass: finalMass)
        fPlus = try table.formFactor(transition, "f+")
        fZero = try table.formFactor(transition, "f0", a0: fPlus.valueAtZero)
        fTensor = try table.formFactor(transition, "fT")
    }

    public func callAsFunction(_ q2: Double) -> PseudoscalarMesonFormFactors {
        PseudoscalarMesonFormFactors(fPlus: fPlus.value(q2: q2, z: z), fZero: fZero.value(q2: q2, z: z),
                                     fTensor: fTensor.value(q2: q2, z: z))
    }
}
