import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessWire
import NIOCore
import Testing
import TestSupport

/// Opens challenges and uploads clips over HTTP, for the challenge suites with and without models.
public enum ChallengeClient {
    public static func multipart(video: [UInt8], challengeID: String? = nil, type: String = "video/mp4") -> (HTTPFields, ByteBuffer) {
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

    public static func upload(
        _ client: some TestClientProtocol, video: [UInt8], challengeID: String? = nil, query: String = "", key: String? = nil
    ) async throws -> TestResponse {
        var (headers, body) = multipart(video: video, challengeID: challengeID)
        if let key { headers[HTTPField.Name("X-API-KEY")!] = key }
        return try await client.execute(uri: "/active/blink\(query)", method: .post, headers: headers, body: body)
    }

    /// Runs the passive check on `selfie` and returns the fallback. The default, the blink clips' man, opens a
    /// challenge on an app with ``TestApp/boundEngine`` (ACTIVE_CHECK_POLICY=always), which his clips pass.
    public static func issue(_ client: some TestClientProtocol, key: String? = nil, selfie: [UInt8]? = nil) async throws
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

    public static let blink = (try? Fixtures.bytes(Videos.path("blink_real_vp9.webm"))) ?? []
    public static let photo = (try? Fixtures.bytes(Videos.path("noblink_photo_static_h264.mp4"))) ?? []

    /// An app whose challenges follow `clock`: by default on ``ScriptedChecks/alwaysChallenge()`` (no models), every
    /// selfie opening a challenge, as with ACTIVE_CHECK_POLICY=always.
    public static func app(
        clock: TestClock, keys: APIKeySet = [], engine: TestApp.Engine = .scripted(.alwaysChallenge()),
        change: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        var configuration = TestApp.configuration(change)
        configuration.apiKeys = keys
        let challenges = ChallengeService(
            ttl: configuration.challengeTTL, maxAttempts: configuration.challengeMaxAttempts,
            publicBaseURL: configuration.publicBaseURL, type: configuration.activeChallenge, now: { clock.now })
        return try LivenessApplication.build(
            configuration: configuration, signer: try await TestApp.signer.value, state: ServiceState(engine: try await engine.value()),
            logger: .init(label: "test"), challenges: challenges)
    }

    /// `GET /challenges/{id}` with `key` (none: without an API key).
    public static func status(_ client: some TestClientProtocol, _ id: String, key: String?) async throws -> TestResponse {
        try await client.execute(uri: "/challenges/\(id)", method: .get, headers: key.map { [HTTPField.Name("X-API-KEY")!: $0] } ?? [:])
    }
}
