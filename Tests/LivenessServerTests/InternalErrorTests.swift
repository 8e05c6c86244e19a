import Foundation
import HTTPTypes
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessWire
import Logging
import NIOCore
import ServerTestSupport
import Testing
import TestSupport

/// A failure inside the engine (a bridge error: a detector or decoder that fails, out of memory) is a 500
/// `internal_error`: logged with the request id and what failed, counted, and never told to the client,
/// never mistaken for `no_face` or `no_blink`. Injected through the engine seam (``ScriptedChecks``).
@Suite("Internal errors")
struct InternalErrorTests {
    static let failure = "detector: lcv_run_roi failed: std::bad_alloc"

    @Test("An engine failure on /liveness and /active/blink is a bare 500, logged with the request id and counted")
    func engineFailure() async throws {
        let checks = ScriptedChecks(
            image: { (_: [UInt8]) throws(LivenessError) -> PassiveResult in throw LivenessError(.internalError, Self.failure) },
            clip: { (_: [UInt8], _: FaceReference?) throws(LivenessError) -> BlinkAnalysis in
                throw LivenessError(.internalError, Self.failure)
            })
        let lines = LogCapture()
        let app = try await TestApp.make(logger: Logger(label: "test") { _ in lines.handler() }, engine: .scripted(checks))
        try await app.test(.router) { client in
            var headers = TestApp.jsonHeaders
            headers[HTTPField.Name("X-Request-ID")!] = "fault-1"
            let image = try await client.execute(
                uri: "/liveness", method: .post, headers: headers, body: try TestApp.body(file: "image_T1.jpg"))
            var (formHeaders, form) = ChallengeClient.multipart(video: ChallengeClient.blink)
            formHeaders[HTTPField.Name("X-Request-ID")!] = "fault-2"
            let clip = try await client.execute(uri: "/active/blink", method: .post, headers: formHeaders, body: form)
            for response in [image, clip] {
                #expect(response.status == .internalServerError)
                let body = try WireJSON.decoder().decode(Components.Schemas.ErrorResponse.self, from: Data(buffer: response.body))
                #expect(body.error.code == .internalError && body.error.message == "internal error")
                #expect(!String(buffer: response.body).contains("bad_alloc"))
            }
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains(#"liveness_internal_errors_total{endpoint="/liveness"} 1"#))
            #expect(metrics.contains(#"liveness_internal_errors_total{endpoint="/active/blink"} 1"#))
        }
        #expect(checks.calls == (images: 1, clips: 1))
        let logged = lines.text.split(separator: "\n").filter { $0.contains("bad_alloc") }
        #expect(logged.count == 2)
        #expect(logged.contains { $0.contains("fault-1") } && logged.contains { $0.contains("fault-2") })
    }
}
