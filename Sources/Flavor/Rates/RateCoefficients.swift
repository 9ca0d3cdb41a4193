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
/// and delta C10P (added to C9, C10 of the row's lepton and to the C10P of the timelike amplitude; C7
/// stays at its SM value). `form` holds the (delta C9, delta C10) dependence with the timelike amplitude
/// at its SM value, `timelike` the delta C10P dependence (docs/physics.md §2). Built once per q^2 node
/// by `SemileptonicRates.coefficients`, evaluated per parameter point in a few multiply-adds.
public struct RateCoefficients: Sendable, Equatable {
    public let q2: Double
    public let form: ShiftQuadraticForm
    public let timelike: TimelikeQuadraticForm

    public init(q2: Double, form: ShiftQuadraticForm, timelike: TimelikeQuadraticForm = .zero) {
        self.q2 = q2
        self.form = form
        self.timelike = timelike
    }

    /// The coefficients of a rate function of (dC9, dC10) and dC10P in real variables, known to be a
    /// quadratic form in the first plus one in the second (`TimelikeQuadraticForm`).
    init(q2: Double, rate: (SIMD4<Double>, SIMD2<Double>) -> Double) {
        let standardModel = rate(.zero, .zero)
        self.init(q2: q2, form: .fitting { rate($0, .zero) },
                  timelike: .fitting { rate(.zero, $0) - standardModel })
    }

    /// dB/dq^2 (GeV^-2) with the shifts; `deltaC10Timelike` nil means the shift of an operator
    /// (s-bar gamma P_L b)(l-bar gamma gamma5 l), which moves C10P with C10.
    @inlinable
    public func dBdq2(deltaC9: Complex<Double>, deltaC10: Complex<Double>, deltaC10Timelike: Complex<Double>? = nil) -> Double {
        form.value(deltaC9: deltaC9, deltaC10: deltaC10) + timelike.value(deltaC10Timelike ?? deltaC10)
    }

    /// dB/dq^2 in the SM.
    public var standardModel: Double { form.constant }
}
