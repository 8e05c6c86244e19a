import ArgumentParser
import Hummingbird
import LivenessCore
import LivenessServer
import Logging
import ServiceLifecycle

#if OTLPTracing
    import OTel
#endif

/// `liveness serve`: the HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API (POST /liveness, health, metrics, OpenAPI docs).",
        discussion: """
            Every setting is an environment variable and, but for secrets, a flag that overrides it: --FLAG VALUE or \
            --FLAG=VALUE (docs/configuration.md is generated from the same table).

            \(Setting.serveHelp)
            """
    )

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Settings as --FLAG VALUE, listed below.", valueName: "settings"))
    var settings: [String] = []

    /// The settings given as flags, by config key.
    func flagValues() throws -> [String: String] {
        var values: [String: String] = [:]
        var remaining = settings[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw ValidationError("unexpected argument '\(argument.prefix(60))'; settings are --FLAG VALUE")
            }
            let parts = argument.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard let setting = Setting.all.first(where: { $0.flagSpelling == name }) else {
                throw ValidationError("unknown option '--\(name.prefix(60))' (liveness serve --help lists the settings)")
            }
            guard !setting.secret else {
                throw ValidationError("\(setting.variable) is a secret: set it in the environment, not on the command line")
            }
            let value: String
            if parts.count == 2 {
                value = String(parts[1])
            } else if let next = remaining.popFirst() {
                value = next
            } else {
                throw ValidationError("--\(name) needs a value")
            }
            values[setting.key] = value
        }
        return values
    }

    func validate() throws { _ = try flagValues() }

    func run() async throws {
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration(settings: SettingsReader(flags: try flagValues()))
            try configuration.checkAddress()
            // Fail fast on missing files; a corrupt one is found while the workers load it.
            _ = try ModelCatalog.locate(configuration.passive)
        } catch {
            printError("liveness: \(error)")
            throw ExitCode(2)
        }
        let logger = Self.bootstrapLogging(configuration)
        let tracing = try Self.bootstrapTracing(configuration, logger: logger)
        logger.info(
            "starting",
            metadata: [
                "host": "\(configuration.host)", "port": "\(configuration.port)",
                "api_keys": "\(configuration.apiKeys.count)", "metrics": "\(configuration.enableMetrics)",
                "database": "\(configuration.storage.location)", "audit": "\(configuration.storage.auditEnabled)",
            ])
        let storage: Storage
        do {
            storage = try await Storage.open(configuration.storage, logger: logger)
        } catch {
            logger.critical("cannot open the database: \(error)")
            throw ExitCode(2)
        }
        let signer: ResultSigner
        do {
            signer = try await ResultSigner.load(configuration.tokens, database: configuration.storage.location, logger: logger)
        } catch {
            logger.critical("cannot load the result-signing key: \(error)")
            await storage.database.close()
            throw ExitCode(2)
        }
        do {
            let state = ServiceState()
            let app = try LivenessApplication.build(
                configuration: configuration, signer: signer, state: state, logger: logger, storage: storage, services: tracing)
            // SIGTERM/SIGINT go to the drain service, whose return shuts the group down gracefully.
            let drain = DrainService(state: state, seconds: configuration.shutdownDrainSeconds, logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: app), .init(service: drain, successTerminationBehavior: .gracefullyShutdownGroup)],
                    logger: logger))
            try await group.run()
        } catch let error as ModelError {
            logger.critical("cannot start: \(error)")
            throw ExitCode(2)
        }
    }

    /// With `ENABLE_TRACING`, the OTLP exporter (configured by the standard `OTEL_*` variables) when the
    /// binary was built with the `OTLPTracing` trait; otherwise spans go to the default no-op tracer.
    static func bootstrapTracing(_ configuration: ServerConfiguration, logger: Logger) throws -> [any Service] {
        guard configuration.enableTracing else { return [] }
        #if OTLPTracing
            var otel = OTel.Configuration.default
            otel.logs.enabled = false
            otel.metrics.enabled = false
            otel.traces.enabled = true
            logger.info("ENABLE_TRACING: exporting spans over OTLP")
            return [try OTel.bootstrap(configuration: otel)]
        #else
            logger.warning("ENABLE_TRACING: this build has no OTLP exporter; build with --traits OTLPTracing")
            return []
        #endif
    }

    /// Logs in `LOG_FORMAT` on standard error, and routes what C libraries print there through the same logger.
    static func bootstrapLogging(_ configuration: ServerConfiguration) -> Logger {
        let level = configuration.logLevel
        let output = NativeMessages.capture() ?? .standardError
        switch configuration.logFormat {
        case .json: LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level, output: output) }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler(label: label, stream: output)
                handler.logLevel = level
                return handler
            }
        }
        NativeMessages.forward(to: Logger(label: "native"))
        return Logger(label: "liveness")
    }
}
