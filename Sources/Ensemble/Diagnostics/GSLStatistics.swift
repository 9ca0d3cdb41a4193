import CGSL

/// Thin wrappers over GSL's sorting and descriptive statistics (gsl_sort, gsl_stats_*), shared
/// by the diagnostics so no file sorts or averages by hand.
extension Array where Element == Double {
    /// Arithmetic mean (gsl_stats_mean); NaN for an empty array.
    var gslMean: Double {
        isEmpty ? .nan : withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, count) }
    }

    /// Sample variance with n - 1 in the denominator (gsl_stats_variance), as numpy's
    /// `var(ddof=1)`; NaN for fewer than two values.
    var gslSampleVariance: Double {
        count < 2 ? .nan : withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, count) }
    }

    /// An ascending copy (gsl_sort).
    var gslSorted: [Double] {
        var copy = self
        copy.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return copy
    }

    /// Median as numpy's `median` (mean of the two middle values for an even count), via
    /// gsl_stats_median_from_sorted_data.
    var gslMedian: Double {
        if isEmpty { return .nan }
        return gslSorted.withUnsafeBufferPointer { gsl_stats_median_from_sorted_data($0.baseAddress, 1, count) }
    }

    /// Indices that sort the array ascending (gsl_sort_index).
    var gslSortIndex: [Int] {
        var order = [Int](repeating: 0, count: count)
        order.withUnsafeMutableBufferPointer { p in
            withUnsafeBufferPointer { gsl_sort_index(p.baseAddress, $0.baseAddress, 1, count) }
        }
        return order
    }
}
