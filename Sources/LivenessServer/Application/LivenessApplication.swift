import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import LivenessCore
import LivenessWire
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle

/// Builds the HTTP application: middleware, the OpenAPI handlers, docs, and the model service.
///
/// Configuration keys: see ``ServerConfiguration`` and ``PassiveConfiguration``.
public enum LivenessApplication {
    /// The methods each fixed path answers (for 405 with `Allow`): the spec's operations, and the open pages
    /// outside it. A GET route also answers HEAD.
    static func routeMethods(demo: Bool) -> RouteMethods {
        var methods: [String: Set<String>] = [:]
        for operation in APIOperation.all.values { methods[operation.path, default: []].insert(operation.method) }
        for path in DocsRoutes.paths + (demo ? DemoRoutes.paths : []) { methods[path, default: []].insert("GET") }
        return RouteMethods(methods)
    }

    /// The application for `configuration`.
    ///
    /// - Parameters:
    ///   - state: pass a state with a loaded engine to serve at once (tests); otherwise the
    ///     models load in the background and `/health/ready` turns 200 when they have.
    ///   - loadModels: whether to load the models when `state` has no engine.
    ///   - storage: the database (``Storage/open(_:logger:)``) for challenges and the audit log; the
    ///     application closes it at shutdown. Without it challenges stay in memory and nothing is audited.
    ///   - challenges: the challenge service (tests inject a clock); by default one on `storage`, or in
    ///     memory, with the configured TTL and attempts.
    ///   - signer: signs the `result_token` of every decision (``ResultSigner/load(_:database:logger:)``).
    ///   - extraServices: more services to run with the server (for example an OTLP exporter).
    public static func build(
        configuration: ServerConfiguration, signer: ResultSigner, state: ServiceState = ServiceState(), logger: Logger,
        loadModels: Bool = true, storage: Storage? = nil, challenges: ChallengeService? = nil,
        services extraServices: [any Service] = []
    ) throws -> some ApplicationProtocol {
        let challenges =
            challenges
            ?? ChallengeService(
                store: storage?.challenges ?? InMemoryChallengeStore(),
                ttl: configuration.challengeTTL, maxAttempts: configuration.challengeMaxAttempts,
                publicBaseURL: configuration.publicBaseURL, type: configuration.activeChallenge,
                replays: storage?.replays ?? InMemoryReplayStore(), replayWindow: configuration.replayWindowHours * 3600)
        let audit = storage?.audit
        let metrics = configuration.enableMetrics ? LivenessMetrics() : nil
        // The router matches paths; every layer after it works on the matched route or operation, never on
        // the path string.
        let router = Router(context: LivenessRequestContext.self, options: [.autoGenerateHeadEndpoints])
        router.middlewares.add(RequestIDMiddleware(proxies: configuration.connections.trustedProxies))
        if configuration.enableTracing { router.middlewares.add(TracingMiddleware()) }
        router.middlewares.add(MetricsMiddleware(metrics: metrics))
        if let audit { router.middlewares.add(AuditMiddleware(audit: audit, state: state)) }
        router.middlewares.add(ErrorMiddleware(routes: routeMethods(demo: configuration.demoEnabled)))
        router.middlewares.add(CanonicalPathMiddleware())
        let limiter = configuration.rateLimitPerMinute.map {
            RateLimiter(limit: $0, per: 60, burst: configuration.rateLimitBurst)
        }
        let policy = OperationPolicyMiddleware(
            operations: APIOperation.all, configuration: configuration, limiter: limiter, state: state)
        let failures = configuration.maxFailedChallengesPerHour.map { RateLimiter(limit: $0, per: 3600) }
        let api = LivenessAPI(
            state: state, configuration: configuration, metrics: metrics, challenges: challenges, failedAttempts: failures,
            audit: audit, signer: signer)
        try api.registerHandlers(
            on: router,
            configuration: WireJSON.runtime,
            middlewares: [policy])
        DocsRoutes.register(on: router)
        if configuration.demoEnabled { DemoRoutes.register(on: router) }
        DemoRoutes.registerSDK(on: router)

        // Shutdown runs in reverse: the server drains, the workers stop, the audit queue is flushed, and the
        // database closes last.
        var services: [any Service] = storage.map { [StorageService(storage: $0, logger: logger)] } ?? []
        if let audit { services.append(AuditService(audit: audit, logger: logger)) }
        services += extraServices + [ChallengePurgeService(challenges: challenges, logger: logger)]
        if state.engine == nil && loadModels {
            services.append(ModelService(server: configuration, state: state, logger: logger))
        }
        let connections = configuration.connections
        let budget = BodyBudget(limit: connections.maxBodyBytesInFlight)
        let largestBody = max(configuration.maxBodyBytes, configuration.maxVideoBytes)
        let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [
            ConnectionGuard(configuration: connections, budget: budget, largestBody: largestBody)
        ])
        var server = HTTPServerBuilder.http1(configuration: http1)
        if configuration.liveSessions {
            let live = LiveRoutes(configuration: configuration, state: state, challenges: challenges, signer: signer, metrics: metrics)
            let sockets = live.router().buildResponder()
            let configuration = HTTP1WebSocketUpgradeChannel.Configuration(http1: http1, ws: live.socketConfiguration)
            server = HTTPServerBuilder { responder in
                GuardedUpgradeChannel(
                    inner: HTTP1WebSocketUpgradeChannel(
                        responder: responder, webSocketResponder: sockets, configuration: configuration),
                    connections: connections)
            }
        }
        return Application(
            router: router,
            server: server,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                availableConnectionsDelegate: .maximum(connections.maxConnections, logger: logger)),
            services: services,
            logger: logger
        )
    }
}
