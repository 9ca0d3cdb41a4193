import Numerics

/// B(H1 -> H2 Z_D) of one exclusive mode tabulated once in M_ZD times its exact coupling dependence
/// (docs/physics.md §9). Every width is |F(M^2)|^2 times a function of M alone (the vertex F
/// of the couplings eps, eps_Z enters only as an overall factor, `TwoBodyProductionWidths`), so
///   B = |F(M^2)|^2 G(M),   G = `OnShellExclusiveChannel.branchingFraction` at F = 1.
/// The table holds G(M) M^2 / delta^p, delta = 1 - M/(m_1 - m_2): M^2 removes the longitudinal 1/M^2, and
/// the width opens as lambda^(3/2) ∝ delta^(3/2) for B -> P and as lambda^(1/2) for B -> V (whose
/// helicity amplitudes stay finite at the endpoint, h_0 through A12), times functions analytic there
/// (the form factors' poles and cuts lie above (m_1 - m_2)^2). From `lower` (0.1 MeV) to the threshold;
/// below `lower` the width is computed directly.
public final class OnShellProductionTable: Sendable {
    public let decay: SemileptonicDecay
    public let channel: OnShellExclusiveChannel
    public let table: MassTable
    /// m_1 - m_2 and p.
    let threshold: Double, power: Double

    public init(_ decay: SemileptonicDecay, production: OnShellProduction, lower: Double = 1e-4) {
        precondition(!decay.isInclusive, "the table is for exclusive modes")
        let channel = production.exclusiveChannels[decay]!
        self.decay = decay
        self.channel = channel
        let threshold = channel.initialMass - channel.finalMass
        let power: Double
        switch channel.hadronic {
        case .pseudoscalar: power = 1.5
        case .vector: power = 0.5
        }
        self.threshold = threshold
        self.power = power
        table = MassTable(lower: lower, upper: threshold, threshold: threshold, components: 1) { M in
            guard M < threshold else { return [0] }
            return [channel.branchingFraction(mass: M, vertex: Complex(1, 0)) * M * M / Self.factor(M / threshold, power)]
        }
    }

    /// delta^p, delta = 1 - x.
    static func factor(_ x: Double, _ p: Double) -> Double {
        let delta = max(0, 1 - x)
        return p == 1.5 ? delta * delta.squareRoot() : delta.squareRoot()
    }

    /// B(H1 -> H2 Z_D) at mass M (GeV) and vertex F(M^2): the table inside it, the width directly below.
    public func branchingFraction(mass M: Double, vertex: Complex<Double>) -> Double {
        guard M > 0, M < threshold else { return 0 }
        guard let g = table(M) else { return channel.branchingFraction(mass: M, vertex: vertex) }
        return vertex.lengthSquared * g[0] * Self.factor(M / threshold, power) / (M * M)
    }

    /// The same at a parameter point (F from its eps, eps_Z), as `OnShellProduction.branchingFraction(_:point:)`.
    public func branchingFraction(_ point: DarkBosonPoint) -> Double {
        let M = point.parameters.mZD
        return branchingFraction(mass: M, vertex: point.bToSVertex(q2: M * M))
    }
}
