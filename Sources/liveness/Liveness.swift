import ArgumentParser
import LivenessCore
import LivenessServer

/// The `liveness` executable: the HTTP server, passive and blink checks, benchmarks, fuzzing and health checks.
@main
struct Liveness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Face liveness (presentation-attack) detection with the MiniFASNet anti-spoof models.",
        version: OpenAPISpec.version,
        subcommands: [
            ServeCommand.self, CheckCommand.self, EvaluateCommand.self, BlinkCommand.self, ActionsCommand.self, RenderCommand.self, BenchCommand.self,
            FuzzCommand.self, BombsCommand.self,
            HealthcheckCommand.self, TokenCommand.self, DocsCommand.self,
        ]
    )

    /// Applies the bridge's process-wide settings (``LivenessEngine/configureProcess()``) before anything else
    /// runs, then parses and runs the command as ArgumentParser's own `main` does.
    static func main() async {
        LivenessEngine.configureProcess()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
