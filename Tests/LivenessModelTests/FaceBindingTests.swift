import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
@testable import LivenessServer
import SQLKit
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// A challenge passes only for the face of the selfie that opened it (issue: any live face passed a spoof
/// selfie's challenge). HTTP level, real models, on SQLite and PostgreSQL.
@Suite("Challenges bound to the selfie's face")
struct FaceBindingTests {
    /// A key of its own per test, so that counting a key's rows in a shared PostgreSQL sees no other test's.
    static func newKey() -> String { "face-binding-\(UUID().uuidString)" }

    /// Runs `body` against an app on `engine` whose challenges live in a fresh `database`.
    static func withApp(
        _ database: TestDatabase, key: String, engine: TestApp.Engine,
        _ body: @escaping @Sendable (any TestClientProtocol, Storage) async throws -> Void
    ) async throws {
        try await database.withDatabase { database in
            let storage = Storage(database: database)
            let app = try await TestApp.make({ $0.apiKeys = [key] }, storage: storage, engine: engine)
            try await app.test(.router) { client in try await body(client, storage) }
        }
    }

    /// The raw JSON object, not the generated type: the tests check that no undocumented field (the stored
    /// descriptor) leaks into it, which decoding would drop.
    static func status(_ client: some TestClientProtocol, _ id: String, key: String) async throws -> [String: Any] {
        try await ChallengeClient.status(client, id, key: key).object
    }

    /// The challenge's stored face reference: nil (NULL), "" (bound without a descriptor) or the descriptor.
    static func storedReference(_ storage: Storage, _ id: String) async throws -> String? {
        try await storage.database.withSQL { sql in
            try await sql.raw("SELECT face_reference FROM liveness_challenges WHERE id = \(bind: id)").first()?
                .decode(column: "face_reference", as: String?.self)
        }
    }

