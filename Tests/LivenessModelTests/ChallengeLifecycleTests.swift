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

/// A challenge's life on the real engine and the real clips: attempts, passing, replay, a broken upload.
@Suite("POST /active/blink on the real engine")
struct ChallengeLifecycleTests {
    @Test("A challenge: a fail uses an attempt, a pass consumes it, a replay is 409")
    func lifecycle() async throws {
        // End to end: the real clips on the real engine.
        let clock = TestClock()
        let app = try await ChallengeClient.app(clock: clock, engine: .bound)
        try await app.test(.router) { client in
            let fallback = try await ChallengeClient.issue(client)
            let id = try #require(fallback.challengeId)
            #expect(id.count == 32)
            #expect(fallback.uploadUrl == "/active/blink?challenge_id=\(id)")
            #expect(fallback.expiresAt == clock.now.addingTimeInterval(180))
            let failed = try await ChallengeClient.upload(client, video: ChallengeClient.photo, query: "?challenge_id=\(id)")
            #expect(failed.status == .ok)
            #expect(try failed.blink.activePassed == false)
            #expect(try failed.blink.challengeId == id)
            let passed = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id)
            #expect(try passed.blink.activePassed == true)
            #expect(try passed.blink.blinkCount == 3)
            #expect(try passed.blink.passive?.livenessLabel == .real)
            let replay = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id)
            #expect(replay.status == .conflict)
            #expect(replay.errorCode == "challenge_used")
        }
    }

    @Test("A broken video does not use up an attempt")
    func brokenVideoKeepsAttempt() async throws {
        // The real decoder's error.
        let app = try await ChallengeClient.app(clock: TestClock(), engine: .bound) { $0.challengeMaxAttempts = 1 }
        try await app.test(.router) { client in
            let id = try #require(try await ChallengeClient.issue(client).challengeId)
            let broken = try await ChallengeClient.upload(
                client, video: Array(ChallengeClient.blink.prefix(ChallengeClient.blink.count / 2)), challengeID: id)
            #expect(broken.status == .unprocessableContent && broken.errorCode == "invalid_video")
            let passed = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id)
            #expect(try passed.blink.activePassed == true)
        }
    }
}
