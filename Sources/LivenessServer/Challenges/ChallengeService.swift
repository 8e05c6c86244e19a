import Foundation
import LivenessCore

/// Issues challenges for inconclusive passive results and settles blink attempts against them.
///
/// Configuration keys (through ``ServerConfiguration``, which passes them in): `CHALLENGE_TTL_SECONDS`,
/// `CHALLENGE_MAX_ATTEMPTS`, `PUBLIC_BASE_URL`, `ACTIVE_CHALLENGE`. An action challenge's actions and slots
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
    /// The clock; tests inject their own.
    public let now: @Sendable () -> Date

    public init(
        store: any ChallengeStore = InMemoryChallengeStore(), ttl: TimeInterval = ServerConfiguration().challengeTTL,
        maxAttempts: Int = ServerConfiguration().challengeMaxAttempts,
        publicBaseURL: String? = nil, type: ChallengeType = ServerConfiguration().activeChallenge,
        layout: ActionChallenge.Layout = ActionChallenge.Layout(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
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
            actions: type == .actions ? ActionChallenge.random(layout: layout) : nil)
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

    /// Runs `attempt` against the challenge `id` (its face reference, its actions): refused unless
    /// `apiKeyID` may attempt it now; a pass consumes it, a fail uses up an attempt, an error in `attempt`
    /// leaves it as it was.
    public func attempt(
        id: String, apiKeyID: String?, _ attempt: (Challenge) async throws -> BlinkAnalysis
    ) async throws -> BlinkAnalysis {
        guard Challenge.isWellFormed(id) else { throw ChallengeError.notFound }
        let challenge = try await store.begin(id: id, apiKeyID: apiKeyID, now: now())
        let analysis: BlinkAnalysis
        do {
            analysis = try await attempt(challenge)
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
}
