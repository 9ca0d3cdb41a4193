import Ensemble

/// The moves of a priors file's [sampler.moves] table: stretch, differential evolution, DE snooker,
/// walk and DIME with runtime weights (zero leaves a move out), one drawn per step from the sampler
/// stream with probability proportional to its weight, as emcee's `moves=[(m, w), ...]`.
public struct ConfiguredMoves: MoveSchedule {
    public let stretch = StretchMove()
    public let de = DifferentialEvolutionMove()
    public let snooker = DESnookerMove()
    public let walk = WalkMove()
    public let dime: DIMEMove
    /// Cumulative weights normalised to 1, in the order stretch, de, snooker, walk, dime.
    let cumulative: [Double]
    let weights: [Double]

    public init(_ settings: SamplerSettings) {
        var w = [0.0, 0.0, 0.0, 0.0, 0.0]
        for (kind, weight) in settings.moves {
            switch kind {
            case .stretch: w[0] += weight
            case .de: w[1] += weight
            case .snooker: w[2] += weight
            case .walk: w[3] += weight
            case .dime: w[4] += weight
            }
        }
        dime = DIMEMove()
        weights = w
        let total = w.reduce(0, +)
        var sum = 0.0
        cumulative = w.map { sum += $0 / total; return sum }
    }

    public func validate(walkers: Int, dimension: Int) throws {
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }), weights.reduce(0, +) > 0 else {
            throw SamplerError.invalidMove("move weights must be non-negative, finite and not all zero")
        }
        if weights[0] > 0 { try stretch.validate(walkers: walkers, dimension: dimension) }
        if weights[1] > 0 { try de.validate(walkers: walkers, dimension: dimension) }
        if weights[2] > 0 { try snooker.validate(walkers: walkers, dimension: dimension) }
        if weights[3] > 0 { try walk.validate(walkers: walkers, dimension: dimension) }
        if weights[4] > 0 { try dime.validate(walkers: walkers, dimension: dimension) }
    }

    public var drawsMovePerStep: Bool { true }

    public func maximumScratchCount(dimension: Int) -> Int {
        [stretch.scratchCount(dimension: dimension), de.scratchCount(dimension: dimension),
         snooker.scratchCount(dimension: dimension), walk.scratchCount(dimension: dimension),
         dime.scratchCount(dimension: dimension)].max()!
    }

    public func select<Visitor: MoveVisitor>(_ u: Double, _ visitor: inout Visitor) {
        if u < cumulative[0] { visitor.visit(stretch) }
        else if u < cumulative[1] { visitor.visit(de) }
        else if u < cumulative[2] { visitor.visit(snooker) }
        else if u < cumulative[3] { visitor.visit(walk) }
        else { visitor.visit(dime) }
    }

    private init(copying other: ConfiguredMoves) {
        cumulative = other.cumulative
        weights = other.weights
        dime = other.dime.independentCopy()
    }

    // The DIME proposal adapts every step when DIME is in the mixture (one proposal per ensemble).
    public func prepare(_ ensemble: EnsembleSnapshot) { if weights[4] > 0 { dime.prepare(ensemble) } }
    public func independentCopy() -> ConfiguredMoves { ConfiguredMoves(copying: self) }
    public var adaptiveState: [Double] { weights[4] > 0 ? dime.adaptiveState : [] }
    public func restoreAdaptiveState(_ values: [Double]) { dime.restoreAdaptiveState(values) }
}
