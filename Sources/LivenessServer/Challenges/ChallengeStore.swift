import Foundation

/// Where challenges live. Every state change is atomic per challenge, so concurrent uploads for one
/// challenge can never both consume it.
public protocol ChallengeStore: Sendable {
    /// Stores a new challenge.
    func insert(_ challenge: Challenge) async throws
    /// Reads a challenge without changing it.
    func find(id: String) async throws -> Challenge?
    /// Checks that `apiKeyID` may attempt the challenge now and marks it in progress.
    func begin(id: String, apiKeyID: String?, now: Date) async throws -> Challenge
    /// Ends an attempt with its verdict: a pass consumes the challenge, a fail uses up one attempt.
    func finish(id: String, attempt: Challenge.Attempt, now: Date) async throws
    /// Ends an attempt that could not be judged (for example an undecodable video) without using it up.
    func release(id: String) async throws
    /// Deletes challenges that expired before `now`; returns how many.
    func purgeExpired(now: Date) async throws -> Int
}

extension ChallengeStore {
    /// Ends an attempt with no reasons recorded, now.
    public func finish(id: String, passed: Bool) async throws {
        try await finish(id: id, attempt: Challenge.Attempt(passed: passed, reasons: []), now: Date())
    }
}
