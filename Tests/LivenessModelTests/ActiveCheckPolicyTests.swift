import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LivenessCore
@testable import LivenessServer
import NIOCore
import LivenessWire
import ServerTestSupport
import Testing
import TestSupport

/// `ACTIVE_CHECK_POLICY`.
@Suite("Active check policy")
struct ActiveCheckPolicyTests {
    @Test("With always, a confident real selfie still needs the active check (policy_always) and gets a challenge")
    func always() async throws {
        let engine = try await LivenessEngine(
            configuration: {
                var passive = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 1)
                passive.activeCheck = .always
                return passive
            }())
        let app = try LivenessApplication.build(
            configuration: TestApp.configuration(), signer: try await TestApp.signer.value, state: ServiceState(engine: engine),
            logger: .init(label: "test"))
        try await app.test(.router) { client in
            let real = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "image_T1.jpg"))
            let body = try real.liveness
            #expect(body.livenessLabel == .real && body.requiresActiveCheck && body.reasons == [.policyAlways])
            #expect(body.fallback?.challengeId != nil)
            let noFace = try await client.execute(
                uri: "/liveness", method: .post, headers: TestApp.jsonHeaders, body: try TestApp.body(file: "no_face.png"))
            #expect(noFace.errorCode == "no_face")
        }
        await engine.shutdown()
    }

    @Test("ACTIVE_CHECK_POLICY reads adaptive and always, and refuses anything else")
    func setting() throws {
        func read(_ value: String) throws -> ActiveCheckPolicy {
            try PassiveConfiguration(
                config: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: ["ACTIVE_CHECK_POLICY": value]))
            ).activeCheck
        }
        #expect(try read("always") == .always)
        #expect(try read("ADAPTIVE") == .adaptive)
        #expect(throws: ConfigurationError.self) { try read("sometimes") }
        #expect(PassiveConfiguration().activeCheck == .adaptive)
    }
}
