import Logging

/// The database and the stores on it: challenges, clip fingerprints, and the audit log unless it is off.
///
/// Configuration keys: see ``StorageConfiguration``.
public struct Storage: Sendable {
    public let database: Database
    public let challenges: SQLChallengeStore
    public let replays: SQLReplayStore
    public let audit: AuditLog?

    public init(database: Database, auditEnabled: Bool = true, auditRetentionDays: Int = 30) {
        self.database = database
        challenges = SQLChallengeStore(database: database)
        replays = SQLReplayStore(database: database)
        audit = auditEnabled ? AuditLog(database: database, retentionDays: auditRetentionDays) : nil
    }

    /// Opens (and migrates) the configured database.
    public static func open(_ configuration: StorageConfiguration, logger: Logger) async throws -> Storage {
        let database = try await Database.connect(
            configuration.location, timeout: configuration.timeout, startupTimeout: configuration.startupTimeout, logger: logger)
        return Storage(
            database: database, auditEnabled: configuration.auditEnabled, auditRetentionDays: configuration.auditRetentionDays)
    }
}
