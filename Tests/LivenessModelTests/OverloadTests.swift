import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessWire
import NIOCore
import ServerTestSupport
import Testing
import TestSupport

/// Backpressure on the real engine: one worker, no queue.
@Suite("Overload on the real engine")
struct OverloadTests {
    @Test("A full queue answers 503 overloaded with Retry-After; nothing else fails")
    func overload() async throws {
        let engine = try await LivenessEngine(
            configuration: PassiveConfiguration(modelDirectory: Fixtures.models, workers: 1, maxQueue: 0))
        let app = try LivenessApplication.build(
            configuration: TestApp.configuration(), signer: try await TestApp.signer.value, state: ServiceState(engine: engine),
            logger: .init(label: "test"))
        let body = try TestApp.body(file: "image_T1.jpg")
        let statuses = try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: (Int, String?, String?).self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        let response = try await client.execute(uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: body)
                        return (response.status.code, response.errorCode, response.headers[.retryAfter])
                    }
                }
                return try await group.reduce(into: [(Int, String?, String?)]()) { $0.append($1) }
            }
        }
        await engine.shutdown()
        let overloaded = statuses.filter { $0.0 == 503 }
        #expect(statuses.allSatisfy { $0.0 == 200 || $0.0 == 503 })
        #expect(!overloaded.isEmpty)
        #expect(overloaded.allSatisfy { $0.1 == "overloaded" && $0.2 == "1" })
        #expect(statuses.contains { $0.0 == 200 })
    }
}
