import Configuration

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

    /// Reads a number, refusing text that is not one or that lies outside `range`.
    static func number(
        _ config: ConfigReader, _ key: ConfigKey, _ variable: String, default fallback: Double,
        in range: ClosedRange<Double>
    ) throws(ConfigurationError) -> Double {
        guard let text = config.string(forKey: key)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return fallback
        }
        guard let value = Double(text), value.isFinite else {
            throw ConfigurationError(variable: variable, message: "'\(text)' is not a number")
        }
        guard range.contains(value) else {
            throw ConfigurationError(
                variable: variable, message: "\(text) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}
