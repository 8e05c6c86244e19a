import Foundation
import LivenessCore
import Synchronization

/// Fingerprints in memory, for a single process without a database.
public final class InMemoryReplayStore: ReplayStore {
    private struct Entry {
        var fingerprint: ClipFingerprint
        var apiKeyID: String?
        var challengeID: String
        var at: Date
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    public func seen(_ fingerprint: ClipFingerprint, apiKeyID: String?, otherThan challengeID: String, since: Date) async throws -> Bool {
        entries.withLock { entries in
            entries.contains {
                $0.apiKeyID == apiKeyID && $0.challengeID != challengeID && $0.at >= since && $0.fingerprint.matches(fingerprint)
            }
        }
    }

    public func record(_ fingerprint: ClipFingerprint, apiKeyID: String?, challengeID: String, at: Date) async throws {
        entries.withLock { $0.append(Entry(fingerprint: fingerprint, apiKeyID: apiKeyID, challengeID: challengeID, at: at)) }
    }

    public func purge(before: Date) async throws -> Int {
        entries.withLock { entries in
            let count = entries.count
            entries.removeAll { $0.at < before }
            return count - entries.count
        }
    }
}
