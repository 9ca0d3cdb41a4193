import Foundation

/// The rate's quadratic form of one channel tabulated on a grid uniform in ln q^2, for values and
/// slopes at q^2 = M_ZD^2 (the pole subtraction of `ResonantBinRate`). Linear interpolation: the
/// subtraction is an identity for any constants, so these only need to be close to the true
/// values for the remainder to be smooth.
public struct ChannelFormGrid: Sendable {
    public let channel: SemileptonicChannel
    public let q2Min: Double
    public let q2Max: Double
    public let logMin: Double
    public let step: Double
    public let forms: [ShiftQuadraticForm]

    /// Tabulates `rates` for `channel` on `points` points between q2Min and q2Max (> 0).
    public init(rates: SemileptonicRates, channel: SemileptonicChannel, q2Min: Double, q2Max: Double, points: Int = 400) {
        precondition(q2Min > 0 && q2Max > q2Min && points >= 2)
        self.channel = channel
        self.q2Min = q2Min
        self.q2Max = q2Max
        logMin = log(q2Min)
        step = (log(q2Max) - logMin) / Double(points - 1)
        forms = (0..<points).map { i in
            rates.coefficients(channel, q2: exp(log(q2Min) + Double(i) * ((log(q2Max) - log(q2Min)) / Double(points - 1)))).form
        }
    }

    public func contains(_ q2: Double) -> Bool { q2 >= q2Min && q2 <= q2Max }

    /// The form at q2 and its derivative d/dq^2 (both linear interpolation in ln q^2).
    public func form(at q2: Double) -> (value: ShiftQuadraticForm, slope: ShiftQuadraticForm) {
        let u = (log(q2) - logMin) / step
        let i = min(max(Int(u), 0), forms.count - 2)
        let t = u - Double(i)
        let lo = forms[i], hi = forms[i + 1]
        let q2Lo = exp(logMin + Double(i) * step), q2Hi = exp(logMin + Double(i + 1) * step)
        let value = (1 - t) * lo + t * hi
        let slope = (1 / (q2Hi - q2Lo)) * (hi + (-1) * lo)
        return (value, slope)
    }
}
