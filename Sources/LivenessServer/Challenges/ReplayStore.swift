import Foundation
import LivenessCore

/// The fingerprints of analysed action clips, per API key, kept `REPLAY_WINDOW_HOURS` to refuse replays.
public protocol ReplayStore: Sendable {
    /// Whether a clip matching `fingerprint` answered another challenge of `apiKeyID` since `since`.
    func seen(_ fingerprint: ClipFingerprint, apiKeyID: String?, otherThan challengeID: String, since: Date) async throws -> Bool
    /// Keeps `fingerprint` as answering `challengeID`.
    func record(_ fingerprint: ClipFingerprint, apiKeyID: String?, challengeID: String, at: Date) async throws
    /// Deletes fingerprints older than `before`; returns how many.
    func purge(before: Date) async throws -> Int
}
