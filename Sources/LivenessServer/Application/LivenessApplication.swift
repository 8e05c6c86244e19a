import Hummingbird
import LivenessCore
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle

/// Builds the HTTP application: middleware, the OpenAPI handlers, docs, and the model service.
///
/// Configuration keys: see ``ServerConfiguration`` and ``PassiveConfiguration``.
public enum LivenessApplication {
    /// Endpoints that never need an API key (and everything under `/demo/`).
    static let openPaths: Set<String> = [
        "/health", "/health/live", "/health/ready", "/metrics", "/openapi.yaml", "/openapi.json", "/docs", "/demo",
        // Admin endpoints take ADMIN_API_KEY instead (AdminKeyMiddleware).
        "/audit",
    ]

    /// The methods of every fixed route.
    static func routeMethods(demo: Bool) -> [String: String] {
        var routes = [
            "/liveness": "POST", "/active/blink": "POST", "/health": "GET", "/health/live": "GET", "/health/ready": "GET",
            "/metrics": "GET", "/audit": "GET", "/openapi.yaml": "GET", "/openapi.json": "GET", "/docs": "GET",
        ]
        if demo { routes["/demo"] = "GET" }
        return routes
    }

    /// The application for `configuration`.
    ///
    /// - Parameters:
    ///   - state: pass a state with a loaded checker to serve at once (tests); otherwise the
    ///     models load in the background and `/health/ready` turns 200 when they have.
    ///   - loadModels: whether to load the models when `state` has no checker.
    ///   - storage: the database (``Storage/open(_:logger:)``) for challenges and the audit log; the
    ///     application closes it at shutdown. Without it challenges stay in memory and nothing is audited.
    ///   - challenges: the challenge service (tests inject a clock); by default one on `storage`, or in
    ///     memory, with the configured TTL and attempts.
    ///   - extraServices: more services to run with the server (for example an OTLP exporter).
    public static func build(
        configuration: ServerConfiguration, state: ServiceState = ServiceState(), logger: Logger,
        loadModels: Bool = true, storage: Storage? = nil, challenges: ChallengeService? = nil,
        services extraServices: [any Service] = []
    ) throws -> some ApplicationProtocol {
        let challenges =
            challenges
            ?? ChallengeService(
                store: storage?.challenges ?? InMemoryChallengeStore(),
                ttl: configuration.challengeTTL, maxAttempts: configuration.challengeMaxAttempts,
                publicBaseURL: configuration.publicBaseURL)
        let audit = storage?.audit
        let metrics = configuration.enableMetrics ? LivenessMetrics() : nil
        let router = Router(context: LivenessRequestContext.self)
        router.middlewares.add(RequestIDMiddleware())
        if configuration.enableTracing { router.middlewares.add(TracingMiddleware()) }
        router.middlewares.add(MetricsMiddleware(metrics: metrics))
        if let audit { router.middlewares.add(AuditMiddleware(audit: audit, state: state)) }
        router.middlewares.add(ErrorMiddleware(routes: routeMethods(demo: configuration.demoEnabled)))
        router.middlewares.add(AdminKeyMiddleware(keys: configuration.storage.adminKeys, auditAvailable: audit != nil))
        router.middlewares.add(APIKeyMiddleware(keys: configuration.apiKeys, openPaths: openPaths))
        if let perMinute = configuration.rateLimitPerMinute {
            let limiter = RateLimiter(limit: perMinute, per: 60, burst: configuration.rateLimitBurst)
            router.middlewares.add(RateLimitMiddleware(limiter: limiter, limitedPaths: ["/liveness", "/active/blink"]))
        }
        router.middlewares.add(
            MediaTypeMiddleware(accepted: ["/liveness": ["application/json"], "/active/blink": ["multipart/form-data"]]))
        // Blink uploads get MAX_VIDEO_BYTES plus room for the multipart framing and the challenge field.
        router.middlewares.add(
            BodyLimitMiddleware(
                limit: configuration.maxBodyBytes, pathLimits: ["/active/blink": configuration.maxVideoBytes + 64 * 1024]))
        let failures = configuration.maxFailedChallengesPerHour.map { RateLimiter(limit: $0, per: 3600) }
        let api = LivenessAPI(
            state: state, configuration: configuration, metrics: metrics, challenges: challenges, failedAttempts: failures,
            audit: audit)
        try api.registerHandlers(on: router, configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
        DocsRoutes.register(on: router)
        if configuration.demoEnabled { DemoRoutes.register(on: router) }

        // Shutdown runs in reverse: the server drains, the workers stop, the audit queue is flushed, and the
        // database closes last.
        var services: [any Service] = storage.map { [StorageService(storage: $0, logger: logger)] } ?? []
        if let audit { services.append(AuditService(audit: audit, logger: logger)) }
        services += extraServices + [ChallengePurgeService(challenges: challenges, logger: logger)]
        if state.checker == nil && loadModels {
            services.append(ModelService(configuration: configuration.passive, state: state, logger: logger))
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: services,
            logger: logger
        )
    }
}
