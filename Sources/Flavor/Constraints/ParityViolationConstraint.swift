/// Atomic parity violation: the weak charge of the proton and of 133Cs with the Z_D (eqs. 4.33-4.38,
/// the cesium f(M) of data/apv_cesium_form_factor.dat), judged as a Gaussian against the measurements
/// of data/apv_weak_charges.csv (its row in data/constraints.csv is `external` and gives the CL).
public struct ParityViolationConstraint: Constraint {
    public let target: WeakChargeTarget
    let parityViolation: AtomicParityViolation

    public var name: String {
        switch target {
        case .proton: return "apv-proton"
        case .cesium133: return "apv-cesium"
        }
    }

    public var summary: String {
        switch target {
        case .proton: return "proton weak charge Q_W^p with the Z_D (eqs. 4.33-4.38)"
        case .cesium133: return "133Cs weak charge with the Z_D (eqs. 4.33-4.38, cesium f(M) of data/apv_cesium_form_factor.dat)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [ParityViolationConstraint] {
        let apv = try AtomicParityViolation.standard()
        return [.proton, .cesium133].map { ParityViolationConstraint(target: $0, parityViolation: apv) }
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(parityViolation.weakCharge(target, point.parameters))
    }

    public func chiSquare(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> Double {
        let pull = parityViolation.measurement(target).pull(prediction.value)
        return pull * pull
    }

    /// pull = (Q_W - Q_W^measured) / sigma; excluded when |pull| exceeds the two-sided z of the CL.
    public func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult {
        let m = parityViolation.measurement(target)
        let pull = m.pull(prediction.value)
        return ConstraintResult(name: name, applies: true, prediction: prediction.value, bound: m.value, kind: entry.kind,
                                chi2: pull * pull, pull: pull, excluded: abs(pull) > ConstraintForm.twoSidedZ(entry.cl), cl: entry.cl)
    }
}
