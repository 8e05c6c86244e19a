import Foundation
import LivenessCore
import SQLKit

/// Fingerprints in `liveness_clip_fingerprints` (SQLite or PostgreSQL), shared by every replica.
public struct SQLReplayStore: ReplayStore {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func seen(_ fingerprint: ClipFingerprint, apiKeyID: String?, otherThan challengeID: String, since: Date) async throws -> Bool {
        let rows = try await database.withSQL { sql in
            try await sql.raw(
                """
                SELECT fingerprint FROM liveness_clip_fingerprints
                WHERE api_key_id = \(bind: apiKeyID ?? "") AND at_ms >= \(bind: since.milliseconds)
                  AND challenge_id <> \(bind: challengeID)
                """
            ).all()
        }
        return try rows.contains { row in
            ClipFingerprint(stored: try row.decode(column: "fingerprint", as: String.self))?.matches(fingerprint) ?? false
        }
    }

    public func record(_ fingerprint: ClipFingerprint, apiKeyID: String?, challengeID: String, at: Date) async throws {
        try await database.withSQL { sql in
            try await sql.raw(
                """
                INSERT INTO liveness_clip_fingerprints (id, challenge_id, api_key_id, at_ms, fingerprint)
                VALUES (\(bind: Challenge.newID()), \(bind: challengeID), \(bind: apiKeyID ?? ""), \(bind: at.milliseconds),
                        \(bind: fingerprint.stored))
                """
            ).run()
        }
    }

    public func purge(before: Date) async throws -> Int {
        let purged = try await database.withSQL { sql in
            try await sql.raw("DELETE FROM liveness_clip_fingerprints WHERE at_ms < \(bind: before.milliseconds) RETURNING id").all().count
        }
        if purged > 0 { try await database.eraseFreedValues() }
        return purged
    }
}
