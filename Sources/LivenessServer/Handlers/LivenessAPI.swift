import LivenessCore
import LivenessWire
import OpenAPIRuntime

/// The handlers generated from `openapi.yaml`.
///
/// Configuration keys: `ENABLE_FALLBACK`, `ALLOW_UNBOUND_CHALLENGES`, `ENABLE_METRICS`, `MAX_VIDEO_BYTES`,
/// `REQUIRE_CHALLENGE` (through ``ServerConfiguration``).
struct LivenessAPI: APIProtocol {
    let state: ServiceState
    let configuration: ServerConfiguration
    let metrics: LivenessMetrics?
    let challenges: ChallengeService
    /// Failed blink attempts per client (`MAX_FAILED_CHALLENGES_PER_HOUR`), if limited.
    let failedAttempts: RateLimiter?
    /// The audit log, unless it is off (`AUDIT_ENABLED=false`) or there is no database (tests).
    let audit: AuditLog?
    /// Signs each decision's `result_token`.
    let signer: ResultSigner

    func checkLiveness(_ input: Operations.CheckLiveness.Input) async throws -> Operations.CheckLiveness.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType("another body", accepted: ["application/json"]) }
        guard let encoded = body.image ?? body.imageBase64 else {
            throw LivenessError.invalidRequest("the body needs an \"image\" field with the base64 of the image")
        }
        guard !encoded.isEmpty else { throw LivenessError.invalidRequest("the image is empty") }
        let bytes = try Base64Image.decode(encoded)
        guard let engine = state.engine else { throw APIError.notReady }
        let clock = ContinuousClock()
        let start = clock.now
        let bindFace = configuration.enableFallback
        let (result, reference) = try await HangUp.guarding { try await engine.checkImage(bytes, bindFace: bindFace) }
        metrics?.recordInference(endpoint: "/liveness", seconds: (clock.now - start).seconds)
        var fallback: Components.Schemas.Fallback?
        if result.requiresActiveCheck && configuration.enableFallback {
            if let problem = configuration.challengeProblem(engine) { throw LivenessError(.blinkUnavailable, problem) }
            let challenge = try await challenges.issue(for: result, reference: reference, apiKeyID: RequestScope.apiKeyID)
            fallback = .init(
                challengeType: .init(challenge.type), actions: challenge.actions?.steps.map { .init($0) },
                recordingSeconds: challenge.actions.map { WireRounding.seconds($0.duration + 0.5) }, challengeId: challenge.id,
                uploadUrl: challenges.uploadURL(for: challenge),
                liveUrl: challenge.type == .live ? challenges.liveURL(for: challenge) : nil, expiresAt: challenge.expiresAt,
                faceBound: challenge.faceBound,
                retakeSelfie: reference == .unavailable)
        }
        RequestScope.note?.update {
            $0.outcome = result.label.rawValue
            $0.score = WireRounding.score(result.confidenceScore)
            $0.reasons = result.reasons.map(\.rawValue)
            $0.challengeID = fallback?.challengeId
        }
        var answer = Components.Schemas.LivenessResponse(result, requestID: RequestScope.requestID)
        answer.fallback = fallback
        answer.resultToken = try await signer.sign(
            kind: "liveness", decision: result.label.rawValue, requiresActiveCheck: result.requiresActiveCheck,
            score: answer.confidenceScore, reasons: result.reasons.map(\.rawValue), challengeID: fallback?.challengeId,
            requestID: RequestScope.requestID, media: bytes, modelVersion: result.modelVersion, audience: RequestScope.apiKeyID)
        return .ok(.init(headers: .init(xRequestID: RequestScope.requestID), body: .json(answer)))
    }
}
