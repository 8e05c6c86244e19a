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

/// The audit trail over HTTP, challenges in the database, and `GET /audit`.
@Suite("Audit and storage over HTTP")
struct AuditEndpointTests {
    static let apiKeyHeader = HTTPField.Name("X-API-KEY")!

    /// Runs `body` with a SQLite storage in a temporary folder and the path of its file.
    static func withStorage(auditEnabled: Bool = true, _ body: (Storage, String) async throws -> Void) async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/liveness.sqlite"
            try await TestDatabase.withDatabase(at: .sqlite(path: path)) { database in
                try await body(Storage(database: database, auditEnabled: auditEnabled), path)
            }
        }
    }

    static func headers(key: String?, requestID: String? = nil) -> HTTPFields {
        var headers = TestApp.jsonHeaders
        if let key { headers[apiKeyHeader] = key }
        if let requestID { headers[HTTPField.Name("X-Request-ID")!] = requestID }
        return headers
    }

    static func keys(_ change: inout ServerConfiguration) {
        change.apiKeys = ["client-key"]
        change.storage.adminKeys = ["admin-key"]
    }

    @Test("Every decision request is audited, errors included, without image bytes or keys")
    func auditTrail() async throws {
        try await Self.withStorage { storage, path in
            let app = try await TestApp.make(Self.keys, storage: storage)
            try await app.test(.router) { client in
                let real = try await client.execute(
                    uri: "/liveness", method: .post, headers: Self.headers(key: "client-key", requestID: "audit-real"),
                    body: try TestApp.body(file: "image_T1.jpg"))
                #expect(real.status == .ok)
                let noFace = try await client.execute(
                    uri: "/liveness", method: .post, headers: Self.headers(key: "client-key", requestID: "audit-noface"),
                    body: try TestApp.body(file: "no_face.png"))
                #expect(noFace.status == .unprocessableContent)
                let anonymous = try await client.execute(
                    uri: "/liveness", method: .post, headers: Self.headers(key: nil, requestID: "audit-anonymous"),
                    body: try TestApp.body(file: "image_T1.jpg"))
                #expect(anonymous.status == .unauthorized)

                let listed = try await client.execute(uri: "/audit", method: .get, headers: [Self.apiKeyHeader: "admin-key"])
                #expect(listed.status == .ok)
                let list = try listed.decoded(Components.Schemas.AuditList.self)
                let entries = list.entries
                #expect(entries.map(\.requestId) == ["audit-real", "audit-noface", "audit-anonymous"])
                #expect(entries.map(\.outcome) == ["real", "no_face", "unauthorized"])
                #expect(entries.map(\.status) == [200, 422, 401])
                let clientID = try #require(APIKeySet(["client-key"]).identify("client-key"))
                #expect(entries[0].apiKeyId == clientID)
                #expect(entries[2].apiKeyId == nil)
                #expect(try entries[0].score == real.liveness.confidenceScore)
                #expect(try entries[0].modelVersion == real.liveness.modelVersion)
                #expect(entries[0].endpoint == "/liveness")
                #expect(entries[0].latencyMs > 0)
                #expect(!list.truncated)
            }
            // Neither the image nor a key is anywhere in the database files.
            let base64 = Data(try Fixtures.bytes(Fixtures.image("image_T1.jpg"))).base64EncodedString()
            let files = [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
            #expect(!files.isEmpty)
            for file in files {
                let text = String(decoding: file, as: UTF8.self)
                #expect(!text.contains(String(base64.prefix(64))))
                #expect(!text.contains("client-key") && !text.contains("admin-key"))
            }
        }
    }

    @Test("GET /audit takes only the admin key, and is off without one")
    func adminOnly() async throws {
        try await Self.withStorage { storage, _ in
            try await TestApp.make(Self.keys, storage: storage).test(.router) { client in
                for key in [nil, "client-key", "wrong"] {
                    let headers: HTTPFields = key.map { [Self.apiKeyHeader: $0] } ?? [:]
                    let response = try await client.execute(uri: "/audit", method: .get, headers: headers)
                    #expect(response.status == .unauthorized, "key \(key ?? "none")")
                    #expect(response.errorCode == "unauthorized")
                }
                let bearer = try await client.execute(uri: "/audit", method: .get, headers: [.authorization: "Bearer admin-key"])
                #expect(bearer.status == .ok)
                // The admin key is not an API key.
                let decision = try await client.execute(
                    uri: "/liveness", method: .post, headers: Self.headers(key: "admin-key"), body: try TestApp.body(file: "image_T1.jpg"))
                #expect(decision.status == .unauthorized)
            }
            try await TestApp.make({ $0.apiKeys = ["client-key"] }, storage: storage).test(.router) { client in
                let response = try await client.execute(uri: "/audit", method: .get, headers: [Self.apiKeyHeader: "client-key"])
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
                let post = try await client.execute(uri: "/audit", method: .post, headers: [Self.apiKeyHeader: "client-key"])
                #expect(post.status == .methodNotAllowed)
                #expect(post.headers[.allow] == "GET, HEAD")
            }
        }
        try await Self.withStorage(auditEnabled: false) { storage, _ in
            try await TestApp.make(Self.keys, storage: storage).test(.router) { client in
                let response = try await client.execute(uri: "/audit", method: .get, headers: [Self.apiKeyHeader: "admin-key"])
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("limit, from and to are checked; truncated says more entries wait")
    func query() async throws {
        try await Self.withStorage { storage, _ in
            try await TestApp.make(Self.keys, storage: storage).test(.router) { client in
                for _ in 0..<3 {
                    _ = try await client.execute(
                        uri: "/liveness", method: .post, headers: Self.headers(key: "client-key"), body: try TestApp.body(file: "no_face.png"))
                }
                let admin: HTTPFields = [Self.apiKeyHeader: "admin-key"]
                let page = try await client.execute(uri: "/audit?limit=2", method: .get, headers: admin)
                #expect(try page.decoded(Components.Schemas.AuditList.self).entries.count == 2)
                #expect(try page.decoded(Components.Schemas.AuditList.self).truncated)
                let future = try await client.execute(uri: "/audit?from=2100-01-01T00:00:00Z", method: .get, headers: admin)
                #expect(try future.decoded(Components.Schemas.AuditList.self).entries.isEmpty)
                let past = try await client.execute(
                    uri: "/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=1000", method: .get, headers: admin)
                #expect(try past.decoded(Components.Schemas.AuditList.self).entries.count == 3)
                for query in ["limit=0", "limit=1001", "limit=ten", "from=yesterday", "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"] {
                    let response = try await client.execute(uri: "/audit?\(query)", method: .get, headers: admin)
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.errorCode == "invalid_request", "\(query)")
                }
            }
        }
    }

    @Test("Challenges live in the database; the blink answer is audited with its challenge")
    func challengeInDatabase() async throws {
        try await Self.withStorage { storage, _ in
            try await TestApp.make(Self.keys, storage: storage, engine: .scripted(.alwaysChallenge())).test(.router) { client in
                let fallback = try await ChallengeClient.issue(client, key: "client-key")
                let id = try #require(fallback.challengeId)
                let stored = try #require(try await storage.challenges.find(id: id))
                #expect(stored.state == .open)
                #expect(stored.apiKeyID == APIKeySet(["client-key"]).identify("client-key"))
                let response = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: "client-key")
                #expect(response.status == .ok)
                #expect(try response.blink.activePassed == true)
                #expect(try await storage.challenges.find(id: id)?.state == .passed)
                let replay = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: id, key: "client-key")
                #expect(replay.status == .conflict)
                let entries = try await client.execute(uri: "/audit", method: .get, headers: [Self.apiKeyHeader: "admin-key"])
                    .decoded(Components.Schemas.AuditList.self).entries
                #expect(entries.map(\.outcome) == ["real", "passed", "challenge_used"])
                #expect(entries.map(\.challengeId) == [id, id, id])
                #expect(entries[1].endpoint == "/active/blink")
            }
        }
    }

    @Test("A database outage answers 503 storage_unavailable, never 500")
    func outage() async throws {
        try await Self.withStorage { storage, _ in
            try await TestApp.make(storage: storage).test(.router) { client in
                await storage.database.close()
                // F1 is inconclusive: the answer needs a challenge, and the challenge needs the database.
                let response = try await client.execute(
                    uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_F1.jpg"))
                #expect(response.status == .serviceUnavailable)
                #expect(response.errorCode == "storage_unavailable")
                #expect(response.headers[.retryAfter] == "1")
                #expect(response.errorIsClean)
            }
        }
    }
}
