import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LivenessCore
@testable import LivenessServer
import NIOCore
import Synchronization
import LivenessWire
import Testing
import TestSupport

/// POST /active/blink and the challenge lifecycle, with an injected clock.
@Suite("POST /active/blink")
struct BlinkEndpointTests {
    /// A clock the test moves by hand.
    final class TestClock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
    }

    static func multipart(video: [UInt8], challengeID: String? = nil, type: String = "video/mp4") -> (HTTPFields, ByteBuffer) {
        let boundary = "liveness-test-boundary"
        var body = ByteBuffer()
        if let challengeID {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"challenge_id\"\r\n\r\n\(challengeID)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"video\"; filename=\"clip\"\r\nContent-Type: \(type)\r\n\r\n")
        body.writeBytes(video)
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    static func upload(
        _ client: some TestClientProtocol, video: [UInt8], challengeID: String? = nil, query: String = "", key: String? = nil
    ) async throws -> TestResponse {
        var (headers, body) = multipart(video: video, challengeID: challengeID)
        if let key { headers[HTTPField.Name("X-API-KEY")!] = key }
        return try await client.execute(uri: "/active/blink\(query)", method: .post, headers: headers, body: body)
    }

    /// Runs the passive check on `selfie` and returns the fallback. The default, the blink clips' man, opens a
    /// challenge on an app with ``TestApp/boundEngine`` (ACTIVE_CHECK_POLICY=always), which his clips pass.
    static func issue(_ client: some TestClientProtocol, key: String? = nil, selfie: [UInt8]? = nil) async throws
        -> Components.Schemas.Fallback
    {
        // Videos.selfie runs ffmpeg the first time: off the cooperative pool.
        var image = selfie ?? []
        if selfie == nil { image = try await onThread { Videos.selfie } }
        var headers = TestApp.jsonHeaders
        if let key { headers[HTTPField.Name("X-API-KEY")!] = key }
        let response = try await client.execute(
            uri: "/liveness", method: .post, headers: headers,
            body: TestApp.json(["image": Data(image).base64EncodedString()]))
        return try #require(try response.liveness.fallback)
    }

    static let blink = (try? Fixtures.bytes(Videos.path("blink_real_vp9.webm"))) ?? []
    static let photo = (try? Fixtures.bytes(Videos.path("noblink_photo_static_h264.mp4"))) ?? []

    /// An app whose challenges follow `clock`: by default on ``ScriptedChecks/alwaysChallenge()`` (no models), every
    /// selfie opening a challenge, as with ACTIVE_CHECK_POLICY=always.
    static func app(
        clock: TestClock, keys: APIKeySet = [], engine: TestApp.Engine = .scripted(.alwaysChallenge()),
        change: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        var configuration = TestApp.configuration(change)
        configuration.apiKeys = keys
        let challenges = ChallengeService(
            ttl: configuration.challengeTTL, maxAttempts: configuration.challengeMaxAttempts,
            publicBaseURL: configuration.publicBaseURL, now: { clock.now })
        return try LivenessApplication.build(
            configuration: configuration, signer: try await TestApp.signer.value, state: ServiceState(engine: try await engine.value()),
            logger: .init(label: "test"), challenges: challenges)
    }

    @Test("A challenge: a fail uses an attempt, a pass consumes it, a replay is 409")
    func lifecycle() async throws {
        // End to end: the real clips on the real engine.
        let clock = TestClock()
        let app = try await Self.app(clock: clock, engine: .bound)
        try await app.test(.router) { client in
            let fallback = try await Self.issue(client)
            let id = try #require(fallback.challengeId)
            #expect(id.count == 32)
            #expect(fallback.uploadUrl == "/active/blink?challenge_id=\(id)")
            #expect(fallback.expiresAt == clock.now.addingTimeInterval(180))
            let failed = try await Self.upload(client, video: Self.photo, query: "?challenge_id=\(id)")
            #expect(failed.status == .ok)
            #expect(try failed.blink.activePassed == false)
            #expect(try failed.blink.challengeId == id)
            let passed = try await Self.upload(client, video: Self.blink, challengeID: id)
            #expect(try passed.blink.activePassed == true)
            #expect(try passed.blink.blinkCount == 3)
            #expect(try passed.blink.passive?.livenessLabel == .real)
            let replay = try await Self.upload(client, video: Self.blink, challengeID: id)
            #expect(replay.status == .conflict)
            #expect(replay.errorCode == "challenge_used")
        }
    }

    @Test("Unknown, expired, and exhausted challenges; another key's challenge")
    func refusals() async throws {
        let clock = TestClock()
        let app = try await Self.app(clock: clock, keys: ["key-a", "key-b"]) { $0.challengeMaxAttempts = 1 }
        try await app.test(.router) { client in
            let unknown = try await Self.upload(client, video: Self.blink, challengeID: String(repeating: "ab", count: 16), key: "key-a")
            #expect(unknown.status == .notFound && unknown.errorCode == "challenge_not_found")
            let junk = try await Self.upload(client, video: Self.blink, challengeID: "../../etc", key: "key-a")
            #expect(junk.status == .badRequest && junk.errorCode == "invalid_request")

            let first = try #require(try await Self.issue(client, key: "key-a").challengeId)
            let other = try await Self.upload(client, video: Self.blink, challengeID: first, key: "key-b")
            #expect(other.status == .forbidden && other.errorCode == "challenge_forbidden")
            let failed = try await Self.upload(client, video: Self.photo, challengeID: first, key: "key-a")
            #expect(try failed.blink.activePassed == false)
            let exhausted = try await Self.upload(client, video: Self.blink, challengeID: first, key: "key-a")
            #expect(exhausted.status == .conflict)

            let second = try #require(try await Self.issue(client, key: "key-a").challengeId)
            clock.advance(181)
            let expired = try await Self.upload(client, video: Self.blink, challengeID: second, key: "key-a")
            #expect(expired.status == .gone && expired.errorCode == "challenge_expired")
        }
    }

    @Test("A broken video does not use up an attempt")
    func brokenVideoKeepsAttempt() async throws {
        // The real decoder's error.
        let app = try await Self.app(clock: TestClock(), engine: .bound) { $0.challengeMaxAttempts = 1 }
        try await app.test(.router) { client in
            let id = try #require(try await Self.issue(client).challengeId)
            let broken = try await Self.upload(client, video: Array(Self.blink.prefix(Self.blink.count / 2)), challengeID: id)
            #expect(broken.status == .unprocessableContent && broken.errorCode == "invalid_video")
            let passed = try await Self.upload(client, video: Self.blink, challengeID: id)
            #expect(try passed.blink.activePassed == true)
        }
    }

    @Test("REQUIRE_CHALLENGE refuses standalone uploads; PUBLIC_BASE_URL makes upload_url absolute")
    func settings() async throws {
        let app = try await Self.app(clock: TestClock()) {
            $0.requireChallenge = true
            $0.publicBaseURL = "https://liveness.example.com/"
        }
        try await app.test(.router) { client in
            let standalone = try await Self.upload(client, video: Self.blink)
            #expect(standalone.status == .badRequest && standalone.errorCode == "invalid_request")
            let fallback = try await Self.issue(client)
            let id = try #require(fallback.challengeId)
            #expect(fallback.uploadUrl == "https://liveness.example.com/active/blink?challenge_id=\(id)")
        }
    }

    @Test("Form problems are precise 4xx errors")
    func malformed() async throws {
        let app = try await Self.app(clock: TestClock()) { $0.maxVideoBytes = 100_000 }
        try await app.test(.router) { client in
            let noVideo = try await client.execute(
                uri: "/active/blink", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                body: ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhi\r\n--x--\r\n"))
            #expect(noVideo.status == .badRequest && noVideo.errorCode == "invalid_request")
            let json = try await client.execute(
                uri: "/active/blink", method: .post, headers: TestApp.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(json.status == .unsupportedMediaType)
            let tooBig = try await Self.upload(client, video: Self.blink)
            #expect(tooBig.status == .contentTooLarge && tooBig.errorCode == "payload_too_large")
            let image = try await Self.upload(client, video: try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
            #expect(image.status == .unprocessableContent && image.errorCode == "invalid_video")
            // A 300-byte challenge_id is a malformed id (400), not a body too large (413, third probe).
            let (headers, body) = Self.multipart(video: Self.photo, challengeID: String(repeating: "ab", count: 150))
            let longID = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            #expect(longID.status == .badRequest && longID.errorCode == "invalid_request")
            for response in [noVideo, json, tooBig, image, longID] { #expect(response.errorIsClean, "\(String(buffer: response.body))") }
        }
    }
}
