import Foundation
import LivenessCore
import OpenAPIRuntime

extension LivenessAPI {
    /// `POST /active/blink`: multipart `video` (required) and `challenge_id` (form field or query).
    func checkBlink(_ input: Operations.CheckBlink.Input) async throws -> Operations.CheckBlink.Output {
        guard case .multipartForm(let form) = input.body else { throw APIError.unsupportedMediaType("a non-multipart body") }
        var video: [UInt8]?
        var formChallenge: String?
        do {
            for try await part in form {
                switch part {
                case .video(let file):
                    video = try await collect(file.payload.body, limit: configuration.maxVideoBytes)
                case .challengeId(let field):
                    formChallenge = String(decoding: try await collect(field.payload.body, limit: 256), as: UTF8.self)
                case .undocumented:
                    continue
                }
            }
        } catch let error as BodyLimitExceeded {
            throw error
        } catch {
            // The runtime's multipart parser: missing parts, bad framing, unexpected part types.
            throw LivenessError.invalidRequest("the multipart form is malformed or lacks the \"video\" file field")
        }
        guard let video, !video.isEmpty else {
            throw LivenessError.invalidRequest("the form needs a non-empty \"video\" file field")
        }
        let challengeID = (formChallenge ?? input.query.challengeId).map { $0.trimmingCharacters(in: .whitespaces) }
        if let challengeID, Challenge.isWellFormed(challengeID) { RequestScope.audit?.update { $0.challengeID = challengeID } }
        guard let engine = state.checker else { throw APIError.notReady }
        let client = RequestScope.client
        if let failedAttempts, !failedAttempts.wouldAllow(client) {
            throw APIError.rateLimited(retryAfter: 60, message: "too many failed blink attempts; try again later")
        }
        let analyse = { () async throws -> BlinkAnalysis in
            let clock = ContinuousClock()
            let start = clock.now
            defer { metrics?.recordInference(endpoint: "/active/blink", seconds: (clock.now - start).seconds) }
            return try await engine.analyzeBlink(video)
        }
        let analysis: BlinkAnalysis
        if let challengeID, !challengeID.isEmpty {
            do {
                analysis = try await challenges.attempt(id: challengeID, apiKeyID: RequestScope.apiKeyID, analyse)
            } catch let error as ChallengeError {
                throw error.apiError
            }
        } else if configuration.requireChallenge {
            throw LivenessError.invalidRequest("a challenge_id is required (REQUIRE_CHALLENGE=true)")
        } else {
            analysis = try await analyse()
        }
        if !analysis.activePassed { _ = failedAttempts?.acquire(client) }
        RequestScope.audit?.update {
            $0.outcome = analysis.activePassed ? "passed" : "failed"
            $0.score = analysis.passive.map { LivenessReport.rounded($0.confidenceScore) }
            $0.reasons = analysis.reasons
        }
        return .ok(.init(headers: .init(xRequestID: RequestScope.requestID), body: .json(response(for: analysis, challengeID))))
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

    func response(for analysis: BlinkAnalysis, _ challengeID: String?) -> Components.Schemas.BlinkResponse {
        let report = BlinkReport(analysis, challengeID: challengeID)
        return .init(
            activePassed: report.activePassed, blinkCount: report.blinkCount, framesAnalyzed: report.framesAnalyzed,
            faceFrames: report.faceFrames, reasons: report.reasons,
            passive: report.passive.map {
                .init(livenessLabel: $0.livenessLabel == .real ? .real : .fake, confidenceScore: $0.confidenceScore)
            },
            challengeId: report.challengeID)
    }
}
