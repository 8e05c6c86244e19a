import Foundation
import LivenessServer
import Logging
import SQLKit
import Testing
import TestSupport

/// The databases the store suites run against: SQLite always, PostgreSQL when `LIVENESS_TEST_DATABASE_URL`
/// names one (`scripts/test` starts a throwaway server and sets it; so does CI).
public enum TestDatabase: String, CustomStringConvertible, Sendable, CaseIterable {
    case sqlite
    case postgresql

    public static let postgresURL = TestPostgres.url

    /// SQLite, plus PostgreSQL when configured.
    public static var available: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql] }

    public var description: String { rawValue }

    /// Opens (and migrates) a database of this kind for one test; SQLite gets a new file in a temporary folder.
    public func withDatabase<T>(_ body: (Database) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            try await withTemporaryFolder { folder in try await Self.withDatabase(at: .sqlite(path: "\(folder)/liveness.sqlite"), body) }
        case .postgresql:
            try await Self.withDatabase(at: .postgres(url: try #require(Self.postgresURL)), body)
        }
    }

    /// Like ``withDatabase(_:)``, but on PostgreSQL in a database of its own, created for `body` and dropped
    /// afterwards. For tests that delete by time (purges): on the shared database their far-future `now`
    /// would delete the rows of tests running beside them. The test role needs CREATEDB (`scripts/test`'s has).
    public func withPrivateDatabase<T>(_ body: (Database) async throws -> T) async throws -> T {
        guard self == .postgresql, let shared = Self.postgresURL, var url = URLComponents(string: shared) else {
            return try await withDatabase(body)
        }
        let name = "liveness_test_\(UInt64.random(in: 0...UInt64.max))"
        try await Self.administer(shared, "CREATE DATABASE \(name)")
        url.path = "/\(name)"
        do {
            let result = try await Self.withDatabase(at: .postgres(url: try #require(url.string)), body)
            try await Self.administer(shared, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await Self.administer(shared, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement that cannot take binds (CREATE or DROP DATABASE) on the shared PostgreSQL.
    private static func administer(_ url: String, _ statement: String) async throws {
        let database = try await Database.connect(.postgres(url: url), timeout: 60, startupTimeout: 120, logger: Logger(label: "test.database"))
        do {
            try await database.withSQL { sql in try await sql.raw(SQLQueryString(statement)).run() }
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    /// Opens (and migrates) the database at `location` for `body` and closes it afterwards, also when `body` throws.
    public static func withDatabase<T>(at location: DatabaseLocation, _ body: (Database) async throws -> T) async throws -> T {
        // Generous limits: the whole suite keeps both cores and the cooperative pool busy (debug builds decode
        // megabyte bodies slowly), so a migration's round trips can wait far longer than in production.
        let database = try await Database.connect(location, timeout: 60, startupTimeout: 120, logger: Logger(label: "test.database"))
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// A base time of its own for each test, far in the future (2128-2160, whole seconds): tests sharing one
    /// PostgreSQL never see each other's rows when they list by time, and a server's real-time purge never
    /// reaches them.
    public static func epoch() -> Date { Date(timeIntervalSince1970: Double(Int.random(in: 5_000_000_000..<6_000_000_000))) }

    /// The base time of the purge tests, which run in a private database (``withPrivateDatabase(_:)``).
    public static let purgeEpoch = Date(timeIntervalSince1970: 4_500_000_000)
}
