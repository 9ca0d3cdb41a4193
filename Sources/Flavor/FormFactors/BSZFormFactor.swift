/// One form factor in the BSZ parametrisation (Bharucha, Straub, Zwicky, arXiv:1503.05534):
///   F(q^2) = 1 / (1 - q^2 / m_R^2) * sum_k a_k [z(q^2) - z(0)]^k,
/// a single pole at the mass m_R of the lowest resonance with the form factor's quantum numbers
/// times a series in the conformal variable of `ConformalVariable`. Central values only.
public struct BSZFormFactor: Sendable, Equatable {
    /// m_R in GeV.
    public let resonanceMass: Double
    /// a_0, a_1, ... (a_0 = F(0)).
    public let coefficients: [Double]

    public init(resonanceMass: Double, coefficients: [Double]) {
        self.resonanceMass = resonanceMass
        self.coefficients = coefficients
    }

    /// F(q^2), with `z` the transition's conformal variable.
    public func value(q2: Double, z: ConformalVariable) -> Double {
        let x = z.shifted(q2)
        var sum = 0.0, power = 1.0
        for a in coefficients {
            sum += a * power
            power *= x
        }
        return sum / (1 - q2 / (resonanceMass * resonanceMass))
    }

    /// F(0) = a_0.
    public var valueAtZero: Double { coefficients.first ?? 0 }
}
