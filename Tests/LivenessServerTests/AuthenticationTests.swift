import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Configuration
import LivenessServer
import LivenessWire
import ServerTestSupport
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

    @Test("A named key's id is its name (the token's aud), not a hash of the key that a weak key could be guessed from")
    func namedKeys() async throws {
        let keys = APIKeySet(["backend-a:first-random-key", "backend-a:rotated-random-key", "plain-key", "bad name:k"])
        #expect(keys.identify("first-random-key") == "backend-a" && keys.identify("rotated-random-key") == "backend-a")
        #expect(keys.identify("backend-a:first-random-key") == nil, "the name is not part of the key")
        let plain = try #require(keys.identify("plain-key"))
        #expect(plain.count == 12 && plain.allSatisfy(\.isHexDigit))
        #expect(keys.identify("bad name:k") != nil, "not a valid name: the whole entry is the key")
        let app = try await TestApp.make({ $0.apiKeys = keys })
        try await app.test(.router) { client in
            var headers = TestApp.jsonHeaders
            headers[Self.apiKey] = "first-random-key"
            let answer = try await client.execute(uri: "/liveness", method: .post, headers: headers, body: try TestApp.body(file: "image_T1.jpg"))
            let token = try #require(try answer.liveness.resultToken)
            #expect(try FailClosedTests.claims(token)["aud"] as? String == "backend-a")
        }
    }
}
