import Foundation
import Synchronization

/// Challenges in process memory: for one replica. They are lost on restart.
public final class InMemoryChallengeStore: ChallengeStore {
    private let challenges = Mutex<[String: Challenge]>([:])

    public init() {}

    public func insert(_ challenge: Challenge) async throws {
        challenges.withLock { $0[challenge.id] = challenge }
    }

    public func find(id: String) async throws -> Challenge? {
        challenges.withLock { $0[id] }
    }

    public func begin(id: String, apiKeyID: String?, now: Date) async throws -> Challenge {
        try challenges.withLock { all throws(ChallengeError) -> Challenge in
            guard var challenge = all[id] else { throw .notFound }
            if let refusal = challenge.refusal(apiKeyID: apiKeyID, now: now) { throw refusal }
            challenge.state = .inProgress
            all[id] = challenge
            return challenge
        }
    }

    public func finish(id: String, attempt: Challenge.Attempt, now: Date) async throws {
        challenges.withLock { all in
            guard var challenge = all[id], challenge.state == .inProgress else { return }
            if attempt.passed {
                challenge.state = .passed
            } else {
                challenge.attemptsLeft -= 1
                challenge.state = challenge.attemptsLeft > 0 ? .open : .exhausted
            }
            if challenge.state != .open {
                challenge.completedAt = now
                challenge.reference = nil
            }
            challenge.lastAttempt = attempt
            all[id] = challenge
        }
    }

    public func release(id: String) async throws {
        challenges.withLock { all in
            guard all[id]?.state == .inProgress else { return }
            all[id]?.state = .open
        }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        challenges.withLock { all in
            let expired = all.values.filter { $0.expiresAt <= now }.map(\.id)
            for id in expired { all[id] = nil }
            return expired.count
        }
    }
}
