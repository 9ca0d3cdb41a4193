import Ensemble
import Foundation

/// What a tempered run adds to a checkpoint besides the β = 1 rows: the `TemperedHistory` of the
/// new steps and the whole tempered state (all temperatures), stored in the group
/// mcmc/darkz/tempering (see `DarkzLayout`).
public struct TemperingRows: Sendable, Equatable {
    /// The steps after the file's last one.
    public var history: TemperedHistory
    /// The state after the last of these steps.
    public var state: TemperedSamplerState

    public init(history: TemperedHistory, state: TemperedSamplerState) {
        self.history = history
        self.state = state
    }
}

/// The tempering record of a chain file, read back whole.
public struct TemperingRecord: Sendable, Equatable {
    /// Every stored step's ladder, log-likelihoods per temperature and walker, and swaps.
    public let history: TemperedHistory
    /// The tempered state of the last checkpoint.
    public let state: TemperedSamplerState
}
