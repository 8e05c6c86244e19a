import Foundation
import Configuration

extension ConfigurationError {
    /// Reads a number, refusing text that is not one or that lies outside `range`.
    public static func number(
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

    /// Reads a boolean: true/false, 1/0, yes/no, on/off (any case), as the Python service accepted.
    public static func flag(
        _ config: ConfigReader, _ key: ConfigKey, _ variable: String, default fallback: Bool
    ) throws(ConfigurationError) -> Bool {
        guard let text = config.string(forKey: key)?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty
        else { return fallback }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ConfigurationError(variable: variable, message: "'\(text)' is not true or false")
        }
    }

    /// Reads an optional positive count: missing or empty means off. 0 is refused rather than read as "off"
    /// or "unlimited": leave the variable unset for that.
    public static func optionalCount(_ config: ConfigReader, _ key: ConfigKey, _ variable: String) throws(ConfigurationError)
        -> Int?
    {
        let value = Int(try number(config, key, variable, default: 0, in: 0...1_000_000))
        guard value != 0 || (config.string(forKey: key)?.trimmingCharacters(in: .whitespaces) ?? "").isEmpty else {
            throw ConfigurationError(variable: variable, message: "0 is not allowed: leave it unset to turn the limit off")
        }
        return value > 0 ? value : nil
    }
}
