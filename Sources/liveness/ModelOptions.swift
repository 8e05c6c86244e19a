import ArgumentParser
import Configuration
import LivenessCore

/// Flags shared by every command that loads the models. Each overrides its environment variable.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model-dir"), help: "Folder with the detector and classifiers (MODEL_DIR, default models).")
    var modelDirectory: String?

    @Option(name: .customLong("model-path"), help: "One classifier ONNX file, used alone (MODEL_PATH).")
    var modelPath: String?

    @Option(help: "Score below which an active check is required (CONFIDENCE_THRESHOLD, default 0.85).")
    var confidenceThreshold: Double?

    @Option(name: .customLong("engine"), help: "Inference engine: openvino or opencv (INFERENCE_ENGINE, default openvino).")
    var engine: String?

    @Option(name: .customLong("max-workers"), help: "Worker threads, each with its own networks (MAX_WORKERS, default: cores).")
    var maxWorkers: Int?

    /// Flags first (these and `extra`, by config key), then the environment.
    func configReader(extra: [String: String] = [:]) -> ConfigReader {
        var flags: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in extra { flags[AbsoluteConfigKey(stringLiteral: key)] = .init(.string(value), isSecret: false) }
        if let modelDirectory { flags["model.dir"] = .init(.string(modelDirectory), isSecret: false) }
        if let modelPath { flags["model.path"] = .init(.string(modelPath), isSecret: false) }
        if let confidenceThreshold {
            flags["confidence.threshold"] = .init(.string(String(confidenceThreshold)), isSecret: false)
        }
        if let engine { flags["inference.engine"] = .init(.string(engine), isSecret: false) }
        if let maxWorkers { flags["max.workers"] = .init(.string(String(maxWorkers)), isSecret: false) }
        return ConfigReader(providers: [
            InMemoryProvider(name: "flags", values: flags),
            EnvironmentVariablesProvider(secretsSpecifier: .specific(["API_KEY", "API_KEYS", "ADMIN_API_KEY", "DATABASE_URL"])),
        ])
    }

    /// Reads the configuration and starts the workers, or exits with a message naming the problem.
    func startEngine(
        workers: Int? = nil, engine: InferenceEngine? = nil, extra: [String: String] = [:]
    ) async throws -> LivenessEngine {
        do {
            var configuration = try PassiveConfiguration(config: configReader(extra: extra))
            if let workers { configuration.workers = workers }
            if let engine { configuration.inferenceEngine = engine }
            let engine = try await LivenessEngine(configuration: configuration)
            for note in engine.catalog.notes { printError("liveness: classifier \(note)") }
            return engine
        } catch {
            printError("liveness: \(error)")
            throw ExitCode(2)
        }
    }
}
