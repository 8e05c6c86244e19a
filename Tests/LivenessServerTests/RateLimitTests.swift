import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessServer
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// RATE_LIMIT_PER_MINUTE / RATE_LIMIT_BURST per API key, and MAX_FAILED_CHALLENGES_PER_HOUR.
@Suite("Rate limits")
struct RateLimitTests {
    static func check(_ client: some TestClientProtocol, key: String) async throws -> TestResponse {
        var headers = TestApp.jsonHeaders
        headers[HTTPField.Name("X-API-KEY")!] = key
        return try await client.execute(uri: "/liveness", method: .post, headers: headers, body: try TestApp.body(file: "no_face.png"))
    }

    @Test("Past the burst a key gets 429 rate_limited with Retry-After; other keys and health are unaffected")
    func perKey() async throws {
        let app = try await TestApp.make {
            $0.apiKeys = ["key-a", "key-b"]
            // One token a minute: a loaded machine may take many seconds per check, and must not refill the bucket.
            $0.rateLimitPerMinute = 1
            $0.rateLimitBurst = 2
        }
        try await app.test(.router) { client in
            let first = try await Self.check(client, key: "key-a")
            let second = try await Self.check(client, key: "key-a")
            let third = try await Self.check(client, key: "key-a")
            #expect(first.errorCode == "no_face" && second.errorCode == "no_face")
            #expect(third.status == .tooManyRequests && third.errorCode == "rate_limited")
            #expect(Int(third.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let other = try await Self.check(client, key: "key-b")
            #expect(other.errorCode == "no_face")
            for _ in 0..<5 { #expect(try await client.execute(uri: "/health", method: .get).status == .ok) }
        }
    }

    @Test("Failed blink attempts are budgeted per key")
    func failedChallenges() async throws {
        let app = try await TestApp.make {
            $0.apiKeys = ["key-a"]
            $0.maxFailedChallengesPerHour = 1
        }
        let photo = try Fixtures.bytes(Videos.path("noblink_photo_static_h264.mp4"))
        try await app.test(.router) { client in
            var (headers, body) = ChallengeClient.multipart(video: photo)
            headers[HTTPField.Name("X-API-KEY")!] = "key-a"
            let failed = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            #expect(try failed.blink.activePassed == false)
            let refused = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            #expect(refused.status == .tooManyRequests && refused.errorCode == "rate_limited")
        }
    }
}
