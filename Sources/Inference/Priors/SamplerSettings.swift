import Ensemble

/// How `darkz sample` runs (the [sampler] table of a priors file).
public struct SamplerSettings: Sendable, Equatable {
    public enum MoveKind: String, Sendable, CaseIterable {
        case stretch, de, snooker, walk, dime
    }

    public var walkers: Int
    public var moves: [(kind: MoveKind, weight: Double)]
    public var seed: UInt64
    public var maxSteps: Int
    public var checkEvery: Int
    public var minStepsPerTau: Double
    public var maxTauChange: Double
    public var checkpointEvery: Int
    /// Parallel tempering: number of temperatures K (1 = untempered), the ladder (geometric to
    /// β = 0, adapted during the first `adaptationSteps` steps unless `fixedLadder`).
    public var temperatures: Int = 1
    public var fixedLadder: Bool = false
    public var adaptationSteps: Int = 2_000

    public static func == (a: SamplerSettings, b: SamplerSettings) -> Bool {
        a.walkers == b.walkers && a.seed == b.seed && a.maxSteps == b.maxSteps && a.checkEvery == b.checkEvery
            && a.minStepsPerTau == b.minStepsPerTau && a.maxTauChange == b.maxTauChange
            && a.checkpointEvery == b.checkpointEvery
            && a.temperatures == b.temperatures && a.fixedLadder == b.fixedLadder && a.adaptationSteps == b.adaptationSteps
            && a.moves.map(\.kind) == b.moves.map(\.kind) && a.moves.map(\.weight) == b.moves.map(\.weight)
    }

    /// The defaults used for keys a file leaves out.
    public static let defaults = SamplerSettings(
        walkers: 32, moves: [(.stretch, 1)], seed: 2023, maxSteps: 20_000, checkEvery: 500,
        minStepsPerTau: 50, maxTauChange: 0.01, checkpointEvery: 1_000)
}

extension SamplerSettings {
    /// The initial temperature ladder for a target of `dimension` sampled parameters.
    public func ladder(dimension: Int) -> TemperatureLadder {
        .geometric(temperatures: temperatures, dimension: dimension, adaptationSteps: fixedLadder ? 0 : adaptationSteps)
    }

    /// Steps a tempered run takes at least before it may stop: twice the adaptation, so the
    /// evidence has at least as many steps on the final ladder as the ladder took to adapt.
    public var minimumSteps: Int { temperatures > 2 && !fixedLadder ? 2 * adaptationSteps : 0 }

    /// The verdict's thresholds with this run's N/τ and τ-stability settings.
    public var verdictThresholds: VerdictThresholds {
        VerdictThresholds(minimumStepsPerTau: minStepsPerTau, maximumRelativeTauChange: maxTauChange)
    }
}
