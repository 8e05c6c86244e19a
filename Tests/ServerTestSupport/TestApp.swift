import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessCore
import LivenessServer
import LivenessWire
import Logging
import NIOCore
import TestSupport

/// Builds the application under test: on ``ScriptedChecks`` (no models) by default, or on a shared, preloaded
/// engine for the end-to-end tests.
public enum TestApp {
    /// Two workers and a deep queue: the tests send bursts of parallel requests.
    public static let engine = Task {
        try await LivenessEngine(
            configuration: PassiveConfiguration(modelDirectory: Fixtures.models, workers: 2, maxQueue: 1000))
    }

    /// The same with ACTIVE_CHECK_POLICY=always: every selfie with a face opens a challenge, so that the
    /// blink clips' own man (``Videos/selfie``) can open one his clips pass.
    public static let boundEngine = Task {
        var configuration = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 2, maxQueue: 1000)
        configuration.activeCheck = .always
        return try await LivenessEngine(configuration: configuration)
    }

    /// Signs result tokens with a key held in memory.
    public static let signer = Task { try await ResultSigner.ephemeral() }

    public static func configuration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.passive = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 2, maxQueue: 1000)
        // The suites written for the blink challenge answer it with the shared blink clips; the action
        // challenge's suites set `.actions` (the service's default).
        configuration.activeChallenge = .blink
        change(&configuration)
        return configuration
    }

    /// Which engine an application under test gets.
    public enum Engine {
        /// ``ScriptedChecks``: no models; fixtures answer as recorded.
        case scripted(ScriptedChecks = ScriptedChecks())
        /// The shared engine on the default models (end-to-end tests).
        case real
        /// The shared engine with ACTIVE_CHECK_POLICY=always.
        case bound
        /// An engine of the test's own.
        case own(Task<LivenessEngine, any Error>)

        public func value() async throws -> any LivenessChecking {
            switch self {
            case .scripted(let checks): checks
            case .real: try await TestApp.engine.value
            case .bound: try await TestApp.boundEngine.value
            case .own(let task): try await task.value
            }
        }
    }

    public static func make(
        _ change: (inout ServerConfiguration) -> Void = { _ in }, logger: Logger = Logger(label: "test"), storage: Storage? = nil,
        engine: Engine = .scripted()
    ) async throws -> some ApplicationProtocol {
        let state = ServiceState(engine: try await engine.value())
        return try LivenessApplication.build(
            configuration: configuration(change), signer: try await TestApp.signer.value, state: state, logger: logger, storage: storage)
    }

    /// `{"image": "<base64 of file>"}`
    public static func body(file: String, field: String = "image", prefix: String = "") throws -> ByteBuffer {
        let base64 = Data(try Fixtures.bytes(Fixtures.image(file))).base64EncodedString()
        return json([field: prefix + base64])
    }

    public static func json(_ object: [String: String]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    public static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
}

extension TestResponse {
    /// The body as a JSON object.
    public var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    /// The body decoded into the spec's generated type `T`, as a client generated from the spec would read it
    /// (``WireJSON/decoder()``); a body that does not conform fails the decode.
    public func decoded<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try WireJSON.decoder().decode(type, from: Data(buffer: body))
    }

    /// `error.code` of an error body (the spec's `ErrorResponse`), nil when the body is not one.
    public var errorCode: String? { (try? decoded(Components.Schemas.ErrorResponse.self))?.error.code.rawValue }

    /// True when an error body carries no source paths, stack frames or addresses.
    public var errorIsClean: Bool {
        let text = String(buffer: body)
        return ![".swift", ".cpp", ".hpp", "/usr/", "/build/", "/work/", "/tmp/", "Sources/", "0x7f", "Backtrace", "libopencv"]
            .contains { text.contains($0) }
    }
}

extension TestResponse {
    /// The `POST /liveness` body.
    public var liveness: Components.Schemas.LivenessResponse { get throws { try decoded() } }
    /// The `POST /active/blink` body.
    public var blink: Components.Schemas.BlinkResponse { get throws { try decoded() } }
    /// The `GET /challenges/{id}` body.
    public var challenge: Components.Schemas.ChallengeStatus { get throws { try decoded() } }
}
