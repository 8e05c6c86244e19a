import Foundation
import LivenessCore
import LivenessWire
import OpenAPIRuntime

extension LivenessAPI {
    /// `POST /active/blink`: multipart `video` (required) and `challenge_id` (form field or query).
    func checkBlink(_ input: Operations.CheckBlink.Input) async throws -> Operations.CheckBlink.Output {
        guard case .multipartForm(let form) = input.body else {
            throw APIError.unsupportedMediaType("another body", accepted: ["multipart/form-data"])
        }
        var video: [UInt8]?
        var formChallenge: String?
        var otherFields = 0
        do {
            for try await part in form {
                switch part {
                case .video(let file):
                    guard video == nil else { throw LivenessError.invalidRequest("the form has more than one \"video\" field") }
                    video = try await collect(file.payload.body, limit: configuration.maxVideoBytes)
                case .challengeId(let field):
                    // Longer than any id: the same 400 as any other malformed id, not a 413 for the body.
                    do {
                        formChallenge = String(decoding: try await collect(field.payload.body, limit: 256), as: UTF8.self)
                    } catch is BodyLimitExceeded {
                        throw LivenessError.invalidRequest(Self.malformedChallengeID)
                    }
                case .undocumented(let other):
                    // Fields the spec does not name are read and ignored, within a small count and size.
                    otherFields += 1
                    guard otherFields <= Self.maxOtherFields else {
                        throw LivenessError.invalidRequest("the form has more than \(Self.maxOtherFields) fields besides video and challenge_id")
                    }
                    _ = try await collect(other.body, limit: Self.maxOtherFieldBytes)
                }
            }
        } catch let error as BodyLimitExceeded {
            throw error
        } catch let error as LivenessError {
            throw error
        } catch {
            // The runtime's multipart parser: missing parts, bad framing, unexpected part types.
            throw LivenessError.invalidRequest("the multipart form is malformed or lacks the \"video\" file field")
        }
        guard let video, !video.isEmpty else {
            throw LivenessError.invalidRequest("the form needs a non-empty \"video\" file field")
        }
        let challengeID = try Self.challengeID(form: formChallenge, query: input.query.challengeId)
        if let challengeID { RequestScope.note?.update { $0.challengeID = challengeID } }
        guard let engine = state.engine else { throw APIError.notReady }
        // A failed attempt is reserved from the budget before the analysis, so that concurrent uploads cannot
        // overrun it, and given back when the attempt passes or is not analysed.
        let client = RequestScope.client
        if let failedAttempts, let wait = failedAttempts.acquire(client) {
            throw APIError.rateLimited(retryAfter: wait, message: "too many failed blink attempts; try again later")
        }
        var reserved = failedAttempts != nil
        defer { if reserved { failedAttempts?.refund(client) } }
        var answered: Challenge?
        let analyse = { (challenge: Challenge?) async throws -> BlinkAnalysis in
            answered = challenge
            let clock = ContinuousClock()
            let start = clock.now
            defer { metrics?.recordInference(endpoint: "/active/blink", seconds: (clock.now - start).seconds) }
            var analysis = try await HangUp.guarding {
                try await engine.analyseClip(video, reference: challenge?.reference, actions: challenge?.actions)
            }
            if let challenge, challenge.actions != nil, let created = MP4CreationTime.read(video),
                created < challenge.createdAt.addingTimeInterval(-Self.creationTimeSkew)
            {
                analysis.reasons.append(.recordedBeforeChallenge)
                analysis.activePassed = false
            }
            return analysis
        }
        let analysis: BlinkAnalysis
        if let challengeID {
            do {
                analysis = try await challenges.attempt(id: challengeID, apiKeyID: RequestScope.apiKeyID, analyse)
            } catch let error as ChallengeError {
                throw error.apiError
            }
        } else if configuration.requireChallenge {
            throw LivenessError.invalidRequest("a challenge_id is required (REQUIRE_CHALLENGE=true)")
        } else {
            analysis = try await analyse(nil)
        }
        if !analysis.activePassed { reserved = false }
        RequestScope.note?.update {
            $0.outcome = analysis.activePassed ? "passed" : "failed"
            $0.score = analysis.passive.map { WireRounding.score($0.confidenceScore) }
            $0.reasons = analysis.reasons.map(\.rawValue)
        }
        var body = Components.Schemas.BlinkResponse(analysis, challengeID: challengeID)
        body.resultToken = try await signer.sign(
            kind: "active_blink", decision: analysis.activePassed ? "passed" : "failed", score: body.passive?.confidenceScore,
            reasons: analysis.reasons.map(\.rawValue), challengeID: challengeID, requestID: RequestScope.requestID, media: video,
            modelVersion: engine.modelVersion, audience: RequestScope.apiKeyID,
            faceBound: challengeID == nil ? nil : analysis.faceMatch != nil, challengeType: answered?.type,
            actions: answered?.actions.map { ResultClaims.actions($0, results: analysis.actions?.results) },
            mode: challengeID == nil ? nil : .upload)
        return .ok(.init(headers: .init(xRequestID: RequestScope.requestID), body: .json(body)))
    }

    /// How far before its challenge an action clip's `creation_time` may lie (device clocks drift) before it
    /// fails with `recorded_before_challenge`.
    static let creationTimeSkew: TimeInterval = 120

    /// Fields other than `video` and `challenge_id` that an upload may carry, and the bytes each may hold.
    static let maxOtherFields = 8
    static let maxOtherFieldBytes = 4096
    static let malformedChallengeID = "challenge_id must be the 32 hex digits that POST /liveness returned"

    /// The challenge an upload answers: the form field or the query parameter (both only when they agree).
    /// An empty or malformed id is 400: it never turns the upload into a standalone check.
    static func challengeID(form: String?, query: String?) throws(LivenessError) -> String? {
        let given = [form, query].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
        guard let id = given.first else { return nil }
        guard given.allSatisfy({ $0 == id }) else {
            throw .invalidRequest("challenge_id differs between the form field and the query")
        }
        guard Challenge.isWellFormed(id) else { throw .invalidRequest(malformedChallengeID) }
        return id
    }

    /// Collects a part's bytes, refusing more than `limit` with 413.
    private func collect(_ body: HTTPBody, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            if bytes.count + chunk.count > limit { throw BodyLimitExceeded(limit: limit) }
            bytes += chunk
        }
        return bytes
    }
}
