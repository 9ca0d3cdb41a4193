import DataFiles
import Foundation

/// The constraints of paper sections 4 and 6 that darkz computes (`ConstraintRegistry`), each a
/// named prediction judged against its row of data/constraints.csv (docs/validation.md says where
/// each stands).
public struct ConstraintSet: Sendable {
    /// In the registry's order.
    public let constraints: [any Constraint]
    /// The row of each constraint, index for index.
    let entries: [ConstraintData.Entry]
    public let data: ConstraintData
    /// Each constraint with its row behind a class, opened from the existential once: calls through
    /// `any Constraint` copy the constraint and its row, and stored closures retain their context, on
    /// every call; `terms` holds the references, `unretainedTerms` calls them without reference counting.
    let terms: [LikelihoodTerm]
    let unretainedTerms: [Unmanaged<LikelihoodTerm>]
    /// The Z_D decay thresholds (2 m_e, 2 m_mu, the axial hadronic ones), where the branching fractions change form.
    let thresholds: [Double]

    public var names: [String] { constraints.map(\.name) }

    /// Builds every registered constraint on the model; a registered name without a row in `data`, a
    /// row without a registered constraint, or a name registered twice is an error.
    public init(model: DarkBosonModel, onShell: OnShellProduction, data: ConstraintData) throws {
        let constraints = try ConstraintRegistry.all(model: model, onShell: onShell)
        var seen = Set<String>()
        for c in constraints where !seen.insert(c.name).inserted {
            throw DataFileError(file: "constraints.csv", message: "constraint '\(c.name)' is registered twice in ConstraintRegistry.families")
        }
        for c in constraints where data.entries[c.name] == nil {
            throw DataFileError(file: "constraints.csv",
                                message: "no row for constraint '\(c.name)' (\(type(of: c))); add one of that name")
        }
        for name in data.names where !seen.contains(name) {
            throw DataFileError(file: "constraints.csv",
                                message: "row '\(name)' has no constraint type; add one to ConstraintRegistry.families or remove the row")
        }
        self.constraints = constraints
        entries = constraints.map { data.entries[$0.name]! }
        terms = zip(constraints, entries).map { c, entry in c.likelihoodTerm(entry: entry) }
        unretainedTerms = terms.map { Unmanaged.passUnretained($0) }
        self.data = data
        thresholds = [2 * model.inputs.massElectron, 2 * model.inputs.massMuon,
                      model.decays.axialThresholdLight, model.decays.axialThresholdStrange]
    }

    public static func standard(model: DarkBosonModel, onShell: OnShellProduction) throws -> ConstraintSet {
        try ConstraintSet(model: model, onShell: onShell, data: .standard())
    }

    /// The default constraints, in the registry's order: what "all" selects. The documented
    /// alternatives (rows with `alternative_to`, such as the paper's own formulas where darkz differs)
    /// are chosen by name.
    public var defaultNames: [String] { names.filter { data.entries[$0]!.alternativeTo == nil } }

    /// Names from a list such as "all", "none" or "apv,bs-mixing"; "all" means the defaults. Unknown
    /// names, and an alternative listed with its default, are errors located at `source` (the flag
    /// or file the list came from).
    public func select(_ list: String, source: String = "--constraints") throws -> [String] {
        let trimmed = list.trimmingCharacters(in: .whitespaces)
        if trimmed == "all" { return defaultNames }
        if trimmed == "none" || trimmed.isEmpty { return [] }
        let wanted = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in wanted where !names.contains(name) {
            throw DataFileError(file: source, message: "unknown constraint '\(name)'; known: \(names.joined(separator: ", ")), or all, none")
        }
        for name in wanted {
            if let base = data.entries[name]!.alternativeTo, wanted.contains(base) {
                throw DataFileError(file: source, message: "'\(name)' is an alternative to '\(base)'; choose one of them")
            }
        }
        return wanted
    }

    /// The positions in `constraints` of the named ones, in the set's order (unknown names are skipped).
    public func indices(of selected: [String]) -> [Int] {
        constraints.indices.filter { selected.contains(constraints[$0].name) }
    }

    /// The constraint at `index` judged at a point.
    public func result(_ index: Int, at point: DarkBosonPoint) -> ConstraintResult {
        let c = constraints[index], entry = entries[index]
        guard let prediction = c.prediction(at: point), prediction.value.isFinite else {
            return .notApplicable(c.name, kind: entry.kind, cl: entry.cl)
        }
        return c.judge(prediction, mass: point.parameters.mZD, entry: entry)
    }

    /// Every constraint (or the named ones) judged at a point.
    public func evaluate(_ point: DarkBosonPoint, names selected: [String]? = nil) -> [ConstraintResult] {
        let chosen = selected.map(indices(of:)) ?? Array(constraints.indices)
        return chosen.map { result($0, at: point) }
    }

    /// The likelihood's prediction of the constraint at `index` (`Constraint.fastPrediction`).
    public func fastPrediction(_ index: Int, at point: DarkBosonPoint) -> ConstraintPrediction? {
        constraints[index].fastPrediction(at: point)
    }

    /// The chi^2 of the constraint at `index` as the likelihood sees it: its fast prediction judged
    /// (`Constraint.likelihoodChiSquare`, the chi^2 of `judge`).
    public func chiSquare(_ index: Int, at point: DarkBosonPoint) -> Double {
        withExtendedLifetime(terms) { unretainedTerms[index]._withUnsafeGuaranteedRef { $0.chiSquare(point) } }
    }

    /// The summed chi^2 of the constraints at `indices` (from `indices(of:)`), in that order: the
    /// likelihood's hot path, without building results or copying constraints.
    public func chiSquare(_ point: DarkBosonPoint, indices: [Int]) -> Double {
        withExtendedLifetime(terms) {
            unretainedTerms.withUnsafeBufferPointer { terms in
                var total = 0.0
                for i in indices { total += terms[i]._withUnsafeGuaranteedRef { $0.chiSquare(point) } }
                return total
            }
        }
    }

    /// Every constraint's special masses (`Constraint.specialMasses`) and the Z_D's decay thresholds, sorted.
    public var specialMasses: [Double] {
        Array(Set(constraints.flatMap(\.specialMasses) + thresholds)).sorted()
    }
}
