/// A problem in a priors file, naming the file, the key (dotted path) and what is wrong.
public struct PriorsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let key: String?
    public let message: String

    public var description: String {
        if let key { return "\(file): key '\(key)': \(message)" }
        return "\(file): \(message)"
    }
}
