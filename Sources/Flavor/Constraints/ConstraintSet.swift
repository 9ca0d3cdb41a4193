import DataFiles
import Foundation
import Numerics

/// The constraints of paper sections 4 and 6 that darkz computes, each a named prediction judged
/// against its entry of data/constraints.csv (docs/validation.md says where each stands).
public struct ConstraintSet: Sendable {
    /// A constraint: its prediction at a parameter point (nil where it does not apply) with an
    /// optional theory error, and how the prediction is judged.
    public struct Constraint: Sendable {
        public let name: String
        public let summary: String
        let predict: @Sendable (DarkBosonPoint) -> (value: Double, theoryError: Double)?
        /// Judges the prediction; the default uses the form of data/constraints.csv.
        let judge: (@Sendable (Double, Double, Double) -> ConstraintResult)?
    }

    public let constraints: [Constraint]
    public let data: ConstraintData

    public var names: [String] { constraints.map(\.name) }

    public init(model: DarkBosonModel, onShell: OnShellProduction, data: ConstraintData) throws {
        self.data = data
        let inputs = model.inputs
        let mixing = try MesonMixing(inputs: inputs)
        let mBs = try inputs.value("m_Bs")
        let bsMuMuSM = try inputs.value("BR_Bs_mumu_SM"), bsMuMuSMError = try inputs.value("BR_Bs_mumu_SM_error")
        let c10SM = try StandardModelWilsonCoefficients(
            contentsOf: DataDirectory.path(of: StandardModelWilsonCoefficients.fileName), scale: inputs.value("mu_bsll")).c10
        let kNuNuSM = try inputs.value("BR_Bplus_Kplus_nunu_SM"), kStarNuNuSM = try inputs.value("BR_B0_Kstar0_nunu_SM")
        let gF = inputs.fermiConstant, mW = inputs.massW
        let kaons = try KaonToPionProduction(inputs: inputs)
        let apv = try AtomicParityViolation.standard()
        let kaonRadiative = try RadiativeLeptonicDecay(.kaon, inputs: inputs)
        @Sendable func weakChargeJudge(_ target: WeakChargeTarget, _ name: String) -> @Sendable (Double, Double, Double) -> ConstraintResult {
            { prediction, _, cl in
                let m = apv.measurement(target)
                let pull = m.pull(prediction)
                return ConstraintResult(name: name, applies: true, prediction: prediction, bound: m.value, kind: "measurement",
                                        chi2: pull * pull, pull: pull, excluded: abs(pull) > ConstraintForm.twoSidedZ(cl), cl: cl)
            }
        }
        let kPiNuNuSM = try inputs.value("BR_Kplus_piplus_nunu_SM"), kPiNuNuSMError = try inputs.value("BR_Kplus_piplus_nunu_SM_error")
        let kLPiNuNuSM = try inputs.value("BR_KL_pi0_nunu_SM")
        let lhcb = try data.entry("lhcb-dark-photon")
        let belle2 = try data.entry("belle2-invisible")
        let e = inputs.electricCharge
        let scattering = try NeutrinoScatteringInputs.standard()
        let tridentCCFR = try NeutrinoTrident(file: "trident_ccfr.csv", inputs: inputs)
        let tridentCHARM2 = try NeutrinoTrident(file: "trident_charm2.csv", inputs: inputs)
        let coherent = try CoherentScattering(inputs: inputs, scattering: scattering)

        @Sendable func invisible(_ w: DarkBosonWidths) -> Double { w.branchingFraction(w.neutrinos + w.extraInvisible) }

        constraints = [
            Constraint(name: "bs-mixing", summary: "B_s mixing, Delta_mix = Delta M^NP/Delta M^SM (eqs. 4.1-4.6)",
                       predict: { pt in (mixing.deltaMix(mZD: pt.parameters.mZD, epsilonZ: pt.parameters.epsilonZ), 0) },
                       judge: nil),
            Constraint(name: "delta-mk", summary: "Kaon mixing, Delta M_K^NP in GeV (eqs. 4.23-4.25)",
                       predict: { pt in (mixing.deltaMK(mZD: pt.parameters.mZD, epsilonZ: pt.parameters.epsilonZ), 0) },
                       judge: nil),
            Constraint(name: "bs-mumu", summary: "B(B_s -> mu mu), SM x |C10 + delta C10(M_Bs^2)|^2/|C10|^2 (eqs. 4.7-4.9)",
                       predict: { pt in
                           let dC10 = pt.wilsonCoefficients(q2: mBs * mBs, lepton: .muon).c10
                           let ratio = (Complex(c10SM, 0) + dC10).lengthSquared / (c10SM * c10SM)
                           return (bsMuMuSM * ratio, bsMuMuSMError * ratio)
                       }, judge: nil),
            Constraint(name: "b-k-nunu-limit", summary: "B(B+ -> K+ nu nu): SM + B(B+ -> K+ Z_D) B(Z_D -> invisible) (eqs. 4.10, 4.14, 4.16)",
                       predict: { pt in (kNuNuSM + onShell.branchingFraction(.bPlusToKPlus, point: pt) * invisible(pt.widths), 0) },
                       judge: nil),
            Constraint(name: "b-k-nunu-average", summary: "the same against the weighted average (eq. 4.17)",
                       predict: { pt in (kNuNuSM + onShell.branchingFraction(.bPlusToKPlus, point: pt) * invisible(pt.widths), 0) },
                       judge: nil),
            Constraint(name: "b-kstar-nunu-limit", summary: "B(B0 -> K*0 nu nu): SM + B(B0 -> K*0 Z_D) B(Z_D -> invisible) (eqs. 4.11-4.15, 4.18)",
                       predict: { pt in (kStarNuNuSM + onShell.branchingFraction(.bZeroToKStarZero, point: pt) * invisible(pt.widths), 0) },
                       judge: nil),
            Constraint(name: "k-pi-nunu", summary: "B(K+ -> pi+ nu nu): SM + B(K+ -> pi+ Z_D) B(Z_D -> invisible) (eqs. 4.19, 4.21, app. A)",
                       predict: { pt in (kPiNuNuSM + kaons.chargedBranchingFraction(pt.parameters) * invisible(pt.widths), kPiNuNuSMError) },
                       judge: nil),
            Constraint(name: "kl-pi0-nunu-limit", summary: "B(K_L -> pi0 nu nu): SM + B(K_L -> pi0 Z_D) B(Z_D -> invisible) (eqs. 4.20, 4.22, app. A)",
                       predict: { pt in (kLPiNuNuSM + kaons.neutralBranchingFraction(pt.parameters) * invisible(pt.widths), 0) },
                       judge: nil),
            Constraint(name: "apv-proton", summary: "proton weak charge Q_W^p with the Z_D (eqs. 4.33-4.38)",
                       predict: { pt in (apv.weakCharge(.proton, pt.parameters), 0) },
                       judge: weakChargeJudge(.proton, "apv-proton")),
            Constraint(name: "apv-cesium", summary: "133Cs weak charge with the Z_D (eqs. 4.33-4.38, cesium f(M) of data/apv_cesium_form_factor.dat)",
                       predict: { pt in (apv.weakCharge(.cesium133, pt.parameters), 0) },
                       judge: weakChargeJudge(.cesium133, "apv-cesium")),
            Constraint(name: "k-mu-invisible", summary: "B(K+ -> mu+ nu Z_D) B(Z_D -> invisible) against NA62 (eqs. 4.26-4.31)",
                       predict: { pt in (kaonRadiative.rates(pt).invisibleBranchingFraction, 0) },
                       judge: nil),
            Constraint(name: "k-mu-nu-ee", summary: "B(K+ -> mu+ nu Z_D) B(Z_D -> e e) for M_ZD > 145 MeV within the K+ -> mu+ nu e+ e- measurement (eq. 4.32)",
                       predict: { pt in
                           guard pt.parameters.mZD > 0.145 else { return nil }
                           return (kaonRadiative.rates(pt).electronBranchingFraction, 0)
                       }, judge: nil),
            Constraint(name: "w-width", summary: "Gamma(W -> l nu Z_D) summed over l = e, mu, tau, in GeV, against the W width (eqs. 4.40, 4.42, 5.4)",
                       predict: { pt in
                           // Z_D couples to the left-handed lepton of the W vertex with v - a (docs/physics.md §1).
                           var tauLike = pt.parameters
                           tauLike.modelCase = .A
                           tauLike.gMu = 0
                           let tau = DarkBosonCouplings(tauLike, inputs: inputs).muon
                           let c = pt.couplings
                           let sum = [c.electron, c.muon, tau].reduce(0.0) { $0 + pow($1.vector - $1.axial, 2) }
                           let m = pt.parameters.mZD
                           let width = sum * gF * pow(mW, 5) / (512 * 2.0.squareRoot() * pow(Double.pi, 3) * m * m)
                           // The total width counts W -> l nu Z_D whatever Z_D decays to (docs/validation.md).
                           return (width, 0)
                       }, judge: nil),
            Constraint(name: "lhcb-dark-photon", summary: "LHCb prompt A' -> mu mu: effective eps (case A: eps; B, C: sqrt(eps g_mu / e)) against the 90% CL curve (sec. 4.9)",
                       predict: { pt in
                           let p = pt.parameters
                           let eff = p.modelCase == .A ? abs(p.epsilon) : (abs(p.epsilon * p.gMu) / e).squareRoot()
                           return (eff, 0)
                       },
                       // DarkCast marks vetoed mass windows with 1e5; no limit there.
                       judge: Self.couplingLimitJudge("lhcb-dark-photon", lhcb, vetoAbove: 0.1)),
            Constraint(name: "belle2-invisible", summary: "Belle II e+e- -> mu mu Z_D, Z_D -> invisible: sqrt((v_mu^2 + a_mu^2) B(inv)) against the 90% CL g' curve (sec. 4.9, ref. [70])",
                       predict: { pt in
                           let mu = pt.couplings.muon
                           return (((mu.vector * mu.vector + mu.axial * mu.axial) * invisible(pt.widths)).squareRoot(), 0)
                       },
                       judge: Self.couplingLimitJudge("belle2-invisible", belle2, vetoAbove: .infinity)),
            Constraint(name: "g-2", summary: "muon g-2, a_mu^NP against Delta a_mu (eqs. 6.1-6.3)",
                       predict: { pt in (MuonAnomalousMoment.value(pt.parameters, inputs: inputs), 0) },
                       judge: nil),
            Constraint(name: "trident-ccfr", summary: "neutrino trident sigma/sigma_SM at CCFR, Z_D exchange with its nu_L and muon couplings (eq. 4.39, docs/neutrino.md)",
                       predict: { pt in tridentCCFR.ratio(pt).map { ($0, 0) } },
                       judge: nil),
            Constraint(name: "trident-charm2", summary: "neutrino trident sigma/sigma_SM at CHARM-II (eq. 4.39, docs/neutrino.md)",
                       predict: { pt in tridentCHARM2.ratio(pt).map { ($0, 0) } },
                       judge: nil),
            Constraint(name: "coherent", summary: "CEvNS events/SM events at COHERENT CsI 2017, Z_D in the weak charge (sec. 4.8, docs/neutrino.md)",
                       predict: { pt in (coherent.ratio(pt), 0) },
                       judge: nil),
        ]
        for c in constraints { _ = try data.entry(c.name) }
    }

