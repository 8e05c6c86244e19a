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

/// Body limits, backpressure and readiness.
@Suite("Limits and readiness")
struct LimitsTests {
    @Test("A declared Content-Length over MAX_BODY_BYTES is refused before reading")
    func declaredLength() async throws {
        let app = try await TestApp.make { $0.maxBodyBytes = 64 * 1024 }
        try await app.test(.router) { client in
            var headers = TestApp.jsonHeaders
            headers[.contentLength] = "1000000"
            let response = try await client.execute(
                uri: "/liveness", method: .post, headers: headers, body: ByteBuffer(repeating: 0x41, count: 1_000_000))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "payload_too_large")
        }
    }

    @Test("A chunked body is cut off while it streams in (live server, curl upload from a pipe)")
    func streamedBody() async throws {
        let app = try await TestApp.make { $0.maxBodyBytes = 1024 * 1024 }
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // The blocking pipe work runs off the cooperative pool, which serves the server under test.
            let text = try await onThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
                // -T - with no length: curl sends Transfer-Encoding: chunked.
                process.arguments = [
                    "-s", "-o", "-", "-w", "\n%{http_code}", "-X", "POST", "-H", "Content-Type: application/json", "-T", "-",
                    "http://127.0.0.1:\(port)/liveness",
                ]
                let input = Pipe()
                let output = Pipe()
                process.standardInput = input
                process.standardOutput = output
                try process.run()
                // 16 MB of a never-ending JSON string, far past the 1 MiB limit.
                let chunk = Data(repeating: 0x41, count: 64 * 1024)
                let writer = input.fileHandleForWriting
                try writer.write(contentsOf: Data(#"{"image":""#.utf8))
                for _ in 0..<256 { if (try? writer.write(contentsOf: chunk)) == nil { break } }
                try? writer.close()
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return text
            }
            #expect(text.hasSuffix("\n413"), "\(text.suffix(200))")
            #expect(text.contains("payload_too_large"))
        }
    }

    @Test("Before the models load: ready is 503 and /liveness answers not_ready")
    func readiness() async throws {
        let state = ServiceState()
        let configuration = TestApp.configuration()
        // Pretend the service is still loading by handing it a state without an engine and no model service.
        let app = try LivenessApplication.build(
            configuration: configuration, signer: try await TestApp.signer.value, state: state, logger: .init(label: "test"), loadModels: false)
        try await app.test(.router) { client in
            let notReady = try await client.execute(uri: "/health/ready", method: .get)
            #expect(notReady.status == .serviceUnavailable)
            #expect(try notReady.decoded(Components.Schemas.Readiness.self).status == .notReady)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let refused = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_T1.jpg"))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.errorCode == "not_ready")
            #expect(refused.headers[.retryAfter] == "1")
            state.attach(try await TestApp.engine.value)
            let ready = try await client.execute(uri: "/health/ready", method: .get)
            #expect(ready.status == .ok)
            let readiness = try ready.decoded(Components.Schemas.Readiness.self)
            #expect(readiness.status == .ready && readiness.workers == 2)
        }
    }

    @Test("The model service loads the models in the background and turns ready")
    func backgroundLoad() async throws {
        let app = try LivenessApplication.build(
            configuration: TestApp.configuration(), signer: try await TestApp.signer.value, logger: .init(label: "test"))
        try await app.test(.router) { client in
            // Up to 60 s: the whole suite shares both cores while the models compile.
            var status = HTTPResponse.Status.serviceUnavailable
            for _ in 0..<3000 where status != .ok {
                status = try await client.execute(uri: "/health/ready", method: .get).status
                if status != .ok { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(status == .ok)
        }
    }

}
