/// A measured weak charge with its 1-sigma error (eq. 4.33), and the Gaussian pull of a prediction.
///
/// darkz neglects the Standard-Model theory error: 0.0003 on Q_W^p (Qweak's quoted SM value) and
/// about 0.01 on Q_W^Cs, 7% and 2% of the experimental errors, which would change the total error by
/// less than 0.3% in quadrature (docs/parity-violation.md).
public struct WeakChargeMeasurement: Sendable, Equatable {
    public let value: Double
    public let uncertainty: Double

    public init(value: Double, uncertainty: Double) {
        self.value = value
        self.uncertainty = uncertainty
    }

    /// (prediction - measured) / sigma.
    public func pull(_ prediction: Double) -> Double {
        (prediction - value) / uncertainty
    }

    /// pull^2.
    public func chiSquare(_ prediction: Double) -> Double {
        let z = pull(prediction)
        return z * z
    }
}
