/// One setting of the service: its config key (the environment variable and the `serve` flag derive from it), what
/// values it takes, its default as the docs show it, whether it is a secret, and one line of help.
///
/// The table (``Setting/all``) drives the readers (``SettingsReader``), `liveness serve`'s flags and `--help`, and the
/// generated `docs/configuration.md`. The default values themselves are the configuration types' own (for example
/// ``PassiveConfiguration``); a row shows them.
public struct Setting: Sendable, Hashable {
    /// What values a setting takes.
    public enum Kind: Sendable, Hashable {
        /// A number within the range.
        case number(ClosedRange<Double>)
        /// A whole number within the range.
        case integer(ClosedRange<Int>)
        /// true/false, 1/0, yes/no, on/off (any case), as the Python service accepted.
        case flag
        /// Free text.
        case text
        /// Comma-separated items.
        case list
        /// One of the words (any case).
        case choice([String])
        /// An optional limit within the range: unset is off, 0 is refused (leave it unset instead).
        case limit(ClosedRange<Int>)
    }

    /// The config key, e.g. `max.queue`.
    public let key: String
    public let kind: Kind
    /// The default as the docs show it; nil when unset by default.
    public let shownDefault: String?
    /// Kept out of logs and refused as a command-line flag (it would show in the process list).
    public let secret: Bool
    public let help: String
    /// The docs section.
    public let group: SettingGroup
    private let flagName: String?

    init(
        _ key: String, _ kind: Kind, default shownDefault: (any CustomStringConvertible)? = nil, secret: Bool = false,
        flag: String? = nil, group: SettingGroup, _ help: String
    ) {
        self.key = key
        self.kind = kind
        self.shownDefault = (shownDefault as? Double).map(Kind.shown) ?? shownDefault?.description
        self.secret = secret
        self.flagName = flag
        self.group = group
        self.help = help
    }

    /// The environment variable: the key upper-cased with `_` for `.` (swift-configuration's mapping), e.g. `MAX_QUEUE`.
    public var variable: String { key.uppercased().replacingOccurrences(of: ".", with: "_") }

    /// The flag's name without its dashes, e.g. `max-queue`, whether or not the setting may be given as one.
    public var flagSpelling: String { flagName ?? key.replacingOccurrences(of: ".", with: "-") }

    /// The `serve` flag without its dashes; nil for secrets.
    public var flag: String? { secret ? nil : flagSpelling }
}
