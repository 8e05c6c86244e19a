import Foundation
import SQLiteKit
import SQLKit

extension Database {
    /// One schema change: statements that run in one transaction, recorded under `version`.
    struct Migration: Sendable {
        let version: Int
        let statements: [String]
    }

    /// The schema, oldest first. Append new versions; never edit a released one. The SQL is the common
    /// subset of SQLite and PostgreSQL; times are milliseconds since 1970 (UTC).
    static let migrations: [Migration] = [
        Migration(
            version: 1,
            statements: [
                """
                CREATE TABLE IF NOT EXISTS liveness_challenges (
                    id TEXT PRIMARY KEY,
                    created_at_ms BIGINT NOT NULL,
                    expires_at_ms BIGINT NOT NULL,
                    passive_label TEXT NOT NULL,
                    passive_score DOUBLE PRECISION NOT NULL,
                    attempts_left INTEGER NOT NULL,
                    api_key_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempt_started_at_ms BIGINT
                )
                """,
                "CREATE INDEX IF NOT EXISTS liveness_challenges_expiry ON liveness_challenges (expires_at_ms)",
                """
                CREATE TABLE IF NOT EXISTS liveness_audit (
                    id TEXT PRIMARY KEY,
                    request_id TEXT NOT NULL,
                    at_ms BIGINT NOT NULL,
                    endpoint TEXT NOT NULL,
                    api_key_id TEXT,
                    status INTEGER NOT NULL,
                    outcome TEXT NOT NULL,
                    score DOUBLE PRECISION,
                    reasons TEXT NOT NULL,
                    latency_ms DOUBLE PRECISION NOT NULL,
                    model_version TEXT,
                    challenge_id TEXT
                )
                """,
                "CREATE INDEX IF NOT EXISTS liveness_audit_time ON liveness_audit (at_ms)",
            ]),
        // What GET /challenges/{id} reports: the selfie's reasons, when the challenge ended, the last verdict.
        Migration(
            version: 2,
            statements: [
                "ALTER TABLE liveness_challenges ADD COLUMN passive_reasons TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE liveness_challenges ADD COLUMN completed_at_ms BIGINT",
                "ALTER TABLE liveness_challenges ADD COLUMN last_passed BOOLEAN",
                "ALTER TABLE liveness_challenges ADD COLUMN last_reasons TEXT",
            ]),
        // The selfie's face descriptor (NULL: not bound; '': bound, but the selfie gave none), and the last
        // attempt's same-face result.
        Migration(
            version: 3,
            statements: [
                "ALTER TABLE liveness_challenges ADD COLUMN face_reference TEXT",
                "ALTER TABLE liveness_challenges ADD COLUMN last_face_matched BOOLEAN",
                "ALTER TABLE liveness_challenges ADD COLUMN last_face_distance DOUBLE PRECISION",
            ]),
        // Whether the challenge was bound to the selfie's face when issued (the descriptor itself is cleared when
        // the challenge ends, so the status needs its own column). Earlier rows: bound if they still hold a
        // descriptor or were judged against one.
        Migration(
            version: 4,
            statements: [
                "ALTER TABLE liveness_challenges ADD COLUMN face_bound BOOLEAN NOT NULL DEFAULT FALSE",
                "UPDATE liveness_challenges SET face_bound = TRUE WHERE face_reference IS NOT NULL OR last_face_matched IS NOT NULL",
            ]),
        // An action challenge's actions and slots (`ACTION@CUE-END,...`; NULL: a blink challenge), and the
        // fingerprints of analysed action clips that refuse replays (kept REPLAY_WINDOW_HOURS, per API key).
        Migration(
            version: 5,
            statements: [
                "ALTER TABLE liveness_challenges ADD COLUMN actions TEXT",
                """
                CREATE TABLE IF NOT EXISTS liveness_clip_fingerprints (
                    id TEXT PRIMARY KEY,
                    challenge_id TEXT NOT NULL,
                    api_key_id TEXT NOT NULL,
                    at_ms BIGINT NOT NULL,
                    fingerprint TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS liveness_clip_fingerprints_key ON liveness_clip_fingerprints (api_key_id, at_ms)",
            ]),
        // The challenge's type (`actions`, `blink`, `live`); NULL in earlier rows, whose type follows `actions`.
        Migration(
            version: 6,
            statements: [
                "ALTER TABLE liveness_challenges ADD COLUMN challenge_type TEXT"
            ]),
    ]

    /// The newest schema version this build knows.
    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the schema up to ``latestVersion``. Replicas starting together on one PostgreSQL take turns
    /// (an advisory lock); on SQLite the write transaction serialises them. A schema that is already current
    /// (every restart, every replica after the first) is only read: no lock, no transaction.
    func migrate() async throws {
        let kind = kind
        let found = try await withSessionUnbounded { sql in try? await Self.currentVersion(sql) }
        if let found {
            guard found <= Self.latestVersion else { throw StorageError.schemaTooNew(found: found, supported: Self.latestVersion) }
            if found == Self.latestVersion { return }
        }
        try await withSessionUnbounded { sql in
            if kind == .postgresql { try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.migrationLock))").run() }
            do {
                try await Self.migrate(sql, kind: kind)
            } catch {
                if kind == .postgresql { try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLock))").run() }
                throw error
            }
            if kind == .postgresql { try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLock))").run() }
        }
    }

    /// The schema version stored in the database.
    public func schemaVersion() async throws -> Int {
        try await withSQL { sql in try await Self.currentVersion(sql) }
    }

    /// An arbitrary constant that names this service's migration lock.
    private static let migrationLock = 0x6C69_7665_6E65

    /// SQLite answers `busy` without waiting in a few cases (a schema another connection is changing, a read
    /// transaction that cannot be upgraded): openers of one new file retry the whole migration then.
    private static func migrate(_ sql: any SQLDatabase, kind: Kind) async throws {
        var tries = 0
        while true {
            do {
                return try await migrateOnce(sql, kind: kind)
            } catch let error as SQLiteError where kind == .sqlite && tries < 200 && Self.isBusy(error) {
                tries += 1
                try await Task.sleep(for: .milliseconds(25))
            }
        }
    }

    private static func isBusy(_ error: SQLiteError) -> Bool {
        switch error.reason {
        case .busy, .busyTimeout, .busyInSnapshot, .busyInRecovery, .locked, .schema: true
        default: false
        }
    }

    private static func migrateOnce(_ sql: any SQLDatabase, kind: Kind) async throws {
        try await sql.raw(
            "CREATE TABLE IF NOT EXISTS liveness_schema (version INTEGER PRIMARY KEY, applied_at_ms BIGINT NOT NULL)"
        ).run()
        for migration in migrations {
            // The version is read inside the write transaction: another process may have migrated meanwhile.
            try await sql.raw(kind == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let current = try await currentVersion(sql)
                guard current <= latestVersion else { throw StorageError.schemaTooNew(found: current, supported: latestVersion) }
                if migration.version > current {
                    for statement in migration.statements { try await sql.raw("\(unsafeRaw: statement)").run() }
                    try await sql.raw(
                        "INSERT INTO liveness_schema (version, applied_at_ms) VALUES (\(bind: migration.version), \(bind: Date().milliseconds))"
                    ).run()
                }
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    private static func currentVersion(_ sql: any SQLDatabase) async throws -> Int {
        // MAX over no rows is NULL: an empty schema table is version 0.
        try await sql.raw("SELECT MAX(version) AS version FROM liveness_schema").first()?.decode(column: "version", as: Int?.self) ?? 0
    }
}
