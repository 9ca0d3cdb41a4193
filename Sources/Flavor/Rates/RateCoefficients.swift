import Numerics

/// How the new-physics shifts enter the CP-conjugate decay in CP-averaged rates.
public enum ShiftCPConvention: String, Sendable, CaseIterable {
    /// The shifts carry strong phases only: the b-bar decay sees the same delta C9, delta C10 as the
    /// b decay. Right for the Z_D exchange of arXiv:2210.15662 eqs. 2.10-2.11, whose phase is the
    /// propagator's (the weak phase of sum_j lambda_j E_j / lambda_t is below 1%).
    case sameInConjugate
    /// The shifts carry weak phases only: the b-bar decay sees their complex conjugates (flavio's
    /// convention for Wilson coefficients).
    case conjugatedInConjugate
}

/// Everything a b -> s l l differential branching fraction at one q^2 needs to know about the
/// new-physics shifts: dB/dq^2 (GeV^-2) as an exact quadratic function of complex delta C9, delta C10
/// (added to C9, C10 of the row's lepton; C7 stays at its SM value). Built once per q^2 node by
/// `SemileptonicRates.coefficients`, evaluated per parameter point in a few multiply-adds.
public struct RateCoefficients: Sendable, Equatable {
    public let q2: Double
    public let form: ShiftQuadraticForm

    public init(q2: Double, form: ShiftQuadraticForm) {
        self.q2 = q2
        self.form = form
    }

    /// dB/dq^2 (GeV^-2) with the shifts.
    @inlinable
    public func dBdq2(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> Double {
        form.value(deltaC9: deltaC9, deltaC10: deltaC10)
    }

    /// dB/dq^2 in the SM.
    public var standardModel: Double { form.constant }
}
