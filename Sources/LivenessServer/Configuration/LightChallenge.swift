/// Which live sessions show the light code (`LIGHT_CHALLENGE`): `off` (the default, until the check is
/// calibrated on real users), `on` (every session), or a comma-separated list of API key ids (a key's name in
/// `API_KEYS`, or its 12-digit hash id) whose sessions show it.
public enum LightChallenge: Hashable, Sendable, CustomStringConvertible {
    case off
    case on
    case keys(Set<String>)

    /// The value of `text`, or nil when it names no key.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "off", "false", "0": self = .off
        case "on", "true", "1": self = .on
        default:
            let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { return nil }
            self = .keys(Set(ids))
        }
    }

    /// Whether a session opened with the key `keyID` (nil: the service has no keys) shows the code.
    public func enabled(for keyID: String?) -> Bool {
        switch self {
        case .off: false
        case .on: true
        case .keys(let ids): keyID.map(ids.contains) ?? false
        }
    }

    public var description: String {
        switch self {
        case .off: "off"
        case .on: "on"
        case .keys(let ids): ids.sorted().joined(separator: ",")
        }
    }
}
