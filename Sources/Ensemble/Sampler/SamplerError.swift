import Foundation

/// Why the sampler refuses to start or resume. Each message says what to change.
public enum SamplerError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Fewer than 2 x dimension walkers: an ensemble move cannot explore the space
    /// (emcee's red-blue check).
    case tooFewWalkers(walkers: Int, dimension: Int)
    /// An initial position has the wrong number of parameters.
    case dimensionMismatch(walker: Int, expected: Int, got: Int)
    /// An initial position has a NaN or infinite coordinate.
    case nonFiniteInitialPosition(walker: Int)
    /// An initial walker's log-density is -inf, +inf or NaN.
    case nonFiniteInitialLogDensity(walker: Int, value: Double)
    /// The initial walkers lie (numerically) in a lower-dimensional subspace: the smallest
    /// eigenvalue of their sample correlation matrix relative to the largest is below tolerance.
    case degenerateInitialEnsemble(relativeEigenvalue: Double, tolerance: Double)
    /// A move's parameters do not fit the ensemble.
    case invalidMove(String)
    /// A thread count below 1.
    case invalidThreadCount(Int)
    /// A saved state that does not fit the target (or is internally inconsistent).
    case incompatibleState(String)

    public var description: String {
        switch self {
        case let .tooFewWalkers(walkers, dimension):
            return "Too few walkers: \(walkers) walkers for \(dimension) parameters. An ensemble sampler needs at least 2 x dimension = \(2 * dimension) walkers; use more walkers (emcee's usual choice is 2 to 4 x dimension or more)."
        case let .dimensionMismatch(walker, expected, got):
            return "Initial position of walker \(walker) has \(got) values but the target has \(expected) parameters; give every walker exactly \(expected) coordinates."
        case let .nonFiniteInitialPosition(walker):
            return "Initial position of walker \(walker) has a NaN or infinite coordinate; start every walker at finite coordinates inside the prior."
        case let .nonFiniteInitialLogDensity(walker, value):
            return "Initial walker \(walker) has log-density \(value); every walker must start where the log-density is finite (inside the prior support and where the likelihood is defined). Draw initial positions from the prior or shrink the initial ball."
        case let .degenerateInitialEnsemble(ratio, tolerance):
            return "The initial walkers are degenerate: they lie in a lower-dimensional subspace (smallest/largest eigenvalue of their correlation matrix \(ratio) < \(tolerance)). Stretch and DE moves can never leave that subspace; scatter the walkers in every parameter, e.g. with InitialEnsemble.ball(around:scale:walkers:seed:) and a non-zero scale for each parameter."
        case let .invalidMove(message):
            return message
        case let .invalidThreadCount(n):
            return "Thread count \(n) is invalid; use 1 for serial updates or more to update walkers on several cores."
        case let .incompatibleState(message):
            return "Cannot resume from this saved state: \(message)"
        }
    }

    public var errorDescription: String? { description }
}
