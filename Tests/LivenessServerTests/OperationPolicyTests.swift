import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LivenessServer
import NIOCore
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// One request policy per OpenAPI operation (its `x-policy`), applied to what the router matched: no variant
/// of a path reaches an operation without its policy.
@Suite("Operation policy")
struct OperationPolicyTests {
    static let apiKey = HTTPField.Name("X-API-KEY")!

    @Test("Every operation in the spec has a policy; open operations are exactly those with security: []")
    func everyOperation() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPISpec.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var count = 0
        for (path, methods) in paths {
            for (method, value) in methods {
                let operation = try #require(value as? [String: Any])
                let id = try #require(operation["operationId"] as? String)
                let parsed = try #require(APIOperation.all[id], "\(id) has no policy")
                #expect(parsed.path == path && parsed.method == method.uppercased())
                let open = (operation["security"] as? [Any])?.isEmpty == true
                #expect(open == (parsed.policy.access == .open), "\(id)")
                count += 1
            }
        }
        #expect(count == APIOperation.all.count && count >= 7)
        #expect(APIOperation.all["checkBlink"]?.policy.bodyLimit == .maxVideoBytes)
        #expect(APIOperation.all["listAuditEntries"]?.policy.access == .admin)
        #expect(APIOperation.all["checkLiveness"]?.mediaTypes == ["application/json"])
    }

    /// Runs the build's `embed-resources` tool on a spec whose one operation has `policy` (YAML flow style).
    static func embed(policy: String) throws -> (status: Int32, output: String) {
        try withTemporaryFolder { folder in
            var spec = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /x:\n    get:\n      operationId: x\n"
            if !policy.isEmpty { spec += "      x-policy: \(policy)\n" }
            try spec.write(toFile: "\(folder)/openapi.yaml", atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "\(Fixtures.packageRoot)/.build/debug/embed-resources")
            process.arguments = ["\(folder)/out.swift", "\(folder)/openapi.yaml"]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let output = (try? String(contentsOfFile: "\(folder)/out.swift", encoding: .utf8)) ?? ""
            return (process.terminationStatus, String(decoding: data, as: UTF8.self) + output)
        }
    }

    @Test("The policy table is generated at build time: a malformed x-policy stops the build, a value is a case name")
    func malformedPolicy() throws {
        for (policy, message) in [
            ("", "x has no x-policy"), ("{rate_limited: true}", "x-policy.access is missing"),
            ("{access: open, public: true}", "unknown fields"), ("{access: open, audited: maybe}", "audited is not true or false"),
            ("{access: 'api key'}", "cannot name a case"),
        ] {
            let run = try Self.embed(policy: policy)
            #expect(run.status != 0 && run.output.contains(message), "\(policy): \(run.output)")
        }
        // A value is written as a case of the server's enums, so one that names no case does not compile.
        let everyone = try Self.embed(policy: "{access: everyone, body_limit: MAX_VIDEO_BYTES, workers: true}")
        #expect(everyone.status == 0)
        #expect(
            everyone.output.contains(
                "OperationPolicy(access: .everyone, rateLimited: false, bodyLimit: .maxVideoBytes, audited: false, usesWorkers: true)"))
    }

    /// `/x/`, `//x`, `/x%2F`, `/X` and `/x/.` of a path.
    static func variants(_ path: String) -> [String] {
        [path + "/", "/" + path, path + "%2F", path.uppercased(), path + "/.", "/." + path]
    }

    /// An operation's path with a concrete value for each parameter.
    static func concrete(_ template: String) -> String {
        template.split(separator: "/").map { $0.hasPrefix("{") ? "0123456789abcdef0123456789abcdef" : String($0) }
            .reduce("") { $0 + "/" + $1 }
    }

    @Test("Every variant of every operation's path gets the canonical path's answer or 404 (no policy bypass)")
    func pathVariants() async throws {
        let app = try await TestApp.make {
            $0.apiKeys = ["client-key"]
            $0.storage.adminKeys = ["admin-key"]
        }
        try await app.test(.router) { client in
            for operation in APIOperation.all.values.sorted(by: { $0.id < $1.id }) {
                let method = HTTPRequest.Method(operation.method)!
                let path = Self.concrete(operation.path)
                for headers: HTTPFields in [[:], [Self.apiKey: "client-key"], [Self.apiKey: "admin-key"]] {
                    var fields = headers
                    if let type = operation.mediaTypes.first { fields[.contentType] = type }
                    let body = operation.mediaTypes.isEmpty ? nil : ByteBuffer(string: "{}")
                    let canonical = try await client.execute(uri: path, method: method, headers: fields, body: body).status
                    for variant in Self.variants(path) {
                        let response = try await client.execute(uri: variant, method: method, headers: fields, body: body)
                        #expect(
                            response.status == .notFound || response.status == canonical,
                            "\(operation.method) \(variant) \(headers) → \(response.status), canonical \(canonical)")
                        // Fixed paths have exactly one spelling.
                        if !operation.path.contains("{") { #expect(response.status == .notFound, "\(variant)") }
                    }
                }
            }
        }
    }

    @Test("GET /audit/ and //audit never list the log; without ADMIN_API_KEY /audit is 404")
    func auditBypass() async throws {
        for admin in [[], ["admin-key"]] as [APIKeySet] {
            let app = try await TestApp.make {
                $0.apiKeys = ["client-key"]
                $0.storage.adminKeys = admin
            }
            try await app.test(.router) { client in
                for path in ["/audit/", "//audit", "/audit//", "/Audit"] {
                    for key in [nil, "client-key"] {
                        let headers: HTTPFields = key.map { [Self.apiKey: $0] } ?? [:]
                        let response = try await client.execute(uri: path, method: .get, headers: headers)
                        #expect(response.status == .notFound, "\(path) \(key ?? "no key")")
                        #expect(response.object["entries"] == nil)
                    }
                }
                let canonical = try await client.execute(uri: "/audit", method: .get, headers: [Self.apiKey: "client-key"])
                #expect(canonical.status == (admin.isEmpty ? .notFound : .unauthorized))
            }
        }
    }

    @Test("The rate limit applies to the operation: /liveness/ and //liveness cannot dodge it")
    func rateLimitVariants() async throws {
        let app = try await TestApp.make {
            $0.rateLimitPerMinute = 1
            $0.rateLimitBurst = 2
        }
        try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            // Bodies refused right after the rate limit (invalid base64): no model time, no refill meanwhile.
            for path in ["/liveness", "/liveness/", "//liveness", "/liveness", "/liveness"] {
                let response = try await client.execute(
                    uri: path, method: .post, headers: TestApp.jsonHeaders, body: TestApp.json(["image": "===="]))
                statuses.append(response.status)
            }
            #expect(statuses == [.badRequest, .notFound, .notFound, .badRequest, .tooManyRequests])
        }
    }

    @Test("415 names the media type the operation takes; /liveness without Content-Type is read as JSON")
    func mediaTypes() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            let text = try await client.execute(
                uri: "/active/blink", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x"))
            #expect(text.status == .unsupportedMediaType)
            let message = (try? text.decoded(Components.Schemas.ErrorResponse.self))?.error.message ?? ""
            #expect(message.contains("multipart/form-data") && !message.contains("application/json"), "\(message)")
            let noType = try await client.execute(uri: "/liveness", method: .post, body: try TestApp.body(file: "image_T1.jpg"))
            #expect(noType.status == .ok)
            let blinkNoType = try await client.execute(uri: "/active/blink", method: .post, body: ByteBuffer(string: "x"))
            #expect(blinkNoType.status == .unsupportedMediaType)
            #expect(blinkNoType.errorCode == "unsupported_media_type")
        }
    }

    @Test("HEAD is answered on GET endpoints; other methods get 405 with Allow")
    func methods() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            for path in ["/health", "/health/live", "/health/ready", "/metrics"] {
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == .ok, "\(path)")
                let delete = try await client.execute(uri: path, method: .delete)
                #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET, HEAD", "\(path)")
            }
            let get = try await client.execute(uri: "/liveness", method: .get)
            #expect(get.status == .methodNotAllowed && get.headers[.allow] == "POST")
        }
    }

    @Test("Requests to no operation are counted under endpoint=\"other\"")
    func metricsLabel() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/liveness/", method: .post, headers: TestApp.jsonHeaders, body: ByteBuffer(string: "{}"))
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains(#"liveness_requests_total{method="POST",endpoint="other",status="404"}"#))
            #expect(!metrics.contains(#"endpoint="/liveness/""#))
        }
    }
}
