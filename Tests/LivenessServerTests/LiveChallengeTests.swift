import HummingbirdTesting
import LivenessCore
@testable import LivenessServer
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// `ACTIVE_CHALLENGE=live`: `POST /liveness` issues a challenge taken only in a live session. Its fallback names
/// the socket, and an upload of a recorded clip (the stronger attack the live session exists to stop) is refused.
@Suite("Live challenges")
struct LiveChallengeTests {
    /// Runs `body` against an app issuing live challenges into `store`.
    static func withApp(
        store: any ChallengeStore, publicBaseURL: String? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var configuration = TestApp.configuration()
        configuration.apiKeys = ["key-a"]
        let challenges = ChallengeService(store: store, publicBaseURL: publicBaseURL, type: .live)
        let app = try LivenessApplication.build(
            configuration: configuration, signer: try await TestApp.signer.value,
            state: ServiceState(engine: ScriptedChecks.alwaysChallenge()), logger: .init(label: "test"), challenges: challenges)
        try await app.test(.router) { client in try await body(client) }
    }

    @Test("The fallback names the socket; an upload is refused with 409 challenge_mode and the challenge stays open", arguments: [false, true])
    func uploadRefused(sqlite: Bool) async throws {
        let run = { (store: any ChallengeStore) in
            try await Self.withApp(store: store) { client in
                let fallback = try await ChallengeClient.issue(client, key: "key-a")
                let id = try #require(fallback.challengeId)
                #expect(fallback.challengeType == .live)
                #expect(fallback.liveUrl == "/live/\(id)")
                #expect(fallback.actions == nil && fallback.recordingSeconds == nil, "a live session reveals its actions one at a time")

                let upload = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: "key-a")
                #expect(upload.status == .conflict)
                #expect(upload.errorCode == "challenge_mode")
                let status = try await ChallengeClient.status(client, id, key: "key-a").challenge
                #expect(status.status == .open && status.attemptsLeft == ServerConfiguration().challengeMaxAttempts)
                #expect(status.challengeType == .live)
            }
        }
        if sqlite {
            try await AuditEndpointTests.withStorage { storage, _ in try await run(storage.challenges) }
        } else {
            try await run(InMemoryChallengeStore())
        }
    }

    @Test("Under PUBLIC_BASE_URL the socket's URL is absolute: https becomes wss, http becomes ws")
    func absoluteURL() async throws {
        for (base, scheme) in [("https://liveness.example.com/", "wss"), ("http://10.0.0.5:8000", "ws")] {
            try await Self.withApp(store: InMemoryChallengeStore(), publicBaseURL: base) { client in
                let fallback = try await ChallengeClient.issue(client, key: "key-a")
                let id = try #require(fallback.challengeId)
                let host = base.split(separator: "/")[1]
                #expect(fallback.liveUrl == "\(scheme)://\(host)/live/\(id)")
            }
        }
    }

    @Test("Other challenge types carry no live_url")
    func otherTypes() async throws {
        for type in [ChallengeType.actions, .blink] {
            var configuration = TestApp.configuration()
            configuration.apiKeys = ["key-a"]
            let app = try LivenessApplication.build(
                configuration: configuration, signer: try await TestApp.signer.value,
                state: ServiceState(engine: ScriptedChecks.alwaysChallenge()), logger: .init(label: "test"),
                challenges: ChallengeService(type: type))
            try await app.test(.router) { client in
                let fallback = try await ChallengeClient.issue(client, key: "key-a")
                #expect(fallback.challengeType == .init(type) && fallback.liveUrl == nil)
            }
        }
    }

    @Test("ACTIVE_CHALLENGE=live needs LIVE_SESSIONS: refused at startup without it")
    func needsSessions() throws {
        let refused = #expect(throws: ConfigurationError.self) {
            _ = try ServerConfiguration(
                settings: SettingsReader(flags: [:], environment: ["ACTIVE_CHALLENGE": "live", "LIVE_SESSIONS": "false"]))
        }
        #expect(refused?.variable == "ACTIVE_CHALLENGE")
        let live = try ServerConfiguration(settings: SettingsReader(flags: [:], environment: ["ACTIVE_CHALLENGE": "live"]))
        #expect(live.activeChallenge == .live && live.liveSessions)
    }
}
