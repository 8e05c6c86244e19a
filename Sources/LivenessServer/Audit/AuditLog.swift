import Foundation
import Logging
import SQLKit
import Synchronization

/// The audit log in the `liveness_audit` table.
///
/// ``record(_:)`` never waits for the database: entries are buffered (at most ``capacity``; beyond that the
/// oldest are dropped and counted) and written in batches by ``flush()``, which ``AuditService`` calls every
/// second and at shutdown.
///
/// Configuration keys: `AUDIT_ENABLED`, `AUDIT_RETENTION_DAYS` (through ``StorageConfiguration``).
public final class AuditLog: Sendable {
    public let database: Database
    public let retentionDays: Int
    public let capacity: Int
    private let pending = Mutex<[AuditEntry]>([])
    private let droppedCount = Atomic<Int>(0)
    private static let batchSize = 200

    public init(database: Database, retentionDays: Int = 30, capacity: Int = 10_000) {
        self.database = database
        self.retentionDays = retentionDays
        self.capacity = capacity
    }

    /// Queues `entry` for the next flush.
    public func record(_ entry: AuditEntry) {
        let dropped = pending.withLock { entries in
            entries.append(entry)
            let excess = max(0, entries.count - capacity)
            entries.removeFirst(excess)
            return excess
        }
        if dropped > 0 { droppedCount.add(dropped, ordering: .relaxed) }
    }

    /// Entries dropped because the buffer was full (the database was down for long).
    public var dropped: Int { droppedCount.load(ordering: .relaxed) }

    /// Entries waiting to be written.
    public var pendingCount: Int { pending.withLock { $0.count } }

    /// Writes every queued entry. On failure the entries go back to the queue and the error is thrown.
    public func flush() async throws {
        let batch = pending.withLock { entries in
            defer { entries.removeAll() }; return entries
        }
        guard !batch.isEmpty else { return }
        var written = 0
        do {
            while written < batch.count {
                let chunk = Array(batch[written..<min(batch.count, written + Self.batchSize)])
                try await insert(chunk)
                written += chunk.count
            }
        } catch {
            let unwritten = batch[written...]
            pending.withLock { entries in
                entries.insert(contentsOf: unwritten, at: 0)
                let excess = max(0, entries.count - capacity)
                entries.removeFirst(excess)
            }
            throw error
        }
    }

    private func insert(_ entries: [AuditEntry]) async throws {
        try await database.withSQL { sql in
            var insert = sql.insert(into: "liveness_audit").columns(
                "id", "request_id", "at_ms", "endpoint", "api_key_id", "status", "outcome", "score", "reasons", "latency_ms",
                "model_version", "challenge_id")
            for entry in entries {
                insert = insert.values(
                    [
                        entry.id, entry.requestID, entry.time.milliseconds, entry.endpoint, entry.apiKeyID, entry.status,
                        entry.outcome, entry.score, entry.reasons.joined(separator: ","), entry.latencyMs, entry.modelVersion,
                        entry.challengeID,
                    ] as [any Encodable & Sendable])
            }
            try await insert.run()
        }
    }

    /// Entries with `from <= time < to`, oldest first, at most `limit`. Flushes the queue first.
    public func entries(from: Date?, to: Date?, limit: Int) async throws -> [AuditEntry] {
        try await flush()
        let fromMs = from?.milliseconds ?? Int.min
        let toMs = to?.milliseconds ?? Int.max
        return try await database.withSQL { sql in
            try await sql.raw(
                """
                SELECT id, request_id, at_ms, endpoint, api_key_id, status, outcome, score, reasons, latency_ms,
                       model_version, challenge_id
                FROM liveness_audit WHERE at_ms >= \(bind: fromMs) AND at_ms < \(bind: toMs)
                ORDER BY at_ms, id LIMIT \(bind: limit)
                """
            ).all().map(AuditEntry.init(row:))
        }
    }

    /// Deletes entries older than ``retentionDays`` before `now`; returns how many.
    public func purge(now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(retentionDays) * 86_400).milliseconds
        return try await database.withSQL { sql in
            try await sql.raw("DELETE FROM liveness_audit WHERE at_ms < \(bind: cutoff) RETURNING id").all().count
        }
    }
}
