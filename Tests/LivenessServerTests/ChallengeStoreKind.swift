import ServerTestSupport
@testable import LivenessServer

/// Every ``ChallengeStore`` the service has, for the store contract suite: process memory (a single node
/// without a database, and the HTTP tests), SQLite, and PostgreSQL when configured.
enum ChallengeStoreKind: String, CustomStringConvertible, Sendable, CaseIterable {
    case memory
    case sqlite
    case postgresql

    static var available: [ChallengeStoreKind] { [.memory] + TestDatabase.available.compactMap { Self(rawValue: $0.rawValue) } }

    var description: String { rawValue }

    /// Runs `body` with a new, empty store of this kind; with `isolated`, PostgreSQL gets a database of its own
    /// (for tests that delete by time).
    func withStore<T>(isolated: Bool = false, _ body: (any ChallengeStore) async throws -> T) async throws -> T {
        guard let database = TestDatabase(rawValue: rawValue) else { return try await body(InMemoryChallengeStore()) }
        if isolated {
            return try await database.withPrivateDatabase { try await body(SQLChallengeStore(database: $0)) }
        }
        return try await database.withDatabase { try await body(SQLChallengeStore(database: $0)) }
    }
}
