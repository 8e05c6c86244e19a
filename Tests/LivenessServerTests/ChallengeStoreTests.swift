import Foundation
@testable import LivenessServer
import ServerTestSupport
import Testing

/// The challenge store contract, on every store (``ChallengeStoreKind``): memory, SQLite and PostgreSQL. Only
/// the lease of an attempt abandoned by a dead replica is the database stores' alone.
@Suite("Challenge store")
struct ChallengeStoreTests {
    static func challenge(at epoch: Date, key: String? = "key-a", attempts: Int = 3, ttl: TimeInterval = 180) -> Challenge {
        Challenge(createdAt: epoch, ttl: ttl, passiveLabel: "fake", passiveScore: 0.731634, attempts: attempts, apiKeyID: key)
    }

    /// Runs `body` with a store of `kind` holding one new challenge (key `key-a`) created at a fresh epoch.
    static func withChallenge(
        on kind: ChallengeStoreKind, attempts: Int = 3, _ body: (any ChallengeStore, Challenge, Date) async throws -> Void
    ) async throws {
        try await kind.withStore { store in
            let epoch = TestDatabase.epoch()
            let challenge = Self.challenge(at: epoch, attempts: attempts)
            try await store.insert(challenge)
            try await body(store, challenge, epoch)
        }
    }

    @Test("A challenge reads back exactly as stored", arguments: ChallengeStoreKind.available)
    func roundTrip(kind: ChallengeStoreKind) async throws {
        try await kind.withStore { store in
            let stored = Self.challenge(at: TestDatabase.epoch())
            let keyless = Self.challenge(at: TestDatabase.epoch(), key: nil)
            try await store.insert(stored)
            try await store.insert(keyless)
            #expect(try await store.find(id: stored.id) == stored)
            #expect(try await store.find(id: keyless.id) == keyless)
            #expect(try await store.find(id: Challenge.newID()) == nil)
        }
    }

    @Test("Refusals: unknown 404, another key 403, expired 410, passed 409", arguments: ChallengeStoreKind.available)
    func refusals(kind: ChallengeStoreKind) async throws {
        try await Self.withChallenge(on: kind) { store, challenge, epoch in
            await #expect(throws: ChallengeError.notFound) { try await store.begin(id: Challenge.newID(), apiKeyID: "key-a", now: epoch) }
            await #expect(throws: ChallengeError.forbidden) { try await store.begin(id: challenge.id, apiKeyID: "key-b", now: epoch) }
            await #expect(throws: ChallengeError.forbidden) { try await store.begin(id: challenge.id, apiKeyID: nil, now: epoch) }
            await #expect(throws: ChallengeError.expired) {
                try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch.addingTimeInterval(180))
            }
            let started = try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch.addingTimeInterval(1))
            #expect(started.state == .inProgress)
            await #expect(throws: ChallengeError.inProgress) { try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch) }
            try await store.finish(id: challenge.id, passed: true)
            #expect(try await store.find(id: challenge.id)?.state == .passed)
            await #expect(throws: ChallengeError.used) { try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch) }
        }
    }

    @Test("Failed attempts count down to exhausted; a release uses none", arguments: ChallengeStoreKind.available)
    func attempts(kind: ChallengeStoreKind) async throws {
        try await Self.withChallenge(on: kind, attempts: 2) { store, challenge, epoch in
            _ = try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch)
            try await store.release(id: challenge.id)
            #expect(try await store.find(id: challenge.id)?.attemptsLeft == 2)
            #expect(try await store.find(id: challenge.id)?.state == .open)
            _ = try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch)
            try await store.finish(id: challenge.id, passed: false)
            #expect(try await store.find(id: challenge.id)?.attemptsLeft == 1)
            #expect(try await store.find(id: challenge.id)?.state == .open)
            _ = try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch)
            try await store.finish(id: challenge.id, passed: false)
            let exhausted = try #require(try await store.find(id: challenge.id))
            #expect(exhausted.attemptsLeft == 0)
            #expect(exhausted.state == .exhausted)
            await #expect(throws: ChallengeError.used) { try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch) }
        }
    }

    @Test("Of 20 concurrent attempts on one challenge exactly one starts", arguments: ChallengeStoreKind.available)
    func concurrentBegin(kind: ChallengeStoreKind) async throws {
        try await Self.withChallenge(on: kind) { store, challenge, epoch in
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask { (try? await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(outcomes.count == 20)
        }
    }

    @Test("An attempt abandoned by a dead replica is taken over after the lease", arguments: TestDatabase.available)
    func staleAttempt(database: TestDatabase) async throws {
        try await Self.withChallenge(on: try #require(ChallengeStoreKind(rawValue: database.rawValue))) { store, challenge, epoch in
            _ = try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch)
            await #expect(throws: ChallengeError.inProgress) {
                try await store.begin(id: challenge.id, apiKeyID: "key-a", now: epoch.addingTimeInterval(SQLChallengeStore.attemptLease - 1))
            }
            let resumed = try await store.begin(
                id: challenge.id, apiKeyID: "key-a", now: epoch.addingTimeInterval(SQLChallengeStore.attemptLease + 1))
            #expect(resumed.state == .inProgress)
        }
    }

    @Test("Purging deletes expired challenges only", arguments: ChallengeStoreKind.available)
    func purge(kind: ChallengeStoreKind) async throws {
        try await kind.withStore(isolated: true) { store in
            let epoch = TestDatabase.purgeEpoch
            let short = Self.challenge(at: epoch, ttl: 10)
            let long = Self.challenge(at: epoch, ttl: 1000)
            try await store.insert(short)
            try await store.insert(long)
            #expect(try await store.purgeExpired(now: epoch.addingTimeInterval(10)) == 1)
            #expect(try await store.find(id: short.id) == nil)
            #expect(try await store.find(id: long.id) == long)
            #expect(try await store.purgeExpired(now: epoch.addingTimeInterval(10)) == 0)
        }
    }
}
