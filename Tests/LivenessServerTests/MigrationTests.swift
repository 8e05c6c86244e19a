import Foundation
@testable import LivenessServer
import Logging
import SQLKit
import ServerTestSupport
import Testing
import TestSupport

/// Opening, migrating and refusing databases.
@Suite("Database")
struct MigrationTests {
    /// Generous: four connections racing for one file's migration, while the other suites load both cores.
    static let startupTimeout = 120.0
    @Test("Opening twice migrates once; the schema is at the latest version", arguments: TestDatabase.available)
    func idempotent(database: TestDatabase) async throws {
        try await database.withDatabase { first in
            try await first.migrate()
            #expect(try await first.schemaVersion() == Database.latestVersion)
            let versions = try await first.withSQL { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM liveness_schema").first()?.decode(column: "n", as: Int.self)
            }
            #expect(versions == Database.migrations.count)
        }
    }

    @Test("Four connections migrating one new SQLite file at once all succeed")
    func concurrentSQLite() async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/shared.sqlite"
            let results = await withTaskGroup(of: Result<Database, any Error>.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        do {
                            return .success(
                                try await Database.connect(.sqlite(path: path), startupTimeout: Self.startupTimeout, logger: Logger(label: "test")))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: [Result<Database, any Error>]()) { $0.append($1) }
            }
            let databases = results.compactMap { try? $0.get() }
            for case .failure(let error) in results { Issue.record("connect failed: \(error)") }
            for database in databases {
                let version = try await database.schemaVersion()
                #expect(version == Database.latestVersion)
                await database.close()
            }
        }
    }

    @Test("A database migrated by a newer version is refused")
    func newerSchema() async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/newer.sqlite"
            let database = try await Database.connect(.sqlite(path: path), startupTimeout: Self.startupTimeout, logger: Logger(label: "test"))
            try await database.withSQL { sql in
                try await sql.raw("INSERT INTO liveness_schema (version, applied_at_ms) VALUES (999, 0)").run()
            }
            await database.close()
            let error = await #expect(throws: StorageError.self) {
                try await Database.connect(.sqlite(path: path), startupTimeout: Self.startupTimeout, logger: Logger(label: "test"))
            }
            #expect(error?.message.contains("version 999") == true)
            #expect(error?.isTransient == false)
        }
    }

    @Test("An SQLite path that cannot be created fails with the path named")
    func unwritablePath() async throws {
        let error = await #expect(throws: StorageError.self) {
            try await Database.connect(.sqlite(path: "/proc/liveness-no-such/liveness.sqlite"), logger: Logger(label: "test"))
        }
        #expect(error?.message.contains("/proc/liveness-no-such/liveness.sqlite") == true)
    }

    @Test("An unreachable PostgreSQL fails after the startup timeout instead of hanging, without the password")
    func unreachablePostgres() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: StorageError.self) {
            try await Database.connect(
                .postgres(url: "postgres://liveness:s3cret-password@127.0.0.1:9/liveness?sslmode=disable"), startupTimeout: 2,
                logger: Logger(label: "test"))
        }
        // 2 s alone; the bound is loose because the other suites, in parallel, load a 2-core machine fully.
        #expect(clock.now - start < .seconds(120))
        #expect(error?.message.contains("127.0.0.1:9") == true)
        #expect(error?.message.contains("within 2.0 s") == true)
        #expect(error?.message.contains("s3cret") == false)
    }

    @Test("Queries past DATABASE_TIMEOUT_SECONDS fail as a StorageError")
    func timeout() async throws {
        await #expect(throws: StorageError.timeout(seconds: 0.2)) {
            try await Database.withTimeout(seconds: 0.2) { try await Task.sleep(for: .seconds(5)) }
        }
    }
}
