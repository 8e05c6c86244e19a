import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessServer
import Logging
import NIOCore
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// Metrics, the served spec, and what the logs may (not) contain.
@Suite("Observability")
struct ObservabilityTests {
    /// The value of one sample line, e.g. `liveness_requests_success{endpoint="/liveness"}`.
    static func sample(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last!) }
    }

    @Test("The Python service's metric names are present and counting")
    func metrics() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            for file in ["image_T1.jpg", "image_T1.jpg", "no_face.png"] {
                _ = try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: file))
            }
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(Self.sample(text, #"liveness_requests_total{method="POST",endpoint="/liveness",status="200"}"#) == 2)
            #expect(Self.sample(text, #"liveness_requests_total{method="POST",endpoint="/liveness",status="422"}"#) == 1)
            #expect(Self.sample(text, #"liveness_requests_success{endpoint="/liveness"}"#) == 2)
            #expect(Self.sample(text, #"liveness_requests_error{endpoint="/liveness"}"#) == 1)
            #expect(Self.sample(text, #"liveness_request_latency_seconds_count{endpoint="/liveness"}"#) == 3)
            #expect(Self.sample(text, #"liveness_inference_latency_seconds_count{endpoint="/liveness"}"#) == 2)
            #expect(text.contains("# TYPE liveness_request_latency_seconds histogram"))
            // The engine is shared with tests running in parallel, so only the presence is certain.
            #expect(Self.sample(text, "liveness_worker_queue_depth") != nil)
            #expect(Self.sample(text, "liveness_workers_busy") != nil)
        }
    }

    @Test("Unknown paths share one endpoint label")
    func boundedLabels() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            for index in 0..<5 { _ = try await client.execute(uri: "/probe-\(index)", method: .get) }
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(!text.contains("probe-"))
            #expect(Self.sample(text, #"liveness_requests_error{endpoint="other"}"#) == 5)
        }
    }

    @Test("ENABLE_METRICS=false: /metrics is 404 Metrics disabled")
    func metricsDisabled() async throws {
        let app = try await TestApp.make { $0.enableMetrics = false }
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
            #expect(try response.decoded(Components.Schemas.ErrorResponse.self).error.message == "Metrics disabled")
        }
    }

    @Test("The spec is served as YAML and JSON, and /docs renders it")
    func spec() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            let yaml = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(String(buffer: yaml.body).hasPrefix("openapi: 3.0.3"))
            let json = try await client.execute(uri: "/openapi.json", method: .get)
            let paths = try #require(json.object["paths"] as? [String: Any])
            #expect(Set(paths.keys).isSuperset(of: ["/liveness", "/health", "/health/ready", "/metrics"]))
            let docs = try await client.execute(uri: "/docs", method: .get)
            let page = String(buffer: docs.body)
            #expect(page.contains("SwaggerUIBundle"))
            let policy = try #require(docs.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            // Served from the binary: no other origin in the page or the policy, so it works offline.
            #expect(!page.contains("https://") && !policy.contains("https://"))
            let script = try await client.execute(uri: "/docs/swagger-ui-bundle.js", method: .get)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(String(buffer: script.body).contains("SwaggerUIBundle"))
            let style = try await client.execute(uri: "/docs/swagger-ui.css", method: .get)
            #expect(style.status == .ok && style.body.readableBytes > 100_000)
        }
    }

    @Test("Logs carry the request id and never the image or the API key")
    func logHygiene() async throws {
        let lines = LogCapture()
        var logger = Logger(label: "test") { _ in lines.handler() }
        logger.logLevel = .trace
        let app = try await TestApp.make({ $0.apiKeys = ["super-secret-key"] }, logger: logger)
        let body = try TestApp.body(file: "image_T1.jpg")
        try await app.test(.router) { client in
            var headers = TestApp.jsonHeaders
            headers[HTTPField.Name("X-API-KEY")!] = "super-secret-key"
            headers[HTTPField.Name("X-Request-ID")!] = "trace-me-1"
            _ = try await client.execute(uri: "/liveness", method: .post, headers: headers, body: body)
            headers[HTTPField.Name("X-API-KEY")!] = "wrong-secret-key"
            _ = try await client.execute(uri: "/liveness", method: .post, headers: headers, body: body)
            // A key in the query string is not a way in, and is not logged (third probe: it was, in clear).
            headers[HTTPField.Name("X-API-KEY")!] = nil
            let query = try await client.execute(uri: "/liveness?api_key=query-secret-key", method: .post, headers: headers, body: body)
            #expect(query.status == .unauthorized)
        }
        let text = lines.text
        #expect(text.contains("trace-me-1"))
        #expect(text.contains("unauthorized request"))
        #expect(!text.contains("super-secret-key") && !text.contains("wrong-secret-key") && !text.contains("query-secret-key"))
        let base64 = String(String(buffer: body).dropFirst(10).prefix(40))
        #expect(!text.contains(base64))
        #expect(!text.contains("/9j/"))
    }
}

/// Collects log lines in memory.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    func handler() -> some LogHandler { CapturingHandler(capture: self) }

    struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(all)")
        }
    }
}
