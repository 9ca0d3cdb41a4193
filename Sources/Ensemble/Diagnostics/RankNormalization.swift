import CGSL

/// Rank normalisation and folding of Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021),
/// "Rank-normalization, folding, and localization: an improved R-hat", Bayesian Analysis 16(2),
/// as ArviZ 0.23.4 implements them (`_z_scale`, `_backtransform_ranks`, folding in `_rhat_rank`).
extension DrawMatrix {
    /// Ranks pooled over all chains and draws, z-transformed: r ↦ Φ⁻¹((r - 3/8) / (S + 1/4)) with
    /// average ranks for ties (scipy `rankdata(method="average")`), S the number of values, the
    /// fractional offset 3/8 of Blom (1958), and Φ⁻¹ from gsl_cdf_ugaussian_Pinv.
    func zScaled() -> DrawMatrix {
        let c = 3.0 / 8.0
        let size = Double(values.count)
        return DrawMatrix(nChains: nChains, nDraws: nDraws,
                          values: averageRanks(values).map { gsl_cdf_ugaussian_Pinv(($0 - c) / (size - 2 * c + 1)) })
    }

    /// |x - median| with the median pooled over all values, the folding that makes R-hat see
    /// differences in scale (the "tail" R-hat).
    func folded() -> DrawMatrix {
        let median = values.gslMedian
        return map { abs($0 - median) }
    }
}

/// 1-based ranks, tied values sharing the average of their ranks (scipy's `rankdata` "average").
func averageRanks(_ x: [Double]) -> [Double] {
    let order = x.gslSortIndex
    var ranks = [Double](repeating: 0, count: x.count)
    var start = 0
    while start < order.count {
        var end = start + 1
        while end < order.count && x[order[end]] == x[order[start]] { end += 1 }
        // Positions start..<end hold ranks start+1 ... end; their average:
        let rank = Double(start + 1 + end) / 2
        for i in start..<end { ranks[order[i]] = rank }
        start = end
    }
    return ranks
}
