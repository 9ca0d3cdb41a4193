import Numerics

/// A b -> s l l branching fraction integrated over a q^2 bin, as a function of the new-physics
/// shifts: the `RateCoefficients` at the nodes of a `BinQuadrature` and, for shifts constant over the
/// bin, their weighted sum (itself an exact quadratic form).
public struct BinnedRate: Sendable {
    public let channel: SemileptonicChannel
    public let quadrature: BinQuadrature
    /// The coefficients at quadrature.nodes, in order.
    public let nodes: [RateCoefficients]
    /// sum_i w_i form_i: the bin-integrated branching fraction for constant shifts, with C10P at its SM value.
    public let integral: ShiftQuadraticForm
    /// sum_i w_i timelike_i: the bin-integrated dependence on a constant delta C10P.
    public let timelikeIntegral: TimelikeQuadraticForm

    public init(channel: SemileptonicChannel, quadrature: BinQuadrature, nodes: [RateCoefficients]) {
        precondition(nodes.count == quadrature.nodes.count)
        self.channel = channel
        self.quadrature = quadrature
        self.nodes = nodes
        integral = zip(quadrature.weights, nodes).reduce(ShiftQuadraticForm.zero) { $0 + $1.0 * $1.1.form }
        timelikeIntegral = zip(quadrature.weights, nodes).reduce(TimelikeQuadraticForm.zero) { $0 + $1.0 * $1.1.timelike }
    }

    public var q2Min: Double { quadrature.q2Min }
    public var q2Max: Double { quadrature.q2Max }
    public var width: Double { quadrature.q2Max - quadrature.q2Min }

    /// The branching fraction in the bin for shifts constant over it (a nil `deltaC10Timelike`: C10P moves
    /// with C10, as for an operator shift).
    @inlinable
    public func branchingFraction(deltaC9: Complex<Double>, deltaC10: Complex<Double>,
                                  deltaC10Timelike: Complex<Double>? = nil) -> Double {
        integral.value(deltaC9: deltaC9, deltaC10: deltaC10) + timelikeIntegral.value(deltaC10Timelike ?? deltaC10)
    }

    /// The bin average <dB/dq^2> (GeV^-2) for constant shifts.
    public func averageDBdq2(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> Double {
        branchingFraction(deltaC9: deltaC9, deltaC10: deltaC10) / width
    }

    /// The branching fraction in the bin for shifts given at each node (arrays in node order; a nil
    /// `deltaC10Timelike` moves C10P with C10).
    public func branchingFraction(deltaC9: [Complex<Double>], deltaC10: [Complex<Double>],
                                  deltaC10Timelike: [Complex<Double>]? = nil) -> Double {
        precondition(deltaC9.count == nodes.count && deltaC10.count == nodes.count)
        precondition(deltaC10Timelike.map { $0.count == nodes.count } ?? true)
        var sum = 0.0
        for i in nodes.indices {
            sum += quadrature.weights[i] * nodes[i].dBdq2(deltaC9: deltaC9[i], deltaC10: deltaC10[i],
                                                          deltaC10Timelike: deltaC10Timelike?[i])
        }
        return sum
    }

    /// The SM branching fraction in the bin.
    public var standardModel: Double { integral.constant }

    /// (SM + NP) / SM for constant shifts.
    public func ratioToStandardModel(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> Double {
        branchingFraction(deltaC9: deltaC9, deltaC10: deltaC10) / standardModel
    }
}
