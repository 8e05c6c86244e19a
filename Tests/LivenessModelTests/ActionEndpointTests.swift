import Foundation
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessTools
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// The action challenge over HTTP on the real engine, on both databases: issued, answered by a render of its own
/// order, refused for a second challenge, signed with its actions.
@Suite("Action challenge over HTTP")
struct ActionEndpointTests {
    static let selfie = (try? Fixtures.bytes("\(Fixtures.testdata)/images/image_T1.jpg")) ?? []

    /// Runs `body` against an app issuing action challenges (ACTIVE_CHECK_POLICY=always on the real models) for
    /// `key`, its challenges in a fresh `database`.
    static func withApp(
        _ database: TestDatabase, key: String, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await database.withDatabase { database in
            let app = try await TestApp.make(
                {
                    $0.apiKeys = [key]
                    $0.activeChallenge = .actions
                }, storage: Storage(database: database), engine: .bound)
            try await app.test(.router) { client in try await body(client) }
        }
    }

    /// The challenge a fallback describes.
    static func challenge(_ fallback: Components.Schemas.Fallback) throws -> ActionChallenge {
        let steps = try #require(fallback.actions).map { step in
            ActionStep(action: FaceAction(rawValue: step.action.rawValue)!, cue: step.cueSeconds, end: step.endSeconds)
        }
        return ActionChallenge(steps: steps)
    }

    @Test(
        "A render of the issued order passes and its token carries the actions; the same clip re-encoded fails a second challenge",
        arguments: TestDatabase.available)
    func answer(database: TestDatabase) async throws {
        let key = "actions-\(UUID().uuidString)"
        let engine = try await Fixtures.engine.value
        try await Self.withApp(database, key: key) { client in
            let fallback = try await ChallengeClient.issue(client, key: key, selfie: Self.selfie)
            #expect(fallback.challengeType == .actions)
            let challenge = try Self.challenge(fallback)
            #expect(challenge.steps.count == 3)
            #expect(zip(challenge.actions, challenge.actions.dropFirst()).allSatisfy { $0 != $1 })
            #expect(fallback.recordingSeconds == WireRounding.seconds(challenge.duration + 0.5))
            let id = try #require(fallback.challengeId)
            let status = try await ChallengeClient.status(client, id, key: key).challenge
            #expect(status.challengeType == .actions && status.actions == fallback.actions)

            let clip = try await Renders.mp4(RenderScript(answering: challenge), engine: engine)
            let passed = try await ChallengeClient.upload(client, video: clip, challengeID: id, key: key)
            let body = try passed.blink
            #expect(body.activePassed, "\(body.reasons) \(challenge.text)")
            #expect(body.challengeType == .actions)
            #expect(body.actions?.map(\.passed) == [true, true, true])
            let token = try #require(body.resultToken)
            let jwks = try await client.execute(uri: "/.well-known/jwks.json", method: .get)
            let verified = try await TokenVerifier.verify(
                token, jwks: [UInt8](Data(buffer: jwks.body)), audience: try #require(APIKeySet([key]).identify(key)))
            #expect(verified.ok, "\(verified.output)")
            let claims = try TokenVerifier.claims(verified.output)
            #expect(claims["challenge_type"] as? String == "actions")
            let actions = try #require(claims["actions"] as? [[String: Any]])
            #expect(actions.map { $0["action"] as? String } == challenge.actions.map(\.rawValue))
            #expect(actions.allSatisfy { $0["passed"] as? Bool == true })

            // The same answer, re-encoded and rescaled, to a second challenge.
            let second = try await ChallengeClient.issue(client, key: key, selfie: Self.selfie)
            let copy = try await Renders.encode(
                try await Renders.y4m(RenderScript(answering: challenge), engine: engine), arguments: ["-vf", "scale=360:480"])
            let replay = try await ChallengeClient.upload(client, video: copy, challengeID: try #require(second.challengeId), key: key)
            let refused = try replay.blink
            #expect(!refused.activePassed)
            let secondChallenge = try Self.challenge(second)
            // An answer recorded (by its container's word) long before the challenge: recorded_before_challenge.
            let third = try await ChallengeClient.issue(client, key: key, selfie: Self.selfie)
            let thirdChallenge = try Self.challenge(third)
            let old = try await Renders.mp4(
                RenderScript(answering: thirdChallenge, seed: 7), engine: engine, arguments: ["-metadata", "creation_time=2020-01-01T00:00:00Z"])
            let stale = try await ChallengeClient.upload(client, video: old, challengeID: try #require(third.challengeId), key: key)
            #expect(try stale.blink.reasons.contains(.recordedBeforeChallenge))
            #expect(try !stale.blink.activePassed)
            if secondChallenge.actions == challenge.actions {
                #expect(refused.reasons.contains(.replayedVideo))
            } else {
                #expect(
                    refused.reasons.contains(.wrongOrder) || refused.reasons.contains(.actionOutOfTime)
                        || refused.reasons.contains(.replayedVideo))
            }
        }
    }

    @Test("Every shared test clip fails an action challenge over HTTP", arguments: TestDatabase.available)
    func sharedClips(database: TestDatabase) async throws {
        let key = "actions-\(UUID().uuidString)"
        try await Self.withApp(database, key: key) { client in
            for name in Videos.blinkClips + Videos.photoClips {
                let id = try #require(try await ChallengeClient.issue(client, key: key, selfie: Self.selfie).challengeId)
                let response = try await ChallengeClient.upload(client, video: try Fixtures.bytes(Videos.path(name)), challengeID: id, key: key)
                let body = try response.blink
                #expect(!body.activePassed, "\(name)")
                #expect(body.reasons.contains(.actionMissing) || body.reasons.contains(.wrongOrder), "\(name): \(body.reasons)")
            }
        }
    }

    @Test("The fingerprint matches a re-encoded, rescaled copy and not a different clip of the same person")
    func fingerprint() async throws {
        let engine = try await Fixtures.engine.value
        let challenge = Renders.challenge
        let frames = try await Renders.answer.value
        let original = try #require(try await engine.analyzeBlink(try await Renders.encode(frames), actions: challenge).actions?.fingerprint)
        let copy = try #require(
            try await engine.analyzeBlink(try await Renders.encode(frames, arguments: ["-vf", "scale=360:480", "-crf", "28"]), actions: challenge)
                .actions?.fingerprint)
        #expect(original.matches(copy))
        let other = ActionChallenge(text: "look_up@0.8-2.2,turn_right@2.2-3.5,open_mouth@3.5-5")!
        let different = try #require(
            try await engine.analyzeBlink(try await Renders.mp4(RenderScript(answering: other), engine: engine), actions: challenge).actions?
                .fingerprint)
        #expect(!original.matches(different))
        #expect(ClipFingerprint(stored: original.stored)?.matches(copy) == true)
    }
}
