/// Coherent elastic neutrino-nucleus scattering at COHERENT CsI 2017: events / SM events in the
/// analysis window with the Z_D in the weak charge (sec. 4.8, docs/neutrino.md §2).
public struct CoherentConstraint: Constraint {
    let scattering: CoherentScattering

    public var name: String { "coherent" }
    public var summary: String { "CEvNS events/SM events at COHERENT CsI 2017, Z_D in the weak charge (sec. 4.8, docs/neutrino.md)" }

    public static func family(model: DarkBosonModel, onShell: OnShellProduction) throws -> [CoherentConstraint] {
        [CoherentConstraint(scattering: try CoherentScattering(inputs: model.inputs, scattering: .standard()))]
    }

    public func prediction(at point: DarkBosonPoint) -> ConstraintPrediction? {
        ConstraintPrediction(scattering.ratio(point))
    }
}
