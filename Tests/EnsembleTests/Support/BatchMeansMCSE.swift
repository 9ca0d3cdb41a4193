/// Test-only Monte Carlo standard errors by batch means, standing in for the ArviZ-exact MCSE
/// of the diagnostics branch (replace on merge).
///
/// A series of length n is cut into `batches` consecutive batches of equal length (the
/// remainder at the start is dropped); the MCSE of the mean is the standard deviation of the
/// batch means over √batches. Valid when a batch is much longer than the autocorrelation time.
/// For a flattened ensemble chain (step-major), batches span whole steps of all walkers.
enum BatchMeansMCSE {
    /// MCSE of the mean of `series`.
    static func ofMean(_ series: [Double], batches: Int = 20) -> Double {
        precondition(batches >= 2 && series.count >= batches, "need at least one value per batch")
        let length = series.count / batches
        let start = series.count - length * batches
        var means = [Double]()
        means.reserveCapacity(batches)
        for b in 0..<batches {
            let lo = start + b * length
            means.append(series[lo..<(lo + length)].reduce(0, +) / Double(length))
        }
        let grand = means.reduce(0, +) / Double(batches)
        let spread = means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(batches - 1)
        return (spread / Double(batches)).squareRoot()
    }

    /// MCSE of the variance estimate of `series`: batch means of (x - mean)^2.
    static func ofVariance(_ series: [Double], batches: Int = 20) -> Double {
        let m = mean(series)
        return ofMean(series.map { ($0 - m) * ($0 - m) }, batches: batches)
    }

    static func mean(_ series: [Double]) -> Double { series.reduce(0, +) / Double(series.count) }

    /// Sample variance (divisor n - 1).
    static func variance(_ series: [Double]) -> Double {
        let m = mean(series)
        return series.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(series.count - 1)
    }
}
