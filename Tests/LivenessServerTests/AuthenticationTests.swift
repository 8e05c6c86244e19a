import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Configuration
import LivenessServer
import LivenessWire
import Testing
import TestSupport

/// The API key matrix: no key, wrong key, X-API-KEY, Bearer, and no keys configured.
@Suite("Authentication")
struct AuthenticationTests {
    static let apiKey = HTTPField.Name("X-API-KEY")!

    static func request(_ client: some TestClientProtocol, _ extra: HTTPFields) async throws -> TestResponse {
        var headers = TestApp.jsonHeaders
        headers.append(contentsOf: extra)
        return try await client.execute(uri: "/liveness", method: .post, headers: headers, body: try TestApp.body(file: "image_T1.jpg"))
    }

    @Test("With API keys set, only a right key in X-API-KEY or a Bearer token passes")
    func matrix() async throws {
        let app = try await TestApp.make { $0.apiKeys = ["first-key", "second-key"] }
        try await app.test(.router) { client in
            let missing = try await Self.request(client, [:])
            #expect(missing.status == .unauthorized)
            #expect(missing.errorCode == "unauthorized")
            #expect(missing.headers[.wwwAuthenticate] == "Bearer")
            for wrong: HTTPFields in [
                [Self.apiKey: "wrong"], [.authorization: "Bearer wrong"], [Self.apiKey: "first-ke"],
                [.authorization: "Basic Zmlyc3Qta2V5"], [.authorization: "first-key"],
            ] {
                let response = try await Self.request(client, wrong)
                #expect(response.status == .unauthorized, "\(wrong)")
            }
            for right: HTTPFields in [
                [Self.apiKey: "first-key"], [Self.apiKey: "second-key"], [.authorization: "Bearer first-key"],
                [.authorization: "bearer second-key"],
            ] {
                let response = try await Self.request(client, right)
                #expect(response.status == .ok, "\(right)")
                #expect(try response.liveness.livenessLabel == .real)
            }
        }
    }

    @Test("Health, readiness, metrics and the spec stay open")
    func openEndpoints() async throws {
        let app = try await TestApp.make { $0.apiKeys = ["k"] }
        try await app.test(.router) { client in
            for path in ["/health", "/health/live", "/health/ready", "/metrics", "/openapi.yaml", "/openapi.json", "/docs"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
            }
        }
    }

    @Test("Without API_KEY no key is needed")
    func noKeys() async throws {
        let app = try await TestApp.make()
        try await app.test(.router) { client in
            let bare = try await Self.request(client, [:])
            let withKey = try await Self.request(client, [Self.apiKey: "anything"])
            #expect(bare.status == .ok && withKey.status == .ok)
        }
    }

    @Test("API_KEY and API_KEYS are both read, trimmed, and the key is a secret")
    func configuration() throws {
        let reader = ConfigReader(provider: InMemoryProvider(values: ["api.key": "solo", "api.keys": " a , b ,"]))
        let configuration = try ServerConfiguration(config: reader)
        #expect(configuration.apiKeys.count == 3)
        #expect(configuration.apiKeys.identify("solo") != nil)
        #expect(configuration.apiKeys.identify("a") != nil && configuration.apiKeys.identify("b") != nil)
        #expect(configuration.apiKeys.identify("c") == nil)
        #expect(configuration.apiKeys.identify("a") != configuration.apiKeys.identify("b"))
    }
}
