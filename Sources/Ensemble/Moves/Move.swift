/// One proposal kernel of the ensemble sampler, in the manner of emcee's `RedBlueMove`
/// (Foreman-Mackey et al. 2013, sec. 3): the walkers are split into `subsetCount` random subsets;
/// each subset in turn is updated, every walker of it proposing from its own position and the
/// walkers of the other subsets (its `Complement`), which stay fixed meanwhile. A move with
/// `subsetCount == 1` sees no complement and updates all walkers at once (a Metropolis move).
///
/// `propose` runs concurrently for the walkers of one subset: it may read the complement and
/// write only its `proposal` and `scratch` buffers, and every random number must come from
/// `random`, the walker's own stream.
public protocol Move: MoveSchedule {
    /// Number of subsets the ensemble is split into each step (2 for red-blue moves).
    var subsetCount: Int { get }

    /// Doubles of scratch space `propose` needs, given the dimension (default 0).
    func scratchCount(dimension: Int) -> Int

    /// Writes a proposal for the walker at `position` into `proposal` and returns the log of the
    /// proposal's Hastings factor (e.g. (d - 1) log z for the stretch move), which is added to
    /// log p(proposal) - log p(position) before the Metropolis test.
    func propose(
        from position: UnsafeBufferPointer<Double>,
        complement: Complement,
        random: inout Xoshiro256StarStar,
        into proposal: UnsafeMutableBufferPointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double
}

extension Move {
    public var subsetCount: Int { 2 }
    public func scratchCount(dimension: Int) -> Int { 0 }
    public func validate(walkers: Int, dimension: Int) throws {}

    public var drawsMovePerStep: Bool { false }
    public func maximumScratchCount(dimension: Int) -> Int { scratchCount(dimension: dimension) }

    @inlinable
    public func select<Visitor: MoveVisitor>(_ u: Double, _ visitor: inout Visitor) {
        visitor.visit(self)
    }
}

/// What the sampler steps with: a single `Move`, or a `MoveMixture` from which one move is drawn
/// per step with given weights (as emcee's `moves=[(move, weight), ...]`).
///
/// Selection is by static types (`select` hands the chosen move to a generic visitor), so the
/// update loop is specialised for each concrete move and target: no existential or closure call
/// per proposal.
public protocol MoveSchedule: Sendable {
    /// Throws `SamplerError` when the move cannot work with this ensemble.
    func validate(walkers: Int, dimension: Int) throws
    /// Whether a uniform deviate from the sampler-level stream is drawn each step for `select`.
    var drawsMovePerStep: Bool { get }
    /// Largest `scratchCount` over the moves it may select.
    func maximumScratchCount(dimension: Int) -> Int
    /// Calls `visitor.visit(_:)` with the move selected by `u` in [0, 1).
    func select<Visitor: MoveVisitor>(_ u: Double, _ visitor: inout Visitor)
    /// Sees the ensemble before each step (adaptive moves learn from it; default: nothing).
    func prepare(_ ensemble: EnsembleSnapshot)
    /// The same moves with their own adaptive state, for another ensemble (default: self).
    func independentCopy() -> Self
    /// The adaptive state as numbers, saved with the sampler state (default: none).
    var adaptiveState: [Double] { get }
    /// Restores `adaptiveState` on resume.
    func restoreAdaptiveState(_ values: [Double])
}

extension MoveSchedule {
    @inlinable
    public func prepare(_ ensemble: EnsembleSnapshot) {}
    public func independentCopy() -> Self { self }
    public var adaptiveState: [Double] { [] }
    public func restoreAdaptiveState(_ values: [Double]) {}
}

/// The ensemble as an adaptive move sees it between steps: walker-major positions, log-densities
/// and accepted-move counts since the start. Valid only during `MoveSchedule.prepare`.
public struct EnsembleSnapshot {
    public let positions: UnsafePointer<Double>
    public let logDensities: UnsafePointer<Double>
    public let accepted: UnsafePointer<Int>
    public let walkers: Int
    public let dimension: Int

    @inlinable
    public init(positions: UnsafePointer<Double>, logDensities: UnsafePointer<Double>, accepted: UnsafePointer<Int>,
                walkers: Int, dimension: Int) {
        self.positions = positions
        self.logDensities = logDensities
        self.accepted = accepted
        self.walkers = walkers
        self.dimension = dimension
    }
}

/// Joins the adaptive states of two schedules into one array: [count of the first, first..., second...].
enum AdaptiveStates {
    static func join(_ a: [Double], _ b: [Double]) -> [Double] { a.isEmpty && b.isEmpty ? [] : [Double(a.count)] + a + b }

    static func split(_ v: [Double]) -> ([Double], [Double]) {
        guard let n = v.first.map(Int.init) else { return ([], []) }
        return (Array(v[1..<(1 + n)]), Array(v[(1 + n)...]))
    }
}

/// Receives the move selected for a step (see `MoveSchedule.select`).
public protocol MoveVisitor {
    mutating func visit<M: Move>(_ move: M)
}
