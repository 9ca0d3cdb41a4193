/// Collider limit curves on an effective Z_D coupling (sec. 4.9): LHCb's prompt A' -> mu mu on the
/// effective kinetic mixing by the paper's rule (case A: eps; B, C: sqrt(eps g_mu / e)), kept as
/// `lhcb-dark-photon-paper`, the documented alternative to DarkCast's recast `lhcb-dark-photon`
/// (`DarkPhotonRecastConstraint`, docs/physics.md §8), and Belle II's
/// e+ e- -> mu mu Z_D, Z_D -> invisible on g_eff = sqrt((v_mu^2 + a_mu^2) B(Z_D -> invisible))
/// (paper ref. [70]). Both rows of data/constraints.csv are 90% CL `limit_curve`s.
public struct CouplingLimitConstraint: Constraint {
    public enum Search: String, Sendable, CaseIterable {
        case lhcbDarkPhotonPaper = "lhcb-dark-photon-paper", belle2Invisible = "belle2-invisible"
    }

    public let search: Search
    let electricCharge: Double

    public var name: String { search.rawValue }

    public var summary: String {
        switch search {
        case .lhcbDarkPhotonPaper:
            return "LHCb prompt A' -> mu mu by the paper's rule: effective eps (case A: eps; B, C: sqrt(eps g_mu / e)) against the 90% CL curve (sec. 4.9; alternative to lhcb-dark-photon)"
        case .belle2Invisible:
            return "Belle II e+e- -> mu mu Z_D, Z_D -> invisible: sqrt((v_mu^2 + a_mu^2) B(inv)) against the 90% CL g' curve (sec. 4.9, ref. [70])"
        }
    }

    /// Where the curve reaches this value there is no limit: DarkCast marks LHCb's vetoed mass windows
    /// with 1e5.
    var vetoAbove: Double {
        switch search {
        case .lhcbDarkPhotonPaper: return 0.1
        case .belle2Invisible: return .infinity
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [CouplingLimitConstraint] {
        Search.allCases.map { CouplingLimitConstraint(search: $0, electricCharge: model.inputs.electricCharge) }
    }

    /// The effective coupling the search limits.
    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        switch search {
        case .lhcbDarkPhotonPaper:
            let p = point.parameters
            return ConstraintPrediction(p.modelCase == .A ? abs(p.epsilon) : (abs(p.epsilon * p.gMu) / electricCharge).squareRoot())
        case .belle2Invisible:
            let mu = point.couplings.muon, w = point.widths
            return ConstraintPrediction(((mu.vector * mu.vector + mu.axial * mu.axial) * w.branchingFraction(w.invisible)).squareRoot())
        }
    }

    /// The curve's limit at `mass`, nil outside its range or in a vetoed window.
    func limit(mass: Double, entry: ConstraintData.Entry) -> Double? {
        guard case let .limitCurve(curve) = entry.form, mass >= curve.x.first!, mass <= curve.x.last! else { return nil }
        let limit = curve(mass)
        return limit < vetoAbove ? limit : nil
    }

    public func chiSquare(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> Double {
        guard let limit = limit(mass: mass, entry: entry) else { return 0 }
        return ConstraintForm.limitChiSquare(prediction.value * prediction.value, limit: limit * limit, oneSidedZ: entry.oneSidedZ)
    }

    /// The signal grows as the coupling squared, so the half-Gaussian of `ConstraintForm` is applied to
    /// the squares. Outside the curve's mass range, or where the curve reaches `vetoAbove`, the
    /// constraint does not apply.
    public func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult {
        guard let limit = limit(mass: mass, entry: entry) else { return .notApplicable(name, kind: entry.kind, cl: entry.cl) }
        let coupling = prediction.value
        let judged = ConstraintForm.judgeLimit(coupling * coupling, limit: limit * limit, cl: entry.cl)
        return ConstraintResult(name: name, applies: true, prediction: coupling, bound: limit, kind: entry.kind,
                                chi2: judged.chi2, pull: judged.pull, excluded: judged.excluded, cl: entry.cl)
    }
}
