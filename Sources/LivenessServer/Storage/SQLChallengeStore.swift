import Foundation
import LivenessCore
import SQLKit

/// Challenges in SQLite or PostgreSQL, shared by every replica on the same database.
///
/// Every state change is one conditional `UPDATE`: of two replicas that try to start an attempt on the same
/// challenge, exactly one updates the row. An attempt whose replica died (it never finished or released it)
/// is taken over after ``attemptLease``.
public struct SQLChallengeStore: ChallengeStore {
    public let database: Database
    /// How long an attempt may stay in progress before another upload may take the challenge over.
    public static let attemptLease: TimeInterval = 120

    public init(database: Database) {
        self.database = database
    }

    public func insert(_ challenge: Challenge) async throws {
        try await database.withSQL { sql in
            try await sql.raw(
                """
                INSERT INTO liveness_challenges
                    (id, created_at_ms, expires_at_ms, passive_label, passive_score, attempts_left, api_key_id, state, passive_reasons,
                     face_reference, face_bound, actions, challenge_type)
                VALUES (\(bind: challenge.id), \(bind: challenge.createdAt.milliseconds), \(bind: challenge.expiresAt.milliseconds),
                        \(bind: challenge.passiveLabel), \(bind: challenge.passiveScore), \(bind: challenge.attemptsLeft),
                        \(bind: challenge.apiKeyID ?? ""), \(bind: challenge.state.rawValue),
                        \(bind: challenge.passiveReasons.joined(separator: ",")), \(bind: Challenge.stored(challenge.reference)),
                        \(bind: challenge.faceBound), \(bind: challenge.actions?.text), \(bind: challenge.type.rawValue))
                """
            ).run()
        }
    }

    public func find(id: String) async throws -> Challenge? {
        try await database.withSQL { sql in
            try await sql.raw("SELECT \(unsafeRaw: Challenge.sqlColumns) FROM liveness_challenges WHERE id = \(bind: id)")
                .first().map(Challenge.init(row:))
        }
    }

    public func begin(id: String, apiKeyID: String?, now: Date) async throws -> Challenge {
        let nowMs = now.milliseconds
        let staleBefore = nowMs - Int(Self.attemptLease * 1000)
        let started = try await database.withSQL { sql in
            try await sql.raw(
                """
                UPDATE liveness_challenges SET state = 'in_progress', attempt_started_at_ms = \(bind: nowMs)
                WHERE id = \(bind: id) AND api_key_id = \(bind: apiKeyID ?? "") AND expires_at_ms > \(bind: nowMs)
                  AND attempts_left > 0
                  AND (state = 'open' OR (state = 'in_progress' AND attempt_started_at_ms < \(bind: staleBefore)))
                RETURNING \(unsafeRaw: Challenge.sqlColumns)
                """
            ).first().map(Challenge.init(row:))
        }
        if let started { return started }
        // Not updated: say why, from the row as it is now.
        guard let challenge = try await find(id: id) else { throw ChallengeError.notFound }
        throw challenge.refusal(apiKeyID: apiKeyID, now: now) ?? ChallengeError.used
    }

    public func finish(id: String, attempt: Challenge.Attempt, now: Date) async throws {
        let reasons = attempt.reasons.joined(separator: ",")
        let nowMs = now.milliseconds
        let matched = attempt.faceMatch?.matched
        let distance = attempt.faceMatch?.distance
        try await database.withSQL { sql in
            if attempt.passed {
                try await sql.raw(
                    """
                    UPDATE liveness_challenges SET state = 'passed', attempt_started_at_ms = NULL, completed_at_ms = \(bind: nowMs),
                        last_passed = \(bind: true), last_reasons = \(bind: reasons), face_reference = NULL,
                        last_face_matched = \(bind: matched), last_face_distance = \(bind: distance)
                    WHERE id = \(bind: id) AND state = 'in_progress'
                    """
                ).run()
            } else {
                try await sql.raw(
                    """
                    UPDATE liveness_challenges
                    SET attempts_left = attempts_left - 1,
                        state = CASE WHEN attempts_left > 1 THEN 'open' ELSE 'exhausted' END,
                        completed_at_ms = CASE WHEN attempts_left > 1 THEN NULL ELSE \(bind: nowMs) END,
                        attempt_started_at_ms = NULL, last_passed = \(bind: false), last_reasons = \(bind: reasons),
                        face_reference = CASE WHEN attempts_left > 1 THEN face_reference ELSE NULL END,
                        last_face_matched = \(bind: matched), last_face_distance = \(bind: distance)
                    WHERE id = \(bind: id) AND state = 'in_progress'
                    """
                ).run()
            }
        }
        try await database.eraseFreedValues()
    }

    public func release(id: String) async throws {
        try await database.withSQL { sql in
            try await sql.raw(
                """
                UPDATE liveness_challenges SET state = 'open', attempt_started_at_ms = NULL
                WHERE id = \(bind: id) AND state = 'in_progress'
                """
            ).run()
        }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        let purged = try await database.withSQL { sql in
            try await sql.raw("DELETE FROM liveness_challenges WHERE expires_at_ms <= \(bind: now.milliseconds) RETURNING id")
                .all().count
        }
        if purged > 0 { try await database.eraseFreedValues() }
        return purged
    }
}
