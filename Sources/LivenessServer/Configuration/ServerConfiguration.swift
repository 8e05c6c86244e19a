import Configuration
import LivenessCore
import Logging

/// Settings of the HTTP service.
///
/// Configuration keys (environment variable, then the config key it maps from):
/// - `HOST` (`host`): address to bind. Default `127.0.0.1`; containers set `0.0.0.0`.
/// - `PORT` (`port`): TCP port. Default 8000.
/// - `API_KEY` (`api.key`), `API_KEYS` (`api.keys`, comma-separated): accepted keys. None: no authentication.
/// - `ENABLE_FALLBACK` (`enable.fallback`): offer the blink challenge when the result is inconclusive. Default true.
/// - `MAX_BODY_BYTES` (`max.body.bytes`): largest request body, enforced while it streams in. Default 10 MiB.
/// - `ENABLE_METRICS` (`enable.metrics`): serve `/metrics`. Default true.
/// - `ENABLE_TRACING` (`enable.tracing`): create a span per request (exported over OTLP when built with the
///   `Tracing` trait). Default false.
/// - `LOG_LEVEL` (`log.level`): trace, debug, info, notice, warning, error, critical. Default info.
/// - `LOG_FORMAT` (`log.format`): `text` or `json`. Default text.
/// - `MAX_VIDEO_BYTES` (`max.video.bytes`): largest blink upload, enforced while it streams in. Default 20 MB.
/// - `CHALLENGE_TTL_SECONDS` (`challenge.ttl.seconds`): how long a challenge stays valid. Default 180.
/// - `CHALLENGE_MAX_ATTEMPTS` (`challenge.max.attempts`): failed videos a challenge allows. Default 3.
/// - `PUBLIC_BASE_URL` (`public.base.url`): makes `upload_url` absolute, e.g. `https://liveness.example.com`.
/// - `REQUIRE_CHALLENGE` (`require.challenge`): refuse `/active/blink` uploads without a challenge. Default false.
/// - `DEMO_ENABLED` (`demo.enabled`): serve the browser demo at `/demo`. Default true.
/// - `RATE_LIMIT_PER_MINUTE` (`rate.limit.per.minute`): requests per API key (or address) per minute on
///   `/liveness` and `/active/blink`. Default off.
/// - `RATE_LIMIT_BURST` (`rate.limit.burst`): requests allowed at once. Default: the per-minute rate.
/// - `SHUTDOWN_DRAIN_SECONDS` (`shutdown.drain.seconds`): after SIGTERM, how long requests are still served
///   while `/health/ready` answers 503, before the server stops accepting connections. Default 3.
/// - `MAX_FAILED_CHALLENGES_PER_HOUR` (`max.failed.challenges.per.hour`): failed blink attempts per API key
///   (or address) per hour before `/active/blink` answers 429. Default off.
///
/// Connection keys (`HEADER_TIMEOUT_SECONDS`, `IDLE_TIMEOUT_SECONDS`, `BODY_MIN_BYTES_PER_SECOND`, `MAX_CONNECTIONS`,
/// `TRUSTED_PROXIES`) are read by ``ConnectionConfiguration``.
///
/// Result-token keys (`RESULT_SIGNING_KEY_FILE`, `RESULT_SIGNING_PREVIOUS_KEY_FILES`, `RESULT_TOKEN_TTL_SECONDS`,
/// `RESULT_TOKEN_ISSUER`) are read by ``ResultTokenConfiguration``.
///
/// Storage keys (`DATABASE_URL`, `DATA_DIR`, `DATABASE_TIMEOUT_SECONDS`, `DATABASE_STARTUP_TIMEOUT_SECONDS`,
/// `AUDIT_ENABLED`, `AUDIT_RETENTION_DAYS`, `ADMIN_API_KEY`) are read by ``StorageConfiguration``.
///
/// The passive check's own keys (`MODEL_DIR`, `MODEL_PATH`, `CONFIDENCE_THRESHOLD`, `MAX_WORKERS`, `MAX_QUEUE`)
/// are read by ``PassiveConfiguration``.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8000
    public var apiKeys: APIKeySet = []
    public var enableFallback = true
    public var maxBodyBytes = 10 * 1024 * 1024
    public var enableMetrics = true
    public var enableTracing = false
    public var logLevel = Logger.Level.info
    public var logFormat = LogFormat.text
    public var maxVideoBytes = 20 * 1024 * 1024
    public var challengeTTL: Double = 180
    public var challengeMaxAttempts = 3
    public var publicBaseURL: String?
    public var requireChallenge = false
    public var demoEnabled = true
    public var rateLimitPerMinute: Int?
    public var rateLimitBurst: Int?
    public var maxFailedChallengesPerHour: Int?
    public var passive = PassiveConfiguration()
    public var storage = StorageConfiguration()
    public var connections = ConnectionConfiguration()
    public var tokens = ResultTokenConfiguration()
    public var shutdownDrainSeconds: Double = 3

    public init() {}

    /// Reads every key listed on the type, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        self.init()
        passive = try PassiveConfiguration(config: config)
        storage = try StorageConfiguration(config: config)
        connections = try ConnectionConfiguration(config: config)
        tokens = try ResultTokenConfiguration(config: config)
        shutdownDrainSeconds = try ConfigurationError.number(
            config, "shutdown.drain.seconds", "SHUTDOWN_DRAIN_SECONDS", default: shutdownDrainSeconds, in: 0...300)
        host = config.string(forKey: "host", default: host)
        port = Int(try ConfigurationError.number(config, "port", "PORT", default: Double(port), in: 0...65535))
        var keys = config.string(forKey: "api.keys", isSecret: true)?.split(separator: ",").map(String.init) ?? []
        if let key = config.string(forKey: "api.key", isSecret: true) { keys.append(key) }
        apiKeys = APIKeySet(keys)
        enableFallback = try ConfigurationError.flag(config, "enable.fallback", "ENABLE_FALLBACK", default: enableFallback)
        maxBodyBytes = Int(
            try ConfigurationError.number(
                config, "max.body.bytes", "MAX_BODY_BYTES", default: Double(maxBodyBytes), in: 1024...1_073_741_824))
        maxVideoBytes = Int(
            try ConfigurationError.number(
                config, "max.video.bytes", "MAX_VIDEO_BYTES", default: Double(maxVideoBytes), in: 1024...1_073_741_824))
        challengeTTL = try ConfigurationError.number(
            config, "challenge.ttl.seconds", "CHALLENGE_TTL_SECONDS", default: challengeTTL, in: 1...86_400)
        challengeMaxAttempts = Int(
            try ConfigurationError.number(
                config, "challenge.max.attempts", "CHALLENGE_MAX_ATTEMPTS", default: Double(challengeMaxAttempts), in: 1...100))
        publicBaseURL = config.string(forKey: "public.base.url").flatMap { $0.isEmpty ? nil : $0 }
        requireChallenge = try ConfigurationError.flag(config, "require.challenge", "REQUIRE_CHALLENGE", default: requireChallenge)
        rateLimitPerMinute = try ConfigurationError.optionalCount(config, "rate.limit.per.minute", "RATE_LIMIT_PER_MINUTE")
        rateLimitBurst = try ConfigurationError.optionalCount(config, "rate.limit.burst", "RATE_LIMIT_BURST")
        maxFailedChallengesPerHour = try ConfigurationError.optionalCount(
            config, "max.failed.challenges.per.hour", "MAX_FAILED_CHALLENGES_PER_HOUR")
        demoEnabled = try ConfigurationError.flag(config, "demo.enabled", "DEMO_ENABLED", default: demoEnabled)
        enableMetrics = try ConfigurationError.flag(config, "enable.metrics", "ENABLE_METRICS", default: enableMetrics)
        enableTracing = try ConfigurationError.flag(config, "enable.tracing", "ENABLE_TRACING", default: enableTracing)
        if let level = config.string(forKey: "log.level") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError(variable: "LOG_LEVEL", message: "'\(level)' is not a log level")
            }
            logLevel = parsed
        }
        if let format = config.string(forKey: "log.format") {
            guard let parsed = LogFormat(rawValue: format.lowercased()) else {
                throw ConfigurationError(variable: "LOG_FORMAT", message: "'\(format)' is not text or json")
            }
            logFormat = parsed
        }
    }
}

/// How log lines are written.
public enum LogFormat: String, Sendable {
    case text
    case json
}
