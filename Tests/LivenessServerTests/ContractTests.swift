import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LivenessCore
@testable import LivenessServer
import NIOCore
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// The smaller contract defects of the hostile-input probe, one test each.
@Suite("Contract edges")
struct ContractTests {
    static func post(_ client: some TestClientProtocol, image: String) async throws -> TestResponse {
        try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: TestApp.json(["image": image]))
    }

    @Test("data: URLs: the scheme in any case, only image/* types; padding-only base64 is invalid_base64")
    func base64Edges() async throws {
        let app = try await TestApp.make()
        let base64 = Data(try Fixtures.bytes(Fixtures.image("image_T1.jpg"))).base64EncodedString()
        try await app.test(.router) { client in
            #expect(try await Self.post(client, image: "DATA:image/jpeg;BASE64,\(base64)").status == .ok)
            #expect(try await Self.post(client, image: "Data:Image/JPEG;base64,\(base64)").status == .ok)
            for bad in ["data:text/plain;base64,\(base64)", "data:;base64,\(base64)", "====", "QUJD=", "QU=JD"] {
                let response = try await Self.post(client, image: bad)
                #expect(response.status == .badRequest && response.errorCode == "invalid_base64", "\(bad.prefix(30))")
            }
        }
    }

    @Test("An empty or malformed challenge_id is 400, never a standalone check; form and query must agree")
    func challengeIDs() async throws {
        let clock = TestClock()
        let app = try await ChallengeClient.app(clock: clock)
        try await app.test(.router) { client in
            let id = try #require(try await ChallengeClient.issue(client).challengeId)
            let empty = try await ChallengeClient.upload(client, video: ChallengeClient.blink, challengeID: "", query: "?challenge_id=\(id)")
            #expect(empty.status == .badRequest && empty.errorCode == "invalid_request")
            let other = try await ChallengeClient.upload(
                client, video: ChallengeClient.blink, challengeID: String(repeating: "0", count: 32), query: "?challenge_id=\(id)")
            #expect(other.status == .badRequest)
            let emptyQuery = try await ChallengeClient.upload(client, video: ChallengeClient.blink, query: "?challenge_id=")
            #expect(emptyQuery.status == .badRequest)
            // The challenge is untouched and still passes.
            let passed = try await ChallengeClient.upload(client, video: ChallengeClient.blink, query: "?challenge_id=\(id)")
            #expect(try passed.status == .ok && passed.blink.activePassed == true)
        }
    }

    /// A multipart body with `extra` additional text fields before the video.
    static func form(video: [UInt8], extra: Int) -> (HTTPFields, ByteBuffer) {
        let boundary = "edge-boundary"
        var body = ByteBuffer()
        for index in 0..<extra {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\(index)\"\r\n\r\nhello\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"video\"; filename=\"clip\"\r\nContent-Type: video/webm\r\n\r\n")
        body.writeBytes(video)
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test("Extra multipart fields are ignored, within a small count")
    func extraFields() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            let (headers, body) = Self.form(video: ChallengeClient.blink, extra: 2)
            let response = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let (manyHeaders, many) = Self.form(video: ChallengeClient.blink, extra: LivenessAPI.maxOtherFields + 1)
            let refused = try await client.execute(uri: "/active/blink", method: .post, headers: manyHeaders, body: many)
            #expect(refused.status == .badRequest && refused.errorCode == "invalid_request")
        }
    }

    @Test("A blink upload's 413 names one limit, MAX_VIDEO_BYTES, whether the body or the video part is over")
    func oneLimit() async throws {
        let app = try await TestApp.make { $0.maxVideoBytes = 100_000 }
        try await app.test(.router) { client in
            var (headers, body) = Self.form(video: [UInt8](repeating: 1, count: 100_001), extra: 0)
            let part = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            (headers, body) = Self.form(video: [UInt8](repeating: 1, count: 300_000), extra: 0)
            headers[.contentLength] = String(body.readableBytes)
            let declared = try await client.execute(uri: "/active/blink", method: .post, headers: headers, body: body)
            for response in [part, declared] {
                #expect(response.status == .contentTooLarge)
                let message = (try? response.decoded(Components.Schemas.ErrorResponse.self))?.error.message ?? ""
                #expect(message.contains("100000") && !message.contains("165536"), "\(message)")
            }
        }
    }

    @Test("/audit takes RFC 3339 times with fractional seconds")
    func fractionalSeconds() async throws {
        try await AuditEndpointTests.withStorage { storage, _ in
            let app = try await TestApp.make({ $0.storage.adminKeys = ["admin-key"] }, storage: storage)
            try await app.test(.router) { client in
                for from in ["2026-11-26T14:00:00.123Z", "2026-11-26T14:00:00Z", "2026-11-26T14:00:00.5%2B01:00"] {
                    let response = try await client.execute(
                        uri: "/audit?from=\(from)", method: .get, headers: [HTTPField.Name("X-API-KEY")!: "admin-key"])
                    #expect(response.status == .ok, "\(from): \(String(buffer: response.body))")
                }
            }
        }
    }

    @Test("0 for RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST, MAX_FAILED_CHALLENGES_PER_HOUR or MAX_QUEUE is refused at startup")
    func zeroSettings() {
        for key in ["RATE_LIMIT_PER_MINUTE", "RATE_LIMIT_BURST", "MAX_FAILED_CHALLENGES_PER_HOUR", "MAX_QUEUE"] {
            let reader = ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: [key: "0"]))
            let error = #expect(throws: ConfigurationError.self) { try ServerConfiguration(config: reader) }
            #expect(error?.variable == key)
        }
        let unset = ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: ["RATE_LIMIT_PER_MINUTE": ""]))
        #expect((try? ServerConfiguration(config: unset))?.rateLimitPerMinute == nil)
    }

    @Test("A DATA_DIR that cannot be created names the path and the reason")
    func dataDirectory() async throws {
        try await withTemporaryFolder { folder in
            let file = "\(folder)/plain-file"
            _ = FileManager.default.createFile(atPath: file, contents: Data())
            for path in ["\(file)/data/liveness.sqlite", "/proc/liveness-nope/liveness.sqlite"] {
                do {
                    _ = try await TestDatabase.withDatabase(at: .sqlite(path: path)) { _ in Issue.record("opened \(path)") }
                } catch let error as StorageError {
                    let folderPath = (path as NSString).deletingLastPathComponent
                    #expect(error.message.contains(folderPath), "\(error.message)")
                    #expect(!error.message.contains("CocoaError"), "\(error.message)")
                }
            }
        }
    }

    @Test("A challenge with an attempt in progress answers 409 with Retry-After and says so")
    func inProgress() {
        let response = ChallengeError.inProgress.apiError.response()
        #expect(response.status == .conflict)
        #expect(Int(response.headers[.retryAfter] ?? "") == Int(SQLChallengeStore.attemptLease))
        #expect(ChallengeError.inProgress.apiError.message.contains("in progress"))
    }

    @Test("The failed-attempt budget is reserved before the analysis: concurrent failures cannot overrun it")
    func failedAttemptBudget() async throws {
        let app = try await TestApp.make { $0.maxFailedChallengesPerHour = 2 }
        try await app.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await ChallengeClient.upload(client, video: ChallengeClient.photo).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 2, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 4, "\(statuses)")
        }
    }
}
