/// A configuration value that is present but unusable, e.g. `CONFIDENCE_THRESHOLD=high`.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The environment variable at fault.
    public let variable: String
    public let message: String

    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "invalid configuration \(variable): \(message)" }
}
