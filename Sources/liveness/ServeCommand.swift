import ArgumentParser
import Configuration
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
        discussion: "Every option overrides the environment variable named in its help. See docs/configuration.md for all keys."
    )

    @OptionGroup var models: ModelOptions

    @Option(help: "Address to bind (HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "TCP port (PORT, default 8000).")
    var port: Int?

    @Option(name: .customLong("max-queue"), help: "Requests that may wait for a worker (MAX_QUEUE, default 64).")
    var maxQueue: Int?

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body (MAX_BODY_BYTES, default 10485760).")
    var maxBodyBytes: Int?

    @Option(name: .customLong("log-level"), help: "trace ... critical (LOG_LEVEL, default info).")
    var logLevel: String?

    @Option(name: .customLong("log-format"), help: "text or json (LOG_FORMAT, default text).")
    var logFormat: String?

    @Option(name: .customLong("data-dir"), help: "Folder of the SQLite database when DATABASE_URL is unset (DATA_DIR, default data).")
    var dataDirectory: String?

    func run() async throws {
        let flags: [String: String?] = [
            "host": host, "port": port.map(String.init), "max.queue": maxQueue.map(String.init),
            "max.body.bytes": maxBodyBytes.map(String.init), "log.level": logLevel, "log.format": logFormat,
            "data.dir": dataDirectory,
        ]
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration(config: models.configReader(extra: flags.compactMapValues { $0 }))
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
