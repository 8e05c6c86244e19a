import Configuration
import LivenessCore

/// Where challenges and the audit log are kept, and for how long.
///
/// Configuration keys (environment variable, then the config key it maps from):
/// - `DATABASE_URL` (`database.url`): `postgres://user:password@host:5432/database` for PostgreSQL (required for
///   several replicas), or `sqlite:///path/file.sqlite`. Unset: SQLite at `DATA_DIR/liveness.sqlite`.
/// - `DATA_DIR` (`data.dir`): folder of the default SQLite file, created when missing. Default `data`.
/// - `DATABASE_TIMEOUT_SECONDS` (`database.timeout.seconds`): longest wait for one database operation; past it
///   the request gets 503 `storage_unavailable`. Default 10.
/// - `DATABASE_STARTUP_TIMEOUT_SECONDS` (`database.startup.timeout.seconds`): how long startup waits for the
///   database (and its migration) before giving up with exit status 2. Default 30.
/// - `AUDIT_ENABLED` (`audit.enabled`): write one audit record per `/liveness` and `/active/blink` request. Default true.
/// - `AUDIT_RETENTION_DAYS` (`audit.retention.days`): audit records older than this are deleted hourly. Default 30.
/// - `ADMIN_API_KEY` (`admin.api.key`): the key that reads `GET /audit`. Unset: the audit API answers 404.
public struct StorageConfiguration: Sendable {
    public var location = DatabaseLocation.sqlite(path: "data/liveness.sqlite")
    public var timeout: Double = 10
    public var startupTimeout: Double = 30
    public var auditEnabled = true
    public var auditRetentionDays = 30
    public var adminKeys: APIKeySet = []

    public init() {}

    /// Reads every key listed on the type, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        self.init()
        location = try DatabaseLocation.parse(
            url: config.string(forKey: "database.url", isSecret: true), dataDirectory: config.string(forKey: "data.dir", default: "data"))
        timeout = try ConfigurationError.number(
            config, "database.timeout.seconds", "DATABASE_TIMEOUT_SECONDS", default: timeout, in: 0.1...600)
        startupTimeout = try ConfigurationError.number(
            config, "database.startup.timeout.seconds", "DATABASE_STARTUP_TIMEOUT_SECONDS", default: startupTimeout, in: 1...3600)
        auditEnabled = try ConfigurationError.flag(config, "audit.enabled", "AUDIT_ENABLED", default: auditEnabled)
        auditRetentionDays = Int(
            try ConfigurationError.number(
                config, "audit.retention.days", "AUDIT_RETENTION_DAYS", default: Double(auditRetentionDays), in: 1...36_500))
        adminKeys = APIKeySet(config.string(forKey: "admin.api.key", isSecret: true).map { [$0] } ?? [])
    }
}
