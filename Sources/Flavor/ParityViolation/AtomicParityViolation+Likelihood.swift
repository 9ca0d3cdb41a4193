/// The Gaussian likelihood of the measured weak charges, eq. 4.33.
extension AtomicParityViolation {
    /// The measurement of `target` (eq. 4.33).
    public func measurement(_ target: WeakChargeTarget) -> WeakChargeMeasurement {
        weakChargeInputs.measurements[target]!
    }

    /// (prediction - measured) / sigma for `target` at a parameter point.
    public func pull(_ target: WeakChargeTarget, _ p: DarkBosonParameters) -> Double {
        measurement(target).pull(weakCharge(target, p))
    }

    /// The pull of the Standard-Model prediction.
    public func standardModelPull(_ target: WeakChargeTarget) -> Double {
        measurement(target).pull(standardModelWeakCharge(target))
    }

    /// chi^2 of one measurement at a parameter point.
    public func chiSquare(_ target: WeakChargeTarget, _ p: DarkBosonParameters) -> Double {
        measurement(target).chiSquare(weakCharge(target, p))
    }

    /// chi^2 of both measurements (independent Gaussians).
    public func chiSquare(_ p: DarkBosonParameters) -> Double {
        chiSquare(.proton, p) + chiSquare(.cesium133, p)
    }
}
