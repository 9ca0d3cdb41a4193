/// The one list of constraint families darkz computes, as flavio registers its observables. Adding a
/// constraint: a type conforming to `Constraint` in its own file, a line here and a row in
/// data/constraints.csv of the same name. `ConstraintSet` builds from this list and fails at load
/// when a row has no type or a type no row.
public enum ConstraintRegistry {
    /// The families, in the order `darkz constraints` prints them (that of data/constraints.csv).
    public static let families: [any Constraint.Type] = [
        MesonMixingConstraint.self,
        BsToMuMuConstraint.self,
        NeutrinoModeConstraint.self,
        ParityViolationConstraint.self,
        RadiativeKaonConstraint.self,
        WWidthConstraint.self,
        DarkPhotonRecastConstraint.self,
        CouplingLimitConstraint.self,
        MuonMagneticMomentConstraint.self,
        TridentConstraint.self,
        CoherentConstraint.self,
    ]

    /// Every constraint of every family, built on the model.
    public static func all(model: DarkBosonModel, onShell: OnShellProduction) throws -> [any Constraint] {
        var constraints: [any Constraint] = []
        for family in families { constraints += try family.family(model: model, onShell: onShell) as [any Constraint] }
        return constraints
    }
}
