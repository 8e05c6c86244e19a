extension Setting {
    private static let storage = StorageConfiguration()

    public static let databaseURL = Setting(
        "database.url", .text, secret: true, group: .storage,
        "`postgres://user:password@host:5432/db` (replicas), or `sqlite:///path`; unset: SQLite in `DATA_DIR`")
    public static let dataDirectory = Setting(
        "data.dir", .text, default: StorageConfiguration.defaultDataDirectory, group: .storage,
        "folder of the default SQLite database (and of the generated signing key)")
    public static let databaseTimeoutSeconds = Setting(
        "database.timeout.seconds", .number(0.1...600), default: storage.timeout, group: .storage,
        "longest wait for one database operation before 503 `storage_unavailable`")
    public static let databaseStartupTimeoutSeconds = Setting(
        "database.startup.timeout.seconds", .number(1...3600), default: storage.startupTimeout, group: .storage,
        "how long startup waits for the database before exiting with status 2")
    public static let auditEnabled = Setting(
        "audit.enabled", .flag, default: storage.auditEnabled, group: .storage, "write the audit log")
    public static let auditRetentionDays = Setting(
        "audit.retention.days", .integer(1...36_500), default: storage.auditRetentionDays, group: .storage,
        "audit entries older than this are deleted (hourly)")
    public static let adminAPIKey = Setting(
        "admin.api.key", .text, secret: true, group: .storage, "the key for `GET /audit`; unset: `/audit` answers 404")

    /// What ``StorageConfiguration`` reads.
}
