/// A weighted mixture of moves: each step one move is drawn with probability proportional to its
/// weight, from the sampler-level stream, as emcee does for `moves=[(m1, w1), (m2, w2)]`.
///
///     let moves = MoveMixture(DifferentialEvolutionMove(), weight: 0.8, DESnookerMove(), weight: 0.2)
///         .adding(StretchMove(), weight: 0.1)      // weights need not sum to 1
///
/// Nesting keeps the concrete move types, so each one's update loop is specialised.
public struct MoveMixture<First: MoveSchedule, Second: MoveSchedule>: MoveSchedule {
    public let first: First
    public let second: Second
    public let firstWeight: Double
    public let secondWeight: Double

    public init(_ first: First, weight firstWeight: Double, _ second: Second, weight secondWeight: Double) {
        self.first = first
        self.second = second
        self.firstWeight = firstWeight
        self.secondWeight = secondWeight
    }

    /// Sum of all weights.
    public var totalWeight: Double { firstWeight + secondWeight }

    /// This mixture plus one more move; `weight` is on the same scale as the existing weights.
    public func adding<M: MoveSchedule>(_ move: M, weight: Double) -> MoveMixture<Self, M> {
        MoveMixture<Self, M>(self, weight: totalWeight, move, weight: weight)
    }

    public func validate(walkers: Int, dimension: Int) throws {
        guard firstWeight >= 0, secondWeight >= 0, firstWeight.isFinite, secondWeight.isFinite,
              totalWeight > 0 else {
            throw SamplerError.invalidMove("MoveMixture weights must be finite, non-negative and not all zero (got \(firstWeight), \(secondWeight)).")
        }
        try first.validate(walkers: walkers, dimension: dimension)
        try second.validate(walkers: walkers, dimension: dimension)
    }

    public var drawsMovePerStep: Bool { true }

    public func maximumScratchCount(dimension: Int) -> Int {
        max(first.maximumScratchCount(dimension: dimension), second.maximumScratchCount(dimension: dimension))
    }

    public func prepare(_ ensemble: EnsembleSnapshot) {
        first.prepare(ensemble)
        second.prepare(ensemble)
    }

    public func independentCopy() -> MoveMixture {
        MoveMixture(first.independentCopy(), weight: firstWeight, second.independentCopy(), weight: secondWeight)
    }

    public var adaptiveState: [Double] { AdaptiveStates.join(first.adaptiveState, second.adaptiveState) }

    public func restoreAdaptiveState(_ values: [Double]) {
        let (a, b) = AdaptiveStates.split(values)
        first.restoreAdaptiveState(a)
        second.restoreAdaptiveState(b)
    }

    @inlinable
    public func select<Visitor: MoveVisitor>(_ u: Double, _ visitor: inout Visitor) {
        let t = u * (firstWeight + secondWeight)
        if t < firstWeight {
            first.select(t / firstWeight, &visitor)
        } else {
            second.select(min((t - firstWeight) / secondWeight, 1.0.nextDown), &visitor)
        }
    }
}
