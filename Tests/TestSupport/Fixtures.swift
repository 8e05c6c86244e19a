import Foundation
import LivenessCore

/// Paths of the shared fixtures and the downloaded models.
///
/// `LIVENESS_TESTDATA` and `LIVENESS_MODELS` override the defaults `../shared/testdata` and `models`
/// (both relative to the package root).
public enum Fixtures {
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static let testdata =
        ProcessInfo.processInfo.environment["LIVENESS_TESTDATA"]
        ?? "\(packageRoot)/../shared/testdata"
    public static let models = ProcessInfo.processInfo.environment["LIVENESS_MODELS"] ?? "\(packageRoot)/models"

    public static func image(_ name: String) -> String { "\(testdata)/images/\(name)" }

    public static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FixtureError("cannot read \(path)") }
        return [UInt8](data)
    }

    /// Every golden file in `expected/`, sorted by name.
    public static func goldens() throws -> [Golden] {
        let folder = "\(testdata)/expected"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
            .map { try Golden.load("\(folder)/\($0)") }
    }

    /// One LivenessEngine per InferenceEngine with the default models, shared by all tests (2 workers each).
    /// Its queue never sheds: every suite uses it at once, and on a slow machine more than the default 64
    /// jobs may wait. Shedding is tested on private engines.
    public static let engines: [InferenceEngine: Task<LivenessEngine, any Error>] = Dictionary(
        uniqueKeysWithValues: InferenceEngine.allCases.map { engine in
            (
                engine,
                Task {
                    var configuration = PassiveConfiguration(modelDirectory: models, workers: 2, maxQueue: 100_000)
                    configuration.inferenceEngine = engine
                    return try await LivenessEngine(configuration: configuration)
                }
            )
        })

    /// The shared LivenessEngine on OpenVINO.
    public static var engine: Task<LivenessEngine, any Error> { engine(.openvino) }

    /// The shared LivenessEngine running its networks on `engine`.
    public static func engine(_ engine: InferenceEngine) -> Task<LivenessEngine, any Error> { engines[engine]! }
}

public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
