/// LHCb's prompt A' -> mu mu limit (arXiv:1910.06926) recast to the Z_D as DarkCast recasts it
/// (Ilten, Soreq, Williams, Xue, arXiv:1801.04847 eq. 2.2): a Z_D is excluded where its production
/// times B(Z_D -> mu mu) times prompt efficiency exceeds a dark photon's at the limit eps_lim(m),
///   eps_eff^2 = [sigma_ZD / sigma_A'(1)] [B_ZD(mu mu) / B_A'(mu mu)] [eff(Gamma_ZD) / eff(Gamma_A'(eps_lim))],
/// judged against DarkCast's 90% CL curve eps_lim(m) as `CouplingLimitConstraint` judges it (half-Gaussian
/// on the squares, vetoed windows do not apply). The production ratio is `DarkCastProduction` with
/// DarkCast's LHCb table (meson decays, vector-meson mixing, Drell-Yan); both widths come from
/// `DarkBosonDecayModel`'s formulas. For a dark photon eps_eff = eps wherever both are prompt, and
/// eps_eff = eps_lim exactly at the curve. docs/physics.md §8. The paper's rule
/// (case A: eps, B and C: sqrt(eps g_mu / e)) is the alternative `lhcb-dark-photon-paper`.
public struct DarkPhotonRecastConstraint: Constraint {
    public let name = "lhcb-dark-photon"
    public var summary: String {
        "LHCb prompt A' -> mu mu recast as in DarkCast: eps_eff^2 = production x B(mu mu) x prompt efficiency relative to a dark photon at the 90% CL curve (sec. 4.9; arXiv:1801.04847)"
    }

    public let production: DarkCastProduction
    public let efficiency: PromptEfficiency
    let decays: DarkBosonDecayModel
    let electricCharge: Double

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [DarkPhotonRecastConstraint] {
        let e = model.inputs.electricCharge
        return [DarkPhotonRecastConstraint(production: try .lhcbPrompt(electricCharge: e),
                                           efficiency: try .lhcbPrompt(inputs: model.inputs),
                                           decays: model.decays, electricCharge: e)]
    }

    /// Gamma(A' -> mu mu) and the total width of a dark photon of unit mixing at mass m, with the
    /// formulas of `DarkBosonDecayModel` (e+e-, mu+mu-, hadrons from DarkCast's VMD tables).
    public func darkPhotonWidths(mass m: Double) -> (muons: Double, total: Double) {
        let e = electricCharge, inputs = decays.inputs, lepton = ChiralCoupling(vector: -e, axial: 0)
        let electrons = DarkBosonWidths.fermionPair(mass: m, fermionMass: inputs.massElectron, coupling: lepton)
        let muons = DarkBosonWidths.fermionPair(mass: m, fermionMass: inputs.massMuon, coupling: lepton)
        let hadrons = decays.vmd.width(mass: m, up: 2 * e / 3, down: -e / 3, strange: -e / 3)
        return (muons, electrons + muons + hadrons)
    }

    /// The factors of eps_eff^2 that the point fixes: production ratio, branching-ratio ratio and the
    /// Z_D's prompt efficiency (the dark photon's efficiency at the limit is applied in `judge`).
    public struct Factors: Sendable, Equatable {
        public var production, branchingRatio, efficiency: Double
        public var product: Double { production * branchingRatio * efficiency }
    }

    public func factors(at point: DarkBosonPoint) -> Factors? {
        factors(at: point, reference: darkPhotonWidths(mass: point.parameters.mZD))
    }

    func factors(at point: DarkBosonPoint, reference: (muons: Double, total: Double)) -> Factors? {
        let m = point.parameters.mZD
        guard reference.muons > 0 else { return nil }
        let w = point.widths
        return Factors(production: production.ratio(mass: m, couplings: QuarkCurrent(point.couplings)),
                       branchingRatio: w.branchingFraction(w.muons) / (reference.muons / reference.total),
                       efficiency: efficiency(mass: m, width: w.total))
    }

    /// sqrt(production x branching ratio x efficiency), before the dark photon's efficiency at the limit.
    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        factors(at: point).map { ConstraintPrediction($0.product.squareRoot()) }
    }

    /// Where the curve reaches this value there is no limit: DarkCast marks LHCb's vetoed mass windows
    /// with 1e5.
    static let vetoAbove = 0.1

    /// The dark photon's prompt efficiency at the limit eps_lim at mass m.
    public func darkPhotonEfficiency(mass m: Double, limit: Double) -> Double {
        darkPhotonEfficiency(mass: m, limit: limit, totalWidth: darkPhotonWidths(mass: m).total)
    }

    func darkPhotonEfficiency(mass m: Double, limit: Double, totalWidth: Double) -> Double {
        efficiency(mass: m, width: limit * limit * totalWidth)
    }

    /// The curve's limit at `mass`, nil outside its range or in a vetoed window.
    func limit(mass: Double, entry: ConstraintData.Entry) -> Double? {
        guard case let .limitCurve(curve) = entry.form, mass >= curve.x.first!, mass <= curve.x.last! else { return nil }
        let limit = curve(mass)
        return limit < Self.vetoAbove ? limit : nil
    }

    /// `judge`'s chi^2 with the dark photon's widths computed once for prediction and reference efficiency.
    public func likelihoodChiSquare(at point: DarkBosonPoint, entry: ConstraintData.Entry) -> Double {
        let m = point.parameters.mZD, widths = darkPhotonWidths(mass: m)
        guard let f = factors(at: point, reference: widths), let limit = limit(mass: m, entry: entry) else { return 0 }
        let prediction = f.product.squareRoot(), reference = darkPhotonEfficiency(mass: m, limit: limit, totalWidth: widths.total)
        guard prediction.isFinite, reference > 0 else { return 0 }
        let coupling = prediction / reference.squareRoot()
        return ConstraintForm.limitChiSquare(coupling * coupling, limit: limit * limit, oneSidedZ: entry.oneSidedZ)
    }

    public func chiSquare(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> Double {
        judge(prediction, mass: mass, entry: entry).chi2
    }

    public func judge(_ prediction: ConstraintPrediction, mass: Double, entry: ConstraintData.Entry) -> ConstraintResult {
        guard let limit = limit(mass: mass, entry: entry) else { return .notApplicable(name, kind: entry.kind, cl: entry.cl) }
        let reference = darkPhotonEfficiency(mass: mass, limit: limit)
        guard reference > 0 else { return .notApplicable(name, kind: entry.kind, cl: entry.cl) }
        let coupling = prediction.value / reference.squareRoot()
        let judged = ConstraintForm.judgeLimit(coupling * coupling, limit: limit * limit, cl: entry.cl)
        return ConstraintResult(name: name, applies: true, prediction: coupling, bound: limit, kind: entry.kind,
                                chi2: judged.chi2, pull: judged.pull, excluded: judged.excluded, cl: entry.cl)
    }
}
