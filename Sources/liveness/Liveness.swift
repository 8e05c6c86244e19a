import ArgumentParser

/// The `liveness` executable: passive checks, benchmarks and (later) the HTTP server.
@main
struct Liveness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Face liveness (presentation-attack) detection with the MiniFASNet anti-spoof models.",
        subcommands: [ServeCommand.self, CheckCommand.self, BlinkCommand.self, BenchCommand.self, FuzzCommand.self]
    )
}
