import Foundation
import LivenessWire
import OpenAPIRuntime

extension LivenessAPI {
    /// `GET /challenges/{challenge_id}`: the challenge's state and verdict, for the key that created it.
    func getChallenge(_ input: Operations.GetChallenge.Input) async throws -> Operations.GetChallenge.Output {
        guard let challenge = try await challenges.status(id: input.path.challengeId, apiKeyID: RequestScope.apiKeyID) else {
            throw APIError.challengeNotFound
        }
        let status: Components.Schemas.ChallengeStatus.StatusPayload =
            switch challenge.state {
            case .passed: .passed
            case .exhausted: .failed
            case .open, .inProgress: challenges.now() >= challenge.expiresAt ? .expired : .open
            }
        var body = Components.Schemas.ChallengeStatus(
            challengeId: challenge.id, challengeType: .init(challenge.type), actions: challenge.actions?.steps.map { .init($0) },
            faceBound: challenge.faceBound, status: status, attemptsLeft: challenge.attemptsLeft,
            createdAt: challenge.createdAt,
            expiresAt: challenge.expiresAt, completedAt: challenge.completedAt,
            passive: .init(
                livenessLabel: challenge.passiveLabel == "real" ? .real : .fake, confidenceScore: WireRounding.score(challenge.passiveScore),
                reasons: Components.Schemas.ReasonCode.stored(challenge.passiveReasons)),
            lastAttempt: challenge.lastAttempt.map {
                .init(activePassed: $0.passed, reasons: Components.Schemas.ReasonCode.stored($0.reasons), faceMatch: $0.faceMatch.map { .init($0) })
            })
        body.resultToken = try await signer.sign(
            kind: "challenge", decision: status.rawValue, score: WireRounding.score(challenge.passiveScore),
            reasons: challenge.lastAttempt?.reasons ?? [], challengeID: challenge.id, requestID: RequestScope.requestID,
            media: nil, modelVersion: state.engine?.modelVersion ?? "", audience: RequestScope.apiKeyID, faceBound: challenge.faceBound,
            challengeType: challenge.type, actions: challenge.actions.map { ResultClaims.actions($0) })
        return .ok(.init(headers: .init(xRequestID: RequestScope.requestID), body: .json(body)))
    }
}
