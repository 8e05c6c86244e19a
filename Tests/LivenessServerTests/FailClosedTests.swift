import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
@testable import LivenessServer
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// A model that challenges need is missing: the service says so and issues no challenge that proves less than it
/// claims (issue 22: without the face-recognition model, challenges were issued unbound and readiness was 200;
/// without MediaPipe, every upload answered 503 while readiness was 200).
@Suite("Fail closed without the challenge models")
struct FailClosedTests {
    static func app(blink: Bool = true, faceMatch: Bool, _ change: @escaping (inout ServerConfiguration) -> Void = { _ in }) async throws
        -> some ApplicationProtocol
    {
        try await TestApp.make(change, engine: .scripted(.alwaysChallenge(blink: blink, faceMatch: faceMatch)))
    }

    static func selfie() throws -> ByteBuffer { try TestApp.body(file: "image_T1.jpg") }

    /// The claims of a compact JWS, unverified (the token tests verify signatures).
    static func claims(_ token: String) throws -> [String: Any] {
        var part = String(token.split(separator: ".")[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while part.count % 4 != 0 { part += "=" }
        let data = try #require(Data(base64Encoded: part))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("No face-recognition model: not ready, and no challenge is issued (503 blink_unavailable)")
    func noFaceModel() async throws {
        try await Self.app(faceMatch: false).test(.router) { client in
            let ready = try await client.execute(uri: "/health/ready", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.object["status"] as? String == "not_ready")
            #expect((ready.object["reason"] as? String)?.contains("ALLOW_UNBOUND_CHALLENGES") == true)
            let answer = try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try Self.selfie())
            #expect(answer.status == .serviceUnavailable)
            #expect((answer.object["error"] as? [String: Any])?["code"] as? String == "blink_unavailable")
        }
    }

    @Test("ALLOW_UNBOUND_CHALLENGES=true: ready, and the challenge's status and tokens say face_bound false")
    func allowedUnbound() async throws {
        try await Self.app(faceMatch: false, { $0.allowUnboundChallenges = true }).test(.router) { client in
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
            let answer = try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try Self.selfie())
            let id = try #require(try answer.liveness.fallback?.challengeId)
            let status = try await ChallengeClient.status(client, id, key: nil)
            #expect(status.object["face_bound"] as? Bool == false)
            #expect(try Self.claims(try #require(status.object["result_token"] as? String))["face_bound"] as? Bool == false)
        }
    }

    @Test("With every model: ready, and the challenge is bound (face_bound true in its status and tokens)")
    func bound() async throws {
        try await Self.app(faceMatch: true).test(.router) { client in
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
            let fallback = try await ChallengeClient.issue(client)
            let id = try #require(fallback.challengeId)
            let status = try await ChallengeClient.status(client, id, key: nil)
            #expect(status.object["face_bound"] as? Bool == true)
            #expect(try Self.claims(try #require(status.object["result_token"] as? String))["face_bound"] as? Bool == true)
            let upload = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: nil)
            let token = try #require(try upload.blink.resultToken)
            #expect(try Self.claims(token)["face_bound"] as? Bool == true)
        }
    }

    @Test("No blink models: not ready while ENABLE_FALLBACK is on; ready with it off (passive only)")
    func noBlinkModels() async throws {
        try await Self.app(blink: false, faceMatch: false).test(.router) { client in
            let ready = try await client.execute(uri: "/health/ready", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect((ready.object["reason"] as? String)?.contains("MediaPipe") == true)
        }
        try await Self.app(blink: false, faceMatch: false, { $0.enableFallback = false }).test(.router) { client in
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
            let answer = try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try Self.selfie())
            #expect(answer.status == .ok)
        }
    }
}
