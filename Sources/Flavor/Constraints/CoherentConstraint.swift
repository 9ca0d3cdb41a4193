/// Coherent elastic neutrino-nucleus scattering at COHERENT CsI 2017: events / SM events in the
/// analysis window with the Z_D in the weak charge (sec. 4.8, docs/neutrino.md §2).
public struct CoherentConstraint: Constraint {
    let scattering: CoherentScattering
    let table: CoherentTable

    public var name: String { "coherent" }
    public var summary: String { "CEvNS events/SM events at COHERENT CsI 2017, Z_D in the weak charge (sec. 4.8, docs/neutrino.md)" }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [CoherentConstraint] {
        let scattering = try CoherentScattering(inputs: model.inputs, scattering: .standard())
        return [CoherentConstraint(scattering: scattering, table: CoherentTable(scattering))]
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(scattering.ratio(point))
    }

    public func fastPrediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(table.ratio(point))
    }

    public var specialMasses: [Double] { table.table.segmentMasses }
}
