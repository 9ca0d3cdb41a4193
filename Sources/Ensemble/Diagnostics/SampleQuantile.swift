/// The quantile ArviZ uses for tail ESS: scipy's `mstats.mquantiles(x, p, alphap=1, betap=1)`
/// (Hyndman & Fan type 7, R's default). Written with scipy's own arithmetic rather than
/// gsl_stats_quantile_from_sorted_data (same definition, different rounding): the tail ESS
/// compares every draw with it through `x <= q`, so draws tied at the quantile must fall on the
/// side they fall on in ArviZ. `sorted` must be ascending.
func mquantileType7(sorted: [Double], _ p: Double) -> Double {
    let n = sorted.count
    precondition(n > 0, "quantile of no values")
    if n == 1 { return sorted[0] }
    let m = 1.0 + p * (1.0 - 1.0 - 1.0)  // alphap + p·(1 - alphap - betap)
    let aleph = Double(n) * p + m
    let k = Int(min(max(aleph, 1), Double(n - 1)).rounded(.down))
    let gamma = min(max(aleph - Double(k), 0), 1)
    return (1.0 - gamma) * sorted[k - 1] + gamma * sorted[k]
}