    /// Judges an effective coupling against a limit curve on that coupling: the signal grows as the
    /// coupling squared, so the half-Gaussian of `ConstraintForm` is applied to the squares. Outside the
    /// curve's mass range, or where the curve reaches `vetoAbove`, the constraint does not apply.
    static func couplingLimitJudge(_ name: String, _ entry: ConstraintData.Entry, vetoAbove veto: Double)
        -> @Sendable (Double, Double, Double) -> ConstraintResult {
        { coupling, mass, cl in
            guard case let .limitCurve(curve) = entry.form, mass >= curve.x.first!, mass <= curve.x.last!,
                  curve(mass) < veto else {
                return .notApplicable(name, kind: "upper limit", cl: cl)
            }
            let limit = curve(mass)
            let judged = ConstraintForm.judgeLimit(coupling * coupling, limit: limit * limit, cl: cl)
            return ConstraintResult(name: name, applies: true, prediction: coupling, bound: limit, kind: "upper limit",
                                    chi2: judged.chi2, pull: judged.pull, excluded: judged.excluded, cl: cl)
        }
    }

    public static func standard(model: DarkBosonModel, onShell: OnShellProduction) throws -> ConstraintSet {
        try ConstraintSet(model: model, onShell: onShell, data: .standard())
    }

    /// Names from a list such as "all", "none" or "apv,bs-mixing"; unknown names are an error that
    /// lists the known ones.
    public func select(_ list: String) throws -> [String] {
        let trimmed = list.trimmingCharacters(in: .whitespaces)
        if trimmed == "all" { return names }
        if trimmed == "none" || trimmed.isEmpty { return [] }
        let wanted = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in wanted where !names.contains(name) {
            throw DataFileError(file: "--constraints", message: "unknown constraint '\(name)'; known: \(names.joined(separator: ", ")), or all, none")
        }
        return wanted
    }

    /// Every constraint (or the named ones) judged at a point.
    public func evaluate(_ point: DarkBosonPoint, names selected: [String]? = nil) -> [ConstraintResult] {
        constraints.filter { selected?.contains($0.name) ?? true }.map { c in
            let entry = data.entries[c.name]!
            guard let prediction = c.predict(point), prediction.value.isFinite else {
                return .notApplicable(c.name, kind: entry.kind, cl: entry.cl)
            }
            if let judge = c.judge { return judge(prediction.value, point.parameters.mZD, entry.cl) }
            guard let judged = entry.form.judge(prediction.value, theoryError: prediction.theoryError,
                                                mass: point.parameters.mZD, cl: entry.cl) else {
                return .notApplicable(c.name, kind: entry.kind, cl: entry.cl)
            }
            return ConstraintResult(name: c.name, applies: true, prediction: prediction.value, bound: judged.bound,
                                    kind: entry.kind, chi2: judged.chi2, pull: judged.pull,
                                    excluded: judged.excluded, cl: entry.cl)
        }
    }
}
