import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
import LivenessServer
import NIOCore
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// POST /liveness over every fixture, and the request contract around it.
@Suite("POST /liveness")
struct LivenessEndpointTests {
    @Test("image_base64 and data: URLs are accepted")
    func alternativeFields() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            for body in [
                try TestApp.body(file: "image_T1.jpg", field: "image_base64"),
                try TestApp.body(file: "image_T1.jpg", prefix: "data:image/jpeg;base64,"),
            ] {
                let response = try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: body)
                #expect(response.status == .ok)
                #expect(try response.decoded(Components.Schemas.LivenessResponse.self).livenessLabel == .real)
            }
        }
    }

    @Test("Malformed requests are precise 4xx errors, never 500")
    func malformed() async throws {
        let app = try await TestApp.make()
        let cases: [(String, String?, HTTPResponse.Status, String)] = [
            (#"{"image":"#, "application/json", .badRequest, "invalid_request"),
            ("not json at all", "application/json", .badRequest, "invalid_request"),
            ("{}", "application/json", .badRequest, "invalid_request"),
            (#"{"image":""}"#, "application/json", .badRequest, "invalid_request"),
            (#"{"image":42}"#, "application/json", .badRequest, "invalid_request"),
            (#"{"image":"%%%%"}"#, "application/json", .badRequest, "invalid_base64"),
            (#"{"image":"QUJD="}"#, "application/json", .badRequest, "invalid_base64"),
            (#"{"image":"data:image/png,AAAA"}"#, "application/json", .badRequest, "invalid_base64"),
            (#"{"image":"aGVsbG8gd29ybGQ="}"#, "application/json", .unprocessableContent, "invalid_image"),
            ("[1,2,3]", "application/json", .badRequest, "invalid_request"),
            (#"{"image":"x"}"#, "text/plain", .unsupportedMediaType, "unsupported_media_type"),
            (#"{"image":"x"}"#, "multipart/form-data; boundary=x", .unsupportedMediaType, "unsupported_media_type"),
        ]
        try await app.test(.router) { client in
            for (body, contentType, status, code) in cases {
                var headers = HTTPFields()
                if let contentType { headers[.contentType] = contentType }
                let response = try await client.execute(
                    uri: "/liveness", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == status, "\(body)")
                #expect(response.errorCode == code, "\(body)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.errorIsClean, "\(String(buffer: response.body))")
            }
        }
    }

    @Test("Unknown paths and methods answer JSON 404s")
    func notFound() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            for (uri, method) in [("/nope", HTTPRequest.Method.get), ("/liveness", .get), ("/health", .delete)] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status.code == 404 || response.status.code == 405)
                #expect(response.errorCode == "not_found" || response.errorCode == "method_not_allowed")
            }
        }
    }

    @Test("X-Request-ID is taken in and sent back; unsafe ones are replaced")
    func requestID() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            let id = HTTPField.Name("X-Request-ID")!
            var headers = TestApp.jsonHeaders
            headers[id] = "client-42.a:b"
            let response = try await client.execute(
                uri: "/liveness", method: .post, headers: headers, body: try TestApp.body(file: "image_T1.jpg"))
            #expect(response.headers[id] == "client-42.a:b")
            #expect(try response.decoded(Components.Schemas.LivenessResponse.self).requestId == "client-42.a:b")
            headers[id] = "bad id with spaces"
            let replaced = try await client.execute(uri: "/health", method: .get, headers: headers)
            #expect(replaced.headers[id] != nil && replaced.headers[id] != "bad id with spaces")
        }
    }

    @Test("ENABLE_FALLBACK=false leaves out the fallback")
    func noFallback() async throws {
        let app = try await TestApp.make { $0.enableFallback = false }
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_F1.jpg"))
            let body = try response.decoded(Components.Schemas.LivenessResponse.self)
            #expect(body.requiresActiveCheck && body.fallback == nil)
        }
    }

    @Test("100 parallel requests all return their golden results")
    func parallel() async throws {
        let app = try await TestApp.make()
        let files = ["image_T1.jpg", "image_F1.jpg", "image_F2.jpg", "two_faces.png", "no_face.png"]
        let bodies = try files.map { try TestApp.body(file: $0) }
        let expected = try files.map { file in
            try Golden.load("\(Fixtures.testdata)/expected/\((file as NSString).deletingPathExtension).json").service
        }
        try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<100 {
                    let which = index % files.count
                    group.addTask {
                        let response = try await client.execute(
                            uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: bodies[which])
                        let want = expected[which]
                        if want.status == "ok" {
                            #expect(response.status == .ok)
                            let body = try response.decoded(Components.Schemas.LivenessResponse.self)
                            #expect(Golden.sameScore(body.confidenceScore, want.confidence_score))
                            #expect(body.livenessLabel.rawValue == want.liveness_label)
                        } else {
                            #expect(response.errorCode == want.error)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
