import ChainStorage

extension BurnIn {
    /// The burn-in a command drops from `file`: `requested` (a `--discard` value, counted from the
    /// first step) checked to leave at least `keeping` steps, or the file's default
    /// (``defaultSteps(file:)``). Every command that takes `--discard` (diagnose, credible, corner,
    /// regions, evidence) asks here, so they refuse the same values with the same message.
    /// - Throws: ``DiscardError``.
    public static func steps(requested: Int?, file: ChainFile, keeping minimum: Int = 1) throws -> Int {
        guard let requested else { return defaultSteps(file: file) }
        let steps = file.chain.nSteps
        guard requested >= 0 else { throw DiscardError(message: "--discard must be 0 or more, got \(requested)") }
        guard requested <= steps - minimum else {
            let left = max(steps - requested, 0)
            let need = minimum == 1 ? "" : "; this needs at least \(minimum) kept steps"
            let advice = steps >= minimum ? " (give --discard at most \(steps - minimum))" : ""
            throw DiscardError(message: "--discard \(requested) leaves \(left == 0 ? "no" : "\(left)") steps of the \(steps) in \(file.url.path)\(need)\(advice)")
        }
        return requested
    }
}

/// A `--discard` value that a chain file cannot honour; the message is one line for the user.
public struct DiscardError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
