/// The sections of `docs/configuration.md`, in order.
public enum SettingGroup: String, Sendable, Hashable, CaseIterable {
    case models = "Models and the passive check"
    case http = "HTTP, authentication and limits"
    case challenges = "The active check"
    case connections = "Connections"
    case storage = "Storage and the audit log"
    case tokens = "Result tokens"
    case operations = "Logging, metrics and shutdown"
}