    /// This key's rows that still hold a descriptor.
    static func referencesLeft(_ storage: Storage, key: String) async throws -> Int {
        let keyID = APIKeySet([key]).identify(key) ?? ""
        return try await storage.database.withSQL { sql in
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM liveness_challenges
                WHERE api_key_id = \(bind: keyID) AND face_reference IS NOT NULL AND face_reference <> ''
                """
            ).first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }

    @Test("A printed selfie (F1) and another person's live blink: face_mismatch, one attempt used", arguments: TestDatabase.available)
    func mismatch(database: TestDatabase) async throws {
        let key = Self.newKey()
        try await Self.withApp(database, key: key, engine: .real) { client, storage in
            let fallback = try await ChallengeClient.issue(
                client, key: key, selfie: try Fixtures.bytes(Fixtures.image("image_F1.jpg")))
            let id = try #require(fallback.challengeId)
            let stored = try #require(try await Self.storedReference(storage, id))
            #expect(FaceEmbedding(stored: stored) != nil, "the selfie's descriptor is stored with the challenge")
            let answer = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: key)
            #expect(answer.status == .ok)
            #expect(try answer.blink.activePassed == false)
            #expect(try answer.blink.reasons == [.faceMismatch])
            #expect(try answer.blink.blinkCount == 3)
            let match = try #require(try answer.blink.faceMatch)
            #expect(!match.matched)
            let distance = try #require(match.distance)
            #expect(distance > 0.7)
            let status = try await Self.status(client, id, key: key)
            #expect(status["status"] as? String == "open")
            #expect(status["attempts_left"] as? Int == 2)
            let last = try #require(status["last_attempt"] as? [String: Any])
            #expect(last["reasons"] as? [String] == ["face_mismatch"])
            #expect((last["face_match"] as? [String: Any])?["distance"] as? Double == distance)
            #expect(status["face_reference"] == nil && !String(describing: status).contains(stored.prefix(16)))
            // Out of attempts: failed for good, and the descriptor is gone.
            for _ in 0..<2 {
                _ = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: key)
            }
            #expect(try await Self.status(client, id, key: key)["status"] as? String == "failed")
            #expect(try await Self.storedReference(storage, id) == nil)
        }
    }

    @Test("The clip's own man as the selfie (ACTIVE_CHECK_POLICY=always): the clip passes; no descriptor remains", arguments: TestDatabase.available)
    func match(database: TestDatabase) async throws {
        let key = Self.newKey()
        try await Self.withApp(database, key: key, engine: .bound) { client, storage in
            let fallback = try await ChallengeClient.issue(client, key: key)
            let id = try #require(fallback.challengeId)
            #expect(try await Self.referencesLeft(storage, key: key) == 1)
            let descriptor = try #require(try await Self.storedReference(storage, id))
            if database == .sqlite {
                #expect(Self.filesHolding(descriptor, storage) != [], "the descriptor is on disk while the challenge is open")
            }
            let answer = try await ChallengeClient.upload(
                client, video: try Fixtures.bytes(Videos.path("blink_real_h264.mp4")), challengeID: id, key: key)
            #expect(try answer.blink.activePassed == true, "\(String(buffer: answer.body))")
            let match = try #require(try answer.blink.faceMatch)
            #expect(match.matched)
            #expect(try #require(match.distance) < 0.35)
            let status = try await Self.status(client, id, key: key)
            #expect(status["status"] as? String == "passed")
            #expect(((status["last_attempt"] as? [String: Any])?["face_match"] as? [String: Any])?["matched"] as? Bool == true)
            // The backend's view: the status's token verifies with PyJWT against the served JWKS.
            let jwks = try await client.execute(uri: "/.well-known/jwks.json", method: .get)
            let token = try #require(status["result_token"] as? String)
            let verified = try await TokenVerifier.verify(
                token, jwks: [UInt8](Data(buffer: jwks.body)), audience: try #require(APIKeySet([key]).identify(key)))
            #expect(verified.ok, "\(verified.output)")
            let claims = try TokenVerifier.claims(verified.output)
            #expect(claims["kind"] as? String == "challenge" && claims["decision"] as? String == "passed")
            #expect(claims["challenge_id"] as? String == id)
            #expect(try await Self.storedReference(storage, id) == nil)
            #expect(try await Self.referencesLeft(storage, key: key) == 0, "no descriptor remains after the challenge is consumed")
            // Not in the rows, and not in SQLite's files either: the main file, the write-ahead log (issue 22).
            #expect(Self.filesHolding(descriptor, storage) == [])
        }
    }

    /// The SQLite files (main, `-wal`, `-shm`, `-journal`) that contain `descriptor`'s text or any 24-character piece of
    /// it; empty for PostgreSQL, whose files are the server's.
    static func filesHolding(_ descriptor: String, _ storage: Storage) -> [String] {
        guard case .sqlite(let path) = storage.database.location else { return [] }
        let text = Array(descriptor.utf8)
        let pieces = stride(from: 0, to: text.count - 24, by: 24).map { Array(text[$0..<$0 + 24]) }
        return ["", "-wal", "-shm", "-journal"].map { path + $0 }.filter { file in
            guard let bytes = FileManager.default.contents(atPath: file).map(Array.init) else { return false }
            return pieces.contains { piece in bytes.indices.contains { bytes[$0] == piece[0] && bytes[$0...].starts(with: piece) } }
        }
    }

    @Test("A selfie that gives no descriptor (turned on its side) says retake_selfie when its challenge is issued")
    func retakeSelfie() async throws {
        let key = Self.newKey()
        try await Self.withApp(.sqlite, key: key, engine: .bound) { client, _ in
            let upright = try await ChallengeClient.issue(client, key: key)
            #expect(upright.faceBound == true && upright.retakeSelfie == false)
            let turned = try await onThread {
                try FFmpeg.convert(
                    Videos.path("blink_real_h264.mp4"), extension: "jpg",
                    arguments: ["-ss", "1", "-frames:v", "1", "-vf", "transpose=1", "-q:v", "2"])
            }
            let fallback = try await ChallengeClient.issue(client, key: key, selfie: turned)
            #expect(fallback.faceBound == true)
            #expect(fallback.retakeSelfie == true, "a selfie Face Mesh cannot read binds the challenge to nothing")
        }
    }

    @Test("A blink video without a challenge has no face match")
    func unbound() async throws {
        try await TestApp.make().test(.router) { client in
            let answer = try await ChallengeClient.upload(client, video: ChallengeClient.blink)
            #expect(try answer.blink.activePassed == true)
            #expect(try answer.blink.faceMatch == nil)
        }
    }
}
