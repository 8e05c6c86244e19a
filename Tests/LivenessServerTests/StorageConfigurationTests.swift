import Configuration
import LivenessCore
@testable import LivenessServer
import Testing

/// `DATABASE_URL`, `DATA_DIR` and the audit keys.
@Suite("Storage configuration")
struct StorageConfigurationTests {
    static func configuration(_ values: [String: String]) throws(ConfigurationError) -> StorageConfiguration {
        try StorageConfiguration(config: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: values)))
    }

    @Test("Defaults: SQLite under DATA_DIR, audit on for 30 days, no admin key")
    func defaults() throws {
        let configuration = try Self.configuration([:])
        #expect(configuration.location == .sqlite(path: "data/liveness.sqlite"))
        #expect(configuration.auditEnabled)
        #expect(configuration.auditRetentionDays == 30)
        #expect(configuration.adminKeys.isEmpty)
        #expect(try Self.configuration(["DATA_DIR": "/var/lib/liveness/"]).location == .sqlite(path: "/var/lib/liveness/liveness.sqlite"))
    }

    @Test("DATABASE_URL selects PostgreSQL or a SQLite file")
    func urls() throws {
        let url = "postgres://liveness:secret@db:5432/liveness?sslmode=disable"
        #expect(try Self.configuration(["DATABASE_URL": url]).location == .postgres(url: url))
        #expect(try Self.configuration(["DATABASE_URL": "postgresql://u@db/x"]).location == .postgres(url: "postgresql://u@db/x"))
        #expect(try Self.configuration(["DATABASE_URL": "sqlite:///srv/l.sqlite"]).location == .sqlite(path: "/srv/l.sqlite"))
        #expect(try Self.configuration(["DATABASE_URL": "sqlite::memory:"]).location == .sqlite(path: ":memory:"))
    }

    @Test("Bad values name the variable and never echo a password")
    func refusals() throws {
        for (key, value) in [
            ("DATABASE_URL", "mysql://root:hunter2@db/x"), ("DATABASE_URL", "sqlite://"), ("DATABASE_URL", "postgres://:hunter2@"),
            ("AUDIT_RETENTION_DAYS", "0"), ("AUDIT_ENABLED", "maybe"), ("DATABASE_TIMEOUT_SECONDS", "-1"),
        ] {
            let error = #expect(throws: ConfigurationError.self) { try Self.configuration([key: value]) }
            #expect(error?.variable == key)
            #expect("\(error.map { "\($0)" } ?? "")".contains("hunter2") == false)
        }
    }

    @Test("Logs show the PostgreSQL URL without its password")
    func redaction() {
        let location = DatabaseLocation.postgres(url: "postgres://liveness:s3cret@db.internal:5432/liveness")
        #expect(location.description == "postgres://liveness:***@db.internal:5432/liveness")
    }
}
