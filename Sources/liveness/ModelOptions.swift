import ArgumentParser
import LivenessCore
import LivenessServer

/// Flags shared by every command that loads the models; names and help come from the settings table. Each
/// overrides its environment variable.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong(Setting.modelDirectory.flag!), help: Setting.modelDirectory.argumentHelp)
    var modelDirectory: String?

    @Option(name: .customLong(Setting.modelPath.flag!), help: Setting.modelPath.argumentHelp)
    var modelPath: String?

    @Option(name: .customLong(Setting.confidenceThreshold.flag!), help: Setting.confidenceThreshold.argumentHelp)
    var confidenceThreshold: String?

    @Option(name: .customLong(Setting.inferenceEngine.flag!), help: Setting.inferenceEngine.argumentHelp)
    var engine: String?

    @Option(name: .customLong(Setting.maxWorkers.flag!), help: Setting.maxWorkers.argumentHelp)
    var maxWorkers: String?

    /// Flags first (these and `extra`, by config key), then the environment. Values are checked by the table's
    /// reader, so a bad flag is refused like a bad variable.
    func settings(extra: [String: String] = [:]) -> SettingsReader {
        var flags = extra
        let given: [(Setting, String?)] = [
            (.modelDirectory, modelDirectory), (.modelPath, modelPath), (.confidenceThreshold, confidenceThreshold),
            (.inferenceEngine, engine), (.maxWorkers, maxWorkers),
        ]
        for case (let setting, let value?) in given { flags[setting.key] = value }
        return SettingsReader(flags: flags)
    }

    /// Reads the configuration and starts the workers, or exits with a message naming the problem.
    func startEngine(
        workers: Int? = nil, engine: InferenceEngine? = nil, extra: [String: String] = [:]
    ) async throws -> LivenessEngine {
        do {
            var configuration = try PassiveConfiguration(settings: settings(extra: extra))
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
