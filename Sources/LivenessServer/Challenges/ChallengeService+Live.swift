import LivenessCore

extension ChallengeService {
    /// Runs a live session against the challenge `id`: refused unless `apiKeyID` may attempt it now (the same
    /// rules as an upload: its key, unexpired, attempts left, no other attempt running). The session's verdict
    /// is recorded as an attempt with its same-face comparison, a pass consuming the challenge; an error thrown
    /// by `session` (not a failed session, which is a verdict) leaves the challenge as it was.
    func attemptLive(
        id: String, apiKeyID: String?, _ session: (Challenge) async throws -> (outcome: LiveOutcome, match: FaceMatch?)
    ) async throws -> (challenge: Challenge, outcome: LiveOutcome) {
        guard Challenge.isWellFormed(id) else { throw ChallengeError.notFound }
        let challenge = try await store.begin(id: id, apiKeyID: apiKeyID, now: now())
        let outcome: LiveOutcome
        let match: FaceMatch?
        do {
            (outcome, match) = try await session(challenge)
        } catch {
            try await store.release(id: id)
            throw error
        }
        try await store.finish(
            id: id, attempt: Challenge.Attempt(passed: outcome.passed, reasons: outcome.reasons.map(\.rawValue), faceMatch: match),
            now: now())
        return (challenge, outcome)
    }
}
