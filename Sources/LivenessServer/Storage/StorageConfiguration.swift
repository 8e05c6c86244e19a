import Configuration
import LivenessCore

/// Where challenges and the audit log are kept, and for how long: ``Setting/storageSettings`` (`DATABASE_URL`,
/// `DATA_DIR`, `DATABASE_TIMEOUT_SECONDS`, `DATABASE_STARTUP_TIMEOUT_SECONDS`, `AUDIT_ENABLED`,
/// `AUDIT_RETENTION_DAYS`, `ADMIN_API_KEY`); the defaults are set here.
public struct StorageConfiguration: Sendable {
    /// `DATA_DIR`'s default.
    public static let defaultDataDirectory = "data"
    public var location = DatabaseLocation.inDataDirectory(defaultDataDirectory)
    public var timeout: Double = 10
    public var startupTimeout: Double = 30
    public var auditEnabled = true
    public var auditRetentionDays = 30
    public var adminKeys: APIKeySet = []

    public init() {}

    /// Reads every setting, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        try self.init(settings: SettingsReader(config))
    }

    /// Reads every setting, keeping the defaults for missing ones.
    public init(settings: SettingsReader) throws(ConfigurationError) {
        self.init()
        location = try DatabaseLocation.parse(
            url: settings.text(.databaseURL), dataDirectory: settings.text(.dataDirectory) ?? Self.defaultDataDirectory)
        timeout = try settings.number(.databaseTimeoutSeconds, default: timeout)
        startupTimeout = try settings.number(.databaseStartupTimeoutSeconds, default: startupTimeout)
        auditEnabled = try settings.flag(.auditEnabled, default: auditEnabled)
        auditRetentionDays = try settings.integer(.auditRetentionDays, default: auditRetentionDays)
        adminKeys = APIKeySet([settings.text(.adminAPIKey)].compactMap { $0 })
    }
}
