import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LivenessCore
@testable import LivenessServer
import NIOCore
import Synchronization
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// POST /active/blink and the challenge lifecycle, with an injected clock.
@Suite("POST /active/blink")
struct BlinkEndpointTests {
    @Test("Unknown, expired, and exhausted challenges; another key's challenge")
    func refusals() async throws {
        let clock = TestClock()
        let app = try await ChallengeClient.app(clock: clock, keys: ["key-a", "key-b"]) { $0.challengeMaxAttempts = 1 }
        try await app.test(.router) { client in
            let unknown = try await ChallengeClient.upload(
                client, video: ChallengeClient.blink, challengeID: String(repeating: "ab", count: 16), key: "key-a")
            #expect(unknown.status == .notFound && unknown.errorCode == "challenge_not_found")
            let junk = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: "../../etc", key: "key-a")
            #expect(junk.status == .badRequest && junk.errorCode == "invalid_request")

            let first = try #require(try await ChallengeClient.issue(client, key: "key-a").challengeId)
            let other = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: first, key: "key-b")
            #expect(other.status == .forbidden && other.errorCode == "challenge_forbidden")
            let failed = try await ChallengeClient.upload(client, video: ChallengeClient.photo, challengeID: first, key: "key-a")
            #expect(try failed.blink.activePassed == false)
            let exhausted = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: first, key: "key-a")
            #expect(exhausted.status == .conflict)

            let second = try #require(try await ChallengeClient.issue(client, key: "key-a").challengeId)
            clock.advance(181)
            let expired = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: second, key: "key-a")
            #expect(expired.status == .gone && expired.errorCode == "challenge_expired")
        }
    }

    @Test("REQUIRE_CHALLENGE refuses standalone uploads; PUBLIC_BASE_URL makes upload_url absolute")
    func settings() async throws {
        let app = try await ChallengeClient.app(clock: TestClock()) {
            $0.requireChallenge = true
            $0.publicBaseURL = "https://liveness.example.com/"
        }
        try await app.test(.router) { client in
            let standalone = try await ChallengeClient.upload(client, video: ChallengeClient.blink)
            #expect(standalone.status == .badRequest && standalone.errorCode == "invalid_request")
            let fallback = try await ChallengeClient.issue(client)
            let id = try #require(fallback.challengeId)
            #expect(fallback.uploadUrl == "https://liveness.example.com/active/blink?challenge_id=\(id)")
        }
    }

    @Test("Form problems are precise 4xx errors")
    func malformed() async throws {
        let app = try await ChallengeClient.app(clock: TestClock()) { $0.maxVideoBytes = 100_000 }
        try await app.test(.router) { client in
            let noVideo = try await client.execute(
                uri: "/active/blink", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                body: ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhi\r\n--x--\r\n"))
            #expect(noVideo.status == .badRequest && noVideo.errorCode == "invalid_request")
            let json = try await client.execute(
                uri: "/active/blink", method: .post, headers: TestApp.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(json.status == .unsupportedMediaType)
            let tooBig = try await ChallengeClient.upload(client, video: ChallengeClient.blink)
            #expect(tooBig.status == .contentTooLarge && tooBig.errorCode == "payload_too_large")
            let image = try await ChallengeClient.upload(client, video: try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
            #expect(image.status == .unprocessableContent && image.errorCode == "invalid_video")
            // A 300-byte challenge_id is a malformed id (400), not a body too large (413, third probe).
            let (headers, body) = ChallengeClient.multipart(video: ChallengeClient.photo, challengeID: String(repeating: "ab", count: 150))
            let longID = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            #expect(longID.status == .badRequest && longID.errorCode == "invalid_request")
            for response in [noVideo, json, tooBig, image, longID] { #expect(response.errorIsClean, "\(String(buffer: response.body))") }
        }
    }
}
