/// Gamma(P+ -> mu+ nu Z_D) over every muon energy, tabulated once in M_ZD (docs/physics.md §9). The width is
/// exactly the quadratic form
///   Gamma = W_L(M) g_L^2 + W_R(M) g_R^2 + W_LR(M) g_L g_R
/// of `widthTerms`: the couplings multiply the squared amplitude, the integral over the Dalitz region depends
/// on M alone. The table holds w_k(M) = W_k(M) M^2 / delta^(7/2), delta = 1 - M/(m_P - m_mu): M^2 removes the
/// longitudinal 1/M^2 (w_k tends to a constant, or to zero for W_LR, as M -> 0), and at the threshold every
/// W_k opens as delta^(7/2) times a series in delta (three-body phase space with two slow massive particles
/// and a massless neutrino, delta^(5/2), times |M|^2 ∝ E_nu ∝ delta), so w_k is analytic in s = sqrt(delta)
/// and `MassTable` interpolates it there. Below `lower` (1 MeV) the width is integrated directly.
public final class RadiativeWidthTable: Sendable {
    public let decay: RadiativeLeptonicDecay
    public let table: MassTable

    /// Tabulates `decay`'s width terms from `lower` (GeV) to its threshold m_P - m_mu.
    public init(_ decay: RadiativeLeptonicDecay, lower: Double = 1e-3) {
        self.decay = decay
        let threshold = decay.massThreshold
        table = MassTable(lower: lower, upper: threshold, threshold: threshold, components: 3) { M in
            guard M < threshold else { return [0, 0, 0] }
            let w = decay.widthTerms(mass: M), scale = M * M / Self.thresholdFactor(M / threshold)
            return [w.left * scale, w.right * scale, w.interference * scale]
        }
    }

    /// delta^(7/2), delta = 1 - x.
    static func thresholdFactor(_ x: Double) -> Double {
        let delta = max(0, 1 - x)
        return delta * delta * delta * delta.squareRoot()
    }

    /// The width terms at M (GeV): from the table between `lower` and the threshold, `widthTerms` below.
    public func widthTerms(mass M: Double) -> ChiralQuadraticForm {
        guard M < decay.massThreshold else { return .zero }
        guard let w = table(M) else { return decay.widthTerms(mass: M) }
        let scale = Self.thresholdFactor(M / decay.massThreshold) / (M * M)
        return ChiralQuadraticForm(left: w[0] * scale, right: w[1] * scale, interference: w[2] * scale)
    }

    /// `RadiativeLeptonicDecay.rates` over every muon energy with the tabulated width.
    public func rates(_ point: DarkBosonPoint, emission: RadiativeEmission = .nonConserved) -> RadiativeDarkBosonRates {
        let w = widthTerms(mass: point.parameters.mZD).value(decay.muonCoupling(point, emission: emission))
        return RadiativeDarkBosonRates(width: w, branchingFraction: w / decay.totalWidth, ratioToTwoBody: w / decay.twoBodyWidth,
                                       invisibleFraction: point.widths.branchingFraction(point.widths.invisible),
                                       electronFraction: point.widths.branchingFraction(point.widths.electrons))
    }
}
