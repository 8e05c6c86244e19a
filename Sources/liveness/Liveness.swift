import ArgumentParser

/// The `liveness` executable: the HTTP server, passive and blink checks, benchmarks, fuzzing and health checks.
@main
struct Liveness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Face liveness (presentation-attack) detection with the MiniFASNet anti-spoof models.",
        subcommands: [ServeCommand.self, CheckCommand.self, EvaluateCommand.self, BlinkCommand.self, BenchCommand.self, FuzzCommand.self, BombsCommand.self, HealthcheckCommand.self, TokenCommand.self]
    )
}
