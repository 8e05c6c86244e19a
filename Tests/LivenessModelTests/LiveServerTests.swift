import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// The same contract over a real socket.
@Suite("Live server")
struct LiveServerTests {
    @Test("T1 is real and two faces ask for the blink fallback, over TCP")
    func liveRequests() async throws {
        // An engine of its own: the shared one may have a queue of blink analyses from other suites longer
        // than the live client's 15 s read timeout.
        let engine = Task {
            try await LivenessEngine(configuration: PassiveConfiguration(modelDirectory: Fixtures.models, workers: 1))
        }
        defer { Task { await (try? engine.value)?.shutdown() } }
        let app = try await TestApp.make(engine: .own(engine))
        try await app.test(.live) { client in
            let real = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_T1.jpg"))
            #expect(real.status == .ok)
            #expect(try real.liveness.livenessLabel == .real)
            #expect(try real.liveness.confidenceScore == 0.993568)
            let two = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "two_faces.png"))
            #expect(try two.liveness.reasons == [.multipleFaces])
            #expect(try two.liveness.fallback?.challengeType == .blink)
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(try health.decoded(Components.Schemas.HealthStatus.self).status == "ok")
        }
    }
}
