import Foundation
import LivenessCore

/// Issues challenges for inconclusive passive results and settles blink attempts against them.
///
/// Configuration keys (through ``ServerConfiguration``, which passes them in): `CHALLENGE_TTL_SECONDS`,
/// `CHALLENGE_MAX_ATTEMPTS`, `PUBLIC_BASE_URL`, `ACTIVE_CHALLENGE`, `REPLAY_WINDOW_HOURS`. An action challenge's actions and slots
/// come from the system's secure generator (``ActionChallenge/random(layout:)``).
public struct ChallengeService: Sendable {
    public let store: any ChallengeStore
    public let ttl: TimeInterval
    public let maxAttempts: Int
    public let publicBaseURL: String?
    /// The type of challenge ``issue(for:reference:apiKeyID:)`` opens.
    public let type: ChallengeType
    /// How an action challenge's slots are drawn.
    public let layout: ActionChallenge.Layout
    /// The fingerprints of analysed action clips, and how long they are kept (0: none).
    public let replays: any ReplayStore
    public let replayWindow: TimeInterval
    /// The clock; tests inject their own.
    public let now: @Sendable () -> Date

    public init(
        store: any ChallengeStore = InMemoryChallengeStore(), ttl: TimeInterval = ServerConfiguration().challengeTTL,
        maxAttempts: Int = ServerConfiguration().challengeMaxAttempts,
        publicBaseURL: String? = nil, type: ChallengeType = ServerConfiguration().activeChallenge,
        layout: ActionChallenge.Layout = ActionChallenge.Layout(), replays: any ReplayStore = InMemoryReplayStore(),
        replayWindow: TimeInterval = ServerConfiguration().replayWindowHours * 3600, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.replays = replays
        self.replayWindow = replayWindow
        self.type = type
        self.layout = layout
        self.store = store
        self.ttl = ttl
        self.maxAttempts = maxAttempts
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.now = now
    }

    /// A new challenge bound to `apiKeyID` and to the selfie's face (`reference`), holding a snapshot of `result`.
    public func issue(for result: PassiveResult, reference: FaceReference? = nil, apiKeyID: String?) async throws -> Challenge {
        let challenge = Challenge(
            createdAt: now(), ttl: ttl, passiveLabel: result.label.rawValue, passiveScore: result.confidenceScore,
            passiveReasons: result.reasons.map(\.rawValue), attempts: maxAttempts, apiKeyID: apiKeyID, reference: reference,
            actions: type == .actions ? ActionChallenge.random(layout: layout) : nil, type: type)
        try await store.insert(challenge)
        return challenge
    }

    /// The challenge `id` as `apiKeyID` may see it: nil when it does not exist or another key created it.
    public func status(id: String, apiKeyID: String?) async throws -> Challenge? {
        guard Challenge.isWellFormed(id), let challenge = try await store.find(id: id), challenge.apiKeyID == apiKeyID else {
            return nil
        }
        return challenge
    }

    /// Where the client uploads the video for `challenge`.
    public func uploadURL(for challenge: Challenge) -> String {
        "\(publicBaseURL ?? "")/active/blink?challenge_id=\(challenge.id)"
    }

    /// The live session's WebSocket for `challenge`: `wss://` or `ws://` under `PUBLIC_BASE_URL`, else a path.
    public func liveURL(for challenge: Challenge) -> String {
        var base = publicBaseURL ?? ""
        if base.hasPrefix("https://") {
            base = "wss://" + base.dropFirst("https://".count)
        } else if base.hasPrefix("http://") {
            base = "ws://" + base.dropFirst("http://".count)
        }
        return "\(base)/live/\(challenge.id)"
    }

    /// Runs `attempt` against the challenge `id` (its face reference, its actions): refused unless
    /// `apiKeyID` may attempt it now; a pass consumes it, a fail uses up an attempt, an error in `attempt`
    /// leaves it as it was.
    public func attempt(
        id: String, apiKeyID: String?, _ attempt: (Challenge) async throws -> BlinkAnalysis
    ) async throws -> BlinkAnalysis {
        guard Challenge.isWellFormed(id) else { throw ChallengeError.notFound }
        let challenge = try await store.begin(id: id, apiKeyID: apiKeyID, now: now())
        guard challenge.type != .live else {
            try await store.release(id: id)
            throw ChallengeError.liveOnly
        }
        var analysis: BlinkAnalysis
        do {
            analysis = try await attempt(challenge)
            try await checkReplay(&analysis, challenge: challenge)
        } catch {
            try await store.release(id: id)
            throw error
        }
        try await store.finish(
            id: id,
            attempt: Challenge.Attempt(passed: analysis.activePassed, reasons: analysis.reasons.map(\.rawValue), faceMatch: analysis.faceMatch),
            now: now())
        return analysis
    }

    /// For an action clip: `replayed_video` when a matching clip answered another challenge of the same key
    /// within ``replayWindow``; then its fingerprint is kept.
    func checkReplay(_ analysis: inout BlinkAnalysis, challenge: Challenge) async throws {
        guard replayWindow > 0, let fingerprint = analysis.actions?.fingerprint else { return }
        let at = now()
        if try await replays.seen(fingerprint, apiKeyID: challenge.apiKeyID, otherThan: challenge.id, since: at.addingTimeInterval(-replayWindow)) {
            analysis.reasons.append(.replayedVideo)
            analysis.activePassed = false
        }
        try await replays.record(fingerprint, apiKeyID: challenge.apiKeyID, challengeID: challenge.id, at: at)
    }

    /// Deletes expired challenges and fingerprints older than ``replayWindow``; returns how many of each.
    func purge() async throws -> (challenges: Int, fingerprints: Int) {
        let challenges = try await store.purgeExpired(now: now())
        let fingerprints = try await replays.purge(before: now().addingTimeInterval(-replayWindow))
        return (challenges, fingerprints)
    }
}
