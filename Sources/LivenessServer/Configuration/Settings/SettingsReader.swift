import Configuration
import Foundation
import Synchronization

/// Reads settings (``Setting``) from a swift-configuration reader, checking each value against its row: a value
/// that does not parse or lies outside the row's range is a ``ConfigurationError`` naming the variable. Missing
/// or empty values keep the caller's default. Secrets are read as secrets (redacted by the providers).
public struct SettingsReader: Sendable {
    let config: ConfigReader
    private let reads = ReadLog()

    public init(_ config: ConfigReader) { self.config = config }

    /// The config keys of the settings this reader has read, secrets included (`SettingsTests` compares them
    /// with ``Setting/all``).
    public var keysRead: Set<String> { reads.keys.withLock { $0 } }

    /// Command-line values (by config key) first, then the environment, whose secrets are ``Setting/secretVariables``.
    public init(flags: [String: String], environment: [String: String]? = nil) {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in flags { values[AbsoluteConfigKey(stringLiteral: key)] = .init(.string(value), isSecret: false) }
        let secrets = Set(Setting.secretVariables)
        let env =
            environment.map { EnvironmentVariablesProvider(environmentVariables: $0, secretsSpecifier: .specific(secrets)) }
            ?? EnvironmentVariablesProvider(secretsSpecifier: .specific(secrets))
        self.init(ConfigReader(providers: [InMemoryProvider(name: "flags", values: values), env]))
    }

    /// The raw text, trimmed; nil when missing or empty.
    public func text(_ setting: Setting) -> String? {
        reads.keys.withLock { _ = $0.insert(setting.key) }
        let value = config.string(forKey: ConfigKey(setting.key), isSecret: setting.secret)?.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    /// Refuses a secret (``Setting/secret``) that is set but holds nothing: blank or whitespace (`API_KEY='   '`), or
    /// for a list, only commas and spaces (`API_KEYS=','`). Read as unset, such a value would start the service
    /// without authentication and without a word.
    public func checkSecrets() throws(ConfigurationError) {
        for setting in Setting.all where setting.secret {
            guard let raw = config.string(forKey: ConfigKey(setting.key), isSecret: true), !raw.isEmpty else { continue }
            if raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw refusal(setting, "is set but blank; unset it or give it a value")
            }
            if case .list = setting.kind, list(setting).isEmpty {
                throw refusal(setting, "is set but lists nothing (only commas and spaces); unset it or give it a value")
            }
        }
    }

    /// The comma-separated items, trimmed, empty ones dropped.
    public func list(_ setting: Setting) -> [String] {
        (text(setting) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func number(_ setting: Setting, default fallback: Double) throws(ConfigurationError) -> Double {
        guard let text = text(setting) else { return fallback }
        guard let value = Double(text), value.isFinite else { throw refusal(setting, "'\(text.prefix(40))' is not a number") }
        let range: ClosedRange<Double>
        switch setting.kind {
        case .number(let bounds): range = bounds
        case .integer(let bounds), .limit(let bounds): range = Double(bounds.lowerBound)...Double(bounds.upperBound)
        default: preconditionFailure("\(setting.key) is not numeric")
        }
        guard range.contains(value) else { throw refusal(setting, "\(text) is outside \(setting.kind.shownRange)") }
        return value
    }

    public func integer(_ setting: Setting, default fallback: Int) throws(ConfigurationError) -> Int {
        let value = try number(setting, default: Double(fallback))
        guard value == value.rounded() else { throw refusal(setting, "\(value) is not a whole number") }
        return Int(value)
    }

    public func flag(_ setting: Setting, default fallback: Bool) throws(ConfigurationError) -> Bool {
        guard let text = text(setting)?.lowercased() else { return fallback }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw refusal(setting, "'\(text.prefix(40))' is not true or false")
        }
    }

    /// One of the row's words (any case), as `T`.
    public func choice<T: RawRepresentable>(_ setting: Setting, default fallback: T) throws(ConfigurationError) -> T
    where T.RawValue == String {
        guard let text = text(setting) else { return fallback }
        guard let value = T(rawValue: text.lowercased()) else {
            throw refusal(setting, "'\(text.prefix(40))' is not one of \(setting.kind.shownRange)")
        }
        return value
    }

    /// An optional limit: missing means off; 0 is refused rather than read as "off" or "unlimited".
    public func limit(_ setting: Setting) throws(ConfigurationError) -> Int? {
        guard let text = text(setting) else { return nil }
        if Double(text) == 0 { throw refusal(setting, "0 is not allowed: leave it unset to turn the limit off") }
        return try integer(setting, default: 0)
    }

    /// The error for a present but unusable value of `setting`.
    public func refusal(_ setting: Setting, _ message: String) -> ConfigurationError {
        ConfigurationError(variable: setting.variable, message: message)
    }
}

extension SettingsReader {
    /// The keys read so far, shared by copies of a reader.
    private final class ReadLog: Sendable {
        let keys = Mutex<Set<String>>([])
    }
}
