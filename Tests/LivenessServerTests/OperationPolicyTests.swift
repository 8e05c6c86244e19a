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

    @Test("A spec without x-policy, or with an unknown access, is refused")
    func malformedPolicy() {
        #expect(throws: APIOperation.SpecError.self) {
            try APIOperation.parse(#"{"paths":{"/x":{"get":{"operationId":"x"}}}}"#)
        }
        #expect(throws: APIOperation.SpecError.self) {
            try APIOperation.parse(#"{"paths":{"/x":{"get":{"operationId":"x","x-policy":{"access":"everyone"}}}}}"#)
        }
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
