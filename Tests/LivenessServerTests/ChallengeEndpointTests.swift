import Foundation
import HTTPTypes
import Hummingbird
import LivenessCore
import HummingbirdTesting
@testable import LivenessServer
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// `GET /challenges/{challenge_id}`: the backend reads the verdict from the service, on both stores.
@Suite("GET /challenges/{id}")
struct ChallengeEndpointTests {
    /// Runs `body` against an app whose challenges live in `store` (nil: SQLite in a temporary folder).
    static func withApp(
        clock: TestClock, sqlite: Bool, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        func run(_ store: any ChallengeStore) async throws {
            var configuration = TestApp.configuration()
            configuration.apiKeys = ["key-a", "key-b"]
            let challenges = ChallengeService(store: store, maxAttempts: 2, now: { clock.now })
            let app = try LivenessApplication.build(
                configuration: configuration, signer: try await TestApp.signer.value,
                state: ServiceState(engine: ScriptedChecks.alwaysChallenge()),
                logger: .init(label: "test"), challenges: challenges)
            try await app.test(.router) { client in try await body(client) }
        }
        if sqlite {
            try await AuditEndpointTests.withStorage { storage, _ in try await run(storage.challenges) }
        } else {
            try await run(InMemoryChallengeStore())
        }
    }

    @Test("Open, failed attempt, passed; other keys get 404; expired", arguments: [false, true])
    func lifecycle(sqlite: Bool) async throws {
        let clock = TestClock()
        try await Self.withApp(clock: clock, sqlite: sqlite) { client in
            let id = try #require(try await ChallengeClient.issue(client, key: "key-a").challengeId)
            let open = try await ChallengeClient.status(client, id, key: "key-a")
            #expect(open.status == .ok)
            let opened = try open.challenge
            #expect(opened.status == .open && opened.attemptsLeft == 2)
            #expect(opened.passive.livenessLabel == .real && opened.passive.reasons == [.policyAlways])
            #expect(opened.lastAttempt == nil && opened.completedAt == nil)

            #expect(try await ChallengeClient.status(client, id, key: "key-b").status == .notFound)
            #expect(try await ChallengeClient.status(client, id, key: nil).status == .unauthorized)
            #expect(try await ChallengeClient.status(client, String(repeating: "a", count: 32), key: "key-a").errorCode == "challenge_not_found")
            #expect(try await ChallengeClient.status(client, "junk", key: "key-a").status == .notFound)

            let failed = try await ChallengeClient.upload(client, video: ChallengeClient.photo, challengeID: id, key: "key-a")
            #expect(try failed.blink.activePassed == false)
            let afterFail = try await ChallengeClient.status(client, id, key: "key-a")
            #expect(try afterFail.challenge.status == .open)
            #expect(try afterFail.challenge.attemptsLeft == 1)
            let last = try #require(try afterFail.challenge.lastAttempt)
            #expect(last.activePassed == false && last.reasons.contains(.noBlink))

            let passed = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: "key-a")
            #expect(try passed.blink.activePassed == true)
            let done = try await ChallengeClient.status(client, id, key: "key-a")
            #expect(try done.challenge.status == .passed)
            #expect(try done.challenge.completedAt != nil)
            #expect(try done.challenge.lastAttempt?.activePassed == true)

            let other = try #require(try await ChallengeClient.issue(client, key: "key-a").challengeId)
            clock.advance(181)
            #expect(try await ChallengeClient.status(client, other, key: "key-a").challenge.status == .expired)
        }
    }

    @Test("The status's score is rounded like every answer's (third probe: it was not)")
    func roundedScore() async throws {
        let checks = ScriptedChecks(image: { (bytes: [UInt8]) throws(LivenessError) -> PassiveResult in
            var result = try ScriptedChecks.recorded(bytes)
            result.confidenceScore = 0.123_456_789_123
            result.requiresActiveCheck = true
            return result
        })
        try await TestApp.make(engine: .scripted(checks)).test(.router) { client in
            let answer = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_T1.jpg"))
            let id = try #require(try answer.liveness.fallback?.challengeId)
            let status = try await ChallengeClient.status(client, id, key: nil)
            let passive = try #require(status.object["passive"] as? [String: Any])
            #expect(passive["confidence_score"] as? Double == 0.123457)
            #expect(try answer.liveness.confidenceScore == 0.123457)
        }
    }

    @Test("Out of attempts is failed; other methods get 405 with Allow")
    func failedAndMethods() async throws {
        let clock = TestClock()
        try await Self.withApp(clock: clock, sqlite: true) { client in
            let id = try #require(try await ChallengeClient.issue(client, key: "key-a").challengeId)
            for _ in 0..<2 {
                _ = try await ChallengeClient.upload(client, video: ChallengeClient.photo, challengeID: id, key: "key-a")
            }
            let failed = try await ChallengeClient.status(client, id, key: "key-a")
            #expect(try failed.challenge.status == .failed)
            #expect(try failed.challenge.attemptsLeft == 0)
            #expect(try failed.challenge.completedAt != nil)
            let post = try await client.execute(uri: "/challenges/\(id)", method: .post, headers: [HTTPField.Name("X-API-KEY")!: "key-a"])
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET, HEAD")
        }
    }
}
