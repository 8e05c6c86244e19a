import Foundation
@testable import LivenessServer
import ServerTestSupport
import Testing
import TestSupport

/// The audit log's buffer, queries and retention, on SQLite and PostgreSQL.
@Suite("Audit log")
struct AuditLogTests {
    static func entry(_ index: Int, at time: Date, outcome: String = "real") -> AuditEntry {
        AuditEntry(
            requestID: "request-\(index)", time: time, endpoint: "/liveness", apiKeyID: index.isMultiple(of: 2) ? "0a1b2c3d4e5f" : nil,
            status: 200, outcome: outcome, score: 0.5 + Double(index) / 1000,
            reasons: index.isMultiple(of: 3) ? ["low_confidence", "multiple_faces"] : [],
            latencyMs: 12.5, modelVersion: "2.7_80x80_MiniFASNetV2", challengeID: index.isMultiple(of: 5) ? Challenge.newID() : nil)
    }

    @Test("Entries are written in batches and read back in time order within the window", arguments: TestDatabase.available)
    func window(database: TestDatabase) async throws {
        try await database.withDatabase { database in
            let audit = AuditLog(database: database)
            let epoch = TestDatabase.epoch()
            let entries = (0..<450).map { Self.entry($0, at: epoch.addingTimeInterval(Double(449 - $0))) }
            for entry in entries { audit.record(entry) }
            #expect(audit.pendingCount == 450)
            try await audit.flush()
            #expect(audit.pendingCount == 0)
            let all = try await audit.entries(from: epoch, to: epoch.addingTimeInterval(450), limit: 1000)
            #expect(all == entries.sorted { $0.time < $1.time })
            let window = try await audit.entries(from: epoch.addingTimeInterval(100), to: epoch.addingTimeInterval(110), limit: 1000)
            #expect(window.map(\.time) == (100..<110).map { epoch.addingTimeInterval(Double($0)) })
            let limited = try await audit.entries(from: epoch, to: nil, limit: 7)
            #expect(limited.count == 7)
            #expect(limited.first?.time == epoch)
        }
    }

    @Test("Reading flushes what is queued", arguments: TestDatabase.available)
    func readFlushes(database: TestDatabase) async throws {
        try await database.withDatabase { database in
            let audit = AuditLog(database: database)
            let epoch = TestDatabase.epoch()
            audit.record(Self.entry(1, at: epoch, outcome: "no_face"))
            let read = try await audit.entries(from: epoch, to: epoch.addingTimeInterval(1), limit: 10)
            #expect(read.map(\.outcome) == ["no_face"])
            #expect(read.first?.apiKeyID == nil)
            #expect(read.first?.reasons == [])
        }
    }

    @Test("Retention deletes entries older than AUDIT_RETENTION_DAYS", arguments: TestDatabase.available)
    func retention(database: TestDatabase) async throws {
        try await database.withPrivateDatabase { database in
            let audit = AuditLog(database: database, retentionDays: 2)
            let now = TestDatabase.purgeEpoch
            for (index, age) in [3.0, 2.5, 1.5, 0.1].enumerated() {
                audit.record(Self.entry(index, at: now.addingTimeInterval(-age * 86_400)))
            }
            try await audit.flush()
            #expect(try await audit.purge(now: now) == 2)
            let left = try await audit.entries(from: now.addingTimeInterval(-10 * 86_400), to: now, limit: 10)
            #expect(left.map(\.requestID) == ["request-2", "request-3"])
        }
    }

    @Test("A full buffer drops the oldest entries and counts them")
    func capacity() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let audit = AuditLog(database: database, capacity: 5)
            let epoch = TestDatabase.epoch()
            for index in 0..<8 { audit.record(Self.entry(index, at: epoch.addingTimeInterval(Double(index)))) }
            #expect(audit.dropped == 3)
            let kept = try await audit.entries(from: epoch, to: nil, limit: 10)
            #expect(kept.map(\.requestID) == (3..<8).map { "request-\($0)" })
        }
    }

    @Test("When the database fails, entries stay queued and the error is a StorageError")
    func failureKeepsEntries() async throws {
        try await withTemporaryFolder { folder in
            let database = try await Database.connect(.sqlite(path: "\(folder)/audit.sqlite"), startupTimeout: 120, logger: .init(label: "test"))
            let audit = AuditLog(database: database)
            audit.record(Self.entry(1, at: TestDatabase.epoch()))
            await database.close()
            await #expect(throws: StorageError.self) { try await audit.flush() }
            #expect(audit.pendingCount == 1)
        }
    }
}
