import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessWire
import NIOCore
import ServerTestSupport
import Testing
import TestSupport

/// POST /liveness over every fixture on the real engine: the golden status and body through HTTP.
@Suite("POST /liveness on the real engine")
struct FixtureEndpointTests {
    static let goldens = (try? Fixtures.goldens()) ?? []

    static func status(for code: String) -> HTTPResponse.Status {
        switch code {
        case "image_too_large": .contentTooLarge
        case "invalid_image", "no_face": .unprocessableContent
        default: .badRequest
        }
    }

    @Test("Every fixture gives its golden status and body", arguments: goldens)
    func fixture(golden: Golden) async throws {
        // End to end: the real engine's results through HTTP.
        let app = try await TestApp.make(engine: .real)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: golden.input.file))
            let service = golden.service
            if service.status == "ok" {
                #expect(response.status == .ok)
                let body = try response.decoded(Components.Schemas.LivenessResponse.self)
                #expect(body.livenessLabel.rawValue == service.liveness_label)
                #expect(Golden.sameScore(body.confidenceScore, service.confidence_score))
                #expect(body.requiresActiveCheck == service.requires_active_check)
                #expect([body.face.x, body.face.y, body.face.width, body.face.height] == golden.official_unguarded.face_box_xywh)
                #expect(body.faceCount == golden.official_unguarded.detections_conf_ge_0_6)
                #expect(body.modelVersion == "2.7_80x80_MiniFASNetV2+4_0_0_80x80_MiniFASNetV1SE")
                #expect(body.requestId == response.headers[HTTPField.Name("X-Request-ID")!])
                #expect((body.fallback != nil) == service.requires_active_check)
                if let fallback = body.fallback {
                    #expect(fallback.challengeType == .blink)
                    let id = try #require(fallback.challengeId)
                    #expect(fallback.uploadUrl == "/active/blink?challenge_id=\(id)")
                    #expect(fallback.expiresAt != nil)
                }
            } else {
                let allowed = golden.input.file == "truncated_half.jpg" ? ["no_face", "invalid_image"] : [service.error!]
                #expect(allowed.contains(response.errorCode ?? ""), "\(golden.input.file): \(String(buffer: response.body))")
                #expect(response.status == Self.status(for: response.errorCode ?? ""))
                #expect(response.errorIsClean, "\(String(buffer: response.body))")
            }
        }
    }
}
