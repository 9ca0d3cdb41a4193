import Numerics

/// A b -> s l l branching fraction integrated over a q^2 bin, as a function of the new-physics
/// shifts: the `RateCoefficients` at the nodes of a `BinQuadrature` and, for shifts constant over the
/// bin, their weighted sum (itself an exact quadratic form).
public struct BinnedRate: Sendable {
    public let channel: SemileptonicChannel
    public let quadrature: BinQuadrature
    /// The coefficients at quadrature.nodes, in order.
    public let nodes: [RateCoefficients]
    /// sum_i w_i form_i: the bin-integrated branching fraction for constant shifts.
    public let integral: ShiftQuadraticForm

    public init(channel: SemileptonicChannel, quadrature: BinQuadrature, nodes: [RateCoefficients]) {
        precondition(nodes.count == quadrature.nodes.count)
        self.channel = channel
        self.quadrature = quadrature
        self.nodes = nodes
        integral = zip(quadrature.weights, nodes).reduce(ShiftQuadraticForm.zero) { $0 + $1.0 * $1.1.form }
    }

    public var q2Min: Double { quadrature.q2Min }
    public var q2Max: Double { quadrature.q2Max }
    public var width: Double { quadrature.q2Max - quadrature.q2Min }

    /// The branching fraction in the bin for shifts constant over it.
    @inlinable
    public func branchingFraction(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> Double {
        integral.value(deltaC9: deltaC9, deltaC10: deltaC10)
    }

    /// The bin average <dB/dq^2> (GeV^-2) for constant shifts.
    public func averageDBdq2(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> Double {
        branchingFraction(deltaC9: deltaC9, deltaC10: deltaC10) / width
    }

    /// The branching fraction in the bin for shifts given at each node (arrays in node order).
    public func branchingFraction(deltaC9: [Complex<Double>], deltaC10: [Complex<Double>]) -> Double {
        precondition(deltaC9.count == nodes.count && deltaC10.count == nodes.count)
        var sum = 0.0
        for i in nodes.indices {
            sum += quadrature.weights[i] * nodes[i].dBdq2(deltaC9: deltaC9[i], deltaC10: deltaC10[i])
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
