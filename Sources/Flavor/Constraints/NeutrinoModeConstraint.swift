/// Meson decays to a lighter meson and neutrinos: the SM rate plus the on-shell production of the
/// Z_D times B(Z_D -> invisible) (nu nu-bar and any extra invisible width):
/// B+ -> K+ (eqs. 4.10, 4.14, 4.16, 4.17), B0 -> K*0 (eqs. 4.11-4.15, 4.18), K+ -> pi+ (eqs. 4.19,
/// 4.21, app. A, the SM error as theory error) and K_L -> pi0 (eqs. 4.20, 4.22, app. A). The 2023-24
/// measurements (Belle II B+ -> K+ nu nu-bar, NA62 2016-22) are alternatives with the same predictions.
public struct NeutrinoModeConstraint: Constraint {
    public enum Observable: String, Sendable, CaseIterable {
        case bToKLimit = "b-k-nunu-limit", bToKAverage = "b-k-nunu-average"
        /// Belle II 2023 (arXiv:2311.14647), an alternative to the 2021 average.
        case bToKBelle2 = "b-k-nunu-belle2-2023"
        case bToKStarLimit = "b-kstar-nunu-limit"
        case kToPi = "k-pi-nunu"
        /// NA62 2016-22 (arXiv:2412.12015), an alternative to the 2016-18 result.
        case kToPiNA62 = "k-pi-nunu-na62-2024"
        case kLToPiLimit = "kl-pi0-nunu-limit"
    }

    public let observable: Observable
    let onShell: OnShellProduction
    let kaons: KaonToPionProduction
    /// The B -> K or B -> K* production tabulated in M_ZD (nil for the kaon modes, closed forms).
    let table: OnShellProductionTable?
    let standardModel, standardModelError: Double

    public var name: String { observable.rawValue }

    public var summary: String {
        switch observable {
        case .bToKLimit: return "B(B+ -> K+ nu nu): SM + B(B+ -> K+ Z_D) B(Z_D -> invisible) (eqs. 4.10, 4.14, 4.16)"
        case .bToKAverage: return "the same against the weighted average (eq. 4.17)"
        case .bToKBelle2: return "the same against Belle II 2023 (arXiv:2311.14647)"
        case .bToKStarLimit: return "B(B0 -> K*0 nu nu): SM + B(B0 -> K*0 Z_D) B(Z_D -> invisible) (eqs. 4.11-4.15, 4.18)"
        case .kToPi: return "B(K+ -> pi+ nu nu): SM + B(K+ -> pi+ Z_D) B(Z_D -> invisible) (eqs. 4.19, 4.21, app. A)"
        case .kToPiNA62: return "the same against NA62 2016-22 (arXiv:2412.12015)"
        case .kLToPiLimit: return "B(K_L -> pi0 nu nu): SM + B(K_L -> pi0 Z_D) B(Z_D -> invisible) (eqs. 4.20, 4.22, app. A)"
        }
    }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [NeutrinoModeConstraint] {
        let inputs = model.inputs
        let kaons = try KaonToPionProduction(inputs: inputs)
        let bToK = OnShellProductionTable(.bPlusToKPlus, production: onShell)
        let bToKStar = OnShellProductionTable(.bZeroToKStarZero, production: onShell)
        return try Observable.allCases.map { observable in
            let sm: (value: Double, error: Double)
            switch observable {
            case .bToKLimit, .bToKAverage, .bToKBelle2: sm = (try inputs.value("BR_Bplus_Kplus_nunu_SM"), 0)
            case .bToKStarLimit: sm = (try inputs.value("BR_B0_Kstar0_nunu_SM"), 0)
            case .kToPi, .kToPiNA62: sm = (try inputs.value("BR_Kplus_piplus_nunu_SM"), try inputs.value("BR_Kplus_piplus_nunu_SM_error"))
            case .kLToPiLimit: sm = (try inputs.value("BR_KL_pi0_nunu_SM"), 0)
            }
            let table: OnShellProductionTable?
            switch observable {
            case .bToKLimit, .bToKAverage, .bToKBelle2: table = bToK
            case .bToKStarLimit: table = bToKStar
            case .kToPi, .kToPiNA62, .kLToPiLimit: table = nil
            }
            return NeutrinoModeConstraint(observable: observable, onShell: onShell, kaons: kaons, table: table,
                                          standardModel: sm.value, standardModelError: sm.error)
        }
    }

    /// B(meson -> meson' Z_D), on shell.
    func production(_ point: DarkBosonPoint) -> Double {
        switch observable {
        case .bToKLimit, .bToKAverage, .bToKBelle2: return onShell.branchingFraction(.bPlusToKPlus, point: point)
        case .bToKStarLimit: return onShell.branchingFraction(.bZeroToKStarZero, point: point)
        case .kToPi, .kToPiNA62: return kaons.chargedBranchingFraction(point.parameters)
        case .kLToPiLimit: return kaons.neutralBranchingFraction(point.parameters)
        }
    }

    func prediction(production: Double, at point: DarkBosonPoint) -> ConstraintPrediction {
        let w = point.widths
        return ConstraintPrediction(standardModel + production * w.branchingFraction(w.invisible), theoryError: standardModelError)
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        prediction(production: production(point), at: point)
    }

    /// The B modes' production from the table; the kaon modes' closed forms as they are.
    public func fastPrediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        prediction(production: table?.branchingFraction(point) ?? production(point), at: point)
    }

    public var specialMasses: [Double] {
        table?.table.segmentMasses ?? [kaons.chargedThreshold, kaons.neutralThreshold]
    }
}
