import Inference

// Per-observable predictions (as `darkz predict`) and per-constraint results (as `darkz constraints`).

/// The number of table rows with a prediction (all rows, also those the case leaves out of the chi^2).
@_cdecl("darkz_prediction_count")
public func darkz_prediction_count(_ handle: UnsafeMutableRawPointer) -> Int { likelihood(handle).predictionCount }

/// Row `i`'s label: the observable's name and its q^2 bin in GeV^2 ("BR(B+->K+mumu) 1.1-6.0"); NULL out of range.
@_cdecl("darkz_prediction_name")
public func darkz_prediction_name(_ handle: UnsafeMutableRawPointer, _ i: Int) -> UnsafePointer<CChar>? {
    likelihood(handle).predictionNames[i]
}

/// Whether row `i` enters the likelihood's chi^2 (1) or is left out by the priors file's leptons (0).
@_cdecl("darkz_prediction_in_fit")
public func darkz_prediction_in_fit(_ handle: UnsafeMutableRawPointer, _ i: Int) -> Int32 {
    likelihood(handle).density.likelihood.rows.contains(i) ? 1 : 0
}

/// The prediction of every table row (physical units, as `darkz predict --json`'s "prediction"):
/// `n` rows of `darkz_prediction_count` values; NaN for an unphysical point.
@_cdecl("darkz_predictions")
public func darkz_predictions(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                              _ out: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    let count = lik.predictionCount
    lik.forEachPoint(x, n) { i, _, p, _ in
        let row = UnsafeMutableBufferPointer(start: out + i * count, count: count)
        guard let p else { row.update(repeating: .nan); return }
        lik.density.likelihood.predictor.predictions(p, into: row)
    }
}

/// The number of constraints `darkz_constraints` reports (the likelihood's, or all defaults when it has none).
@_cdecl("darkz_constraint_count")
public func darkz_constraint_count(_ handle: UnsafeMutableRawPointer) -> Int { likelihood(handle).constraintNames.count }

/// Constraint `i`'s name (as `darkz constraints`); NULL out of range.
@_cdecl("darkz_constraint_name")
public func darkz_constraint_name(_ handle: UnsafeMutableRawPointer, _ i: Int) -> UnsafePointer<CChar>? {
    likelihood(handle).constraintNames[i]
}

/// The fields of a constraint result per point and constraint, in this order.
let constraintFields = 7

/// Each constraint at each point as `darkz constraints --json` reports it: `n` x `count` x 7 values,
/// the fields prediction, bound, chi2, pull, cl, applies (0/1) and excluded (0/1); NaN for an unphysical point.
@_cdecl("darkz_constraints")
public func darkz_constraints(_ handle: UnsafeMutableRawPointer, _ x: UnsafePointer<Double>, _ n: Int,
                              _ out: UnsafeMutablePointer<Double>) {
    let lik = likelihood(handle)
    let count = lik.reportedConstraints.count
    let names = lik.reportedConstraints.map { lik.constraintSet.constraints[$0].name }
    lik.forEachPoint(x, n) { i, _, p, _ in
        let block = UnsafeMutableBufferPointer(start: out + i * count * constraintFields, count: count * constraintFields)
        guard let p else { block.update(repeating: .nan); return }
        let results = lik.constraintSet.evaluate(lik.darkBoson.point(p), names: names)
        for (k, r) in results.enumerated() {
            let fields = [r.prediction, r.bound, r.chi2, r.pull, r.cl, r.applies ? 1 : 0, r.excluded ? 1 : 0]
            for (f, v) in fields.enumerated() { block[k * constraintFields + f] = v }
        }
    }
}
