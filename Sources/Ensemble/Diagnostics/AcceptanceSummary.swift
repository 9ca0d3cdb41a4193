/// Summary of the per-walker acceptance fractions of an ensemble run (emcee's
/// `acceptance_fraction`), with the walkers that look stuck.
///
/// For the stretch move an ensemble typically accepts 0.2–0.5 of proposals (Foreman-Mackey et al.
/// 2013, §4). A walker is reported stuck when its fraction is at or below `floor` (default 0: it
/// never moved) or below `relativeToMedian` times the ensemble median (default 1/5: it lags the
/// ensemble by a factor of five, the usual sign of a walker stranded in a low-probability region
/// or a minor mode, which biases the chain and inflates τ). Both rules are strict enough that a
/// healthy ensemble, whose fractions scatter by tens of percent around the median, flags nobody.
public struct AcceptanceSummary: Sendable, Equatable {
    /// The fractions summarised, one per walker.
    public let fractions: [Double]
    public let minimum: Double
    /// Median over walkers (mean of the two middle values for an even count).
    public let median: Double
    public let maximum: Double
    /// Indices of the walkers judged stuck, ascending.
    public let stuckWalkers: [Int]

    /// Summarises `fractions` (one per walker, each in [0, 1]).
    public init(fractions: [Double], floor: Double = 0, relativeToMedian: Double = 0.2) {
        precondition(!fractions.isEmpty, "acceptance summary needs at least one walker")
        let sorted = fractions.gslSorted
        self.fractions = fractions
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        median = fractions.gslMedian
        let threshold = relativeToMedian * median
        stuckWalkers = fractions.indices.filter { fractions[$0] <= floor || fractions[$0] < threshold }
    }

    /// Summarises accepted-move counts after `steps` steps, as emcee's
    /// `acceptance_fraction = naccepted / iteration`.
    public init(accepted: [Int], steps: Int, floor: Double = 0, relativeToMedian: Double = 0.2) {
        precondition(steps > 0, "acceptance fractions need at least one step")
        self.init(fractions: accepted.map { Double($0) / Double(steps) },
                  floor: floor, relativeToMedian: relativeToMedian)
    }

    /// Whether any walker is stuck.
    public var hasStuckWalkers: Bool { !stuckWalkers.isEmpty }
}
