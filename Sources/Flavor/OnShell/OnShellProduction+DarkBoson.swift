import Numerics

extension DarkBosonPoint {
    /// F(q^2) of the b -> s Z_D vertex L ⊃ -F (s-bar gamma^mu P_L b) Z_D,mu at this point's eps, eps_Z
    /// (eq. 2.10's monopole, docs/physics.md §2): eps_Z E^{0,Z}_L + (eps E^{2,A}_L + eps_Z E^{2,Z}_L) q^2.
    /// On shell, q^2 = M_ZD^2.
    public func bToSVertex(q2: Double) -> Complex<Double> {
        penguin.monopole(q2: q2, epsilon: parameters.epsilon, epsilonZ: parameters.epsilonZ)
    }
}

extension OnShellProduction {
    /// B(H1 -> H2 Z_D) at a parameter point: F(M_ZD^2) from the point's eps, eps_Z and the b -> s
    /// penguin coefficients, at M = M_ZD.
    public func branchingFraction(_ decay: SemileptonicDecay, point: DarkBosonPoint) -> Double {
        let M = point.parameters.mZD
        return branchingFraction(decay, mass: M, vertex: point.bToSVertex(q2: M * M))
    }

    /// The same from the parameters and the model's b -> s penguin coefficients, without computing
    /// the Z_D widths (production does not depend on them).
    public func branchingFraction(_ decay: SemileptonicDecay, parameters p: DarkBosonParameters,
                                  model: DarkBosonModel) -> Double {
        let M = p.mZD
        let vertex = model.penguinBToS.monopole(q2: M * M, epsilon: p.epsilon, epsilonZ: p.epsilonZ)
        return branchingFraction(decay, mass: M, vertex: vertex)
    }
}
