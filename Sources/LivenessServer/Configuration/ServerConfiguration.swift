import Configuration
import LivenessCore
import Logging

/// Settings of the HTTP service: ``Setting/serverSettings`` (the table says what each means; the defaults are
/// set here), and the parts read by ``PassiveConfiguration``, ``StorageConfiguration``, ``ConnectionConfiguration``
/// and ``ResultTokenConfiguration``.
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
    public var activeChallenge = ChallengeType.actions
    public var replayWindowHours: Double = 24
    public var challengeMaxAttempts = 3
    public var publicBaseURL: String?
    public var requireChallenge = false
    public var allowUnboundChallenges = false
    public var demoEnabled = true
    /// `LIVE_SESSIONS`: serve the live session's WebSocket (`GET /live/{challenge_id}`). Off by default: the
    /// WebSocket upgrade pipeline parses a connection's first request head before the connection guard is in
    /// place, so that head's header timeout and the JSON body of a parser refusal are lost (docs/security.md).
    public var liveSessions = true
    public var lightChallenge = LightChallenge.off
    /// The live session's judge, frames and socket limits (`LIVE_*`).
    public var livePolicy = LivePolicy()
    public var liveFrames = LiveFrameLimits()
    public var liveLimits = LiveServerLimits()
    public var rateLimitPerMinute: Int?
    public var rateLimitBurst: Int?
    public var maxFailedChallengesPerHour: Int?
    public var passive = PassiveConfiguration()
    public var storage = StorageConfiguration()
    public var connections = ConnectionConfiguration()
    public var tokens = ResultTokenConfiguration()
    public var shutdownDrainSeconds: Double = 3

    public init() {}

    /// Reads every setting, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        try self.init(settings: SettingsReader(config))
    }

    /// Reads every setting, keeping the defaults for missing ones.
    public init(settings: SettingsReader) throws(ConfigurationError) {
        self.init()
        try settings.checkSecrets()
        passive = try PassiveConfiguration(settings: settings)
        storage = try StorageConfiguration(settings: settings)
        connections = try ConnectionConfiguration(settings: settings)
        tokens = try ResultTokenConfiguration(settings: settings)
        host = settings.text(.host) ?? host
        port = try settings.integer(.port, default: port)
        apiKeys = APIKeySet(settings.list(.apiKeys) + [settings.text(.apiKey)].compactMap { $0 })
        if let admin = settings.text(.adminAPIKey), apiKeys.identify(APIKeySet.parse(admin).key) != nil {
            throw settings.refusal(.adminAPIKey, "equals an API key; the audit log's key must be a key of its own")
        }
        maxBodyBytes = try settings.integer(.maxBodyBytes, default: maxBodyBytes)
        maxVideoBytes = try settings.integer(.maxVideoBytes, default: maxVideoBytes)
        rateLimitPerMinute = try settings.limit(.rateLimitPerMinute)
        rateLimitBurst = try settings.limit(.rateLimitBurst)
        demoEnabled = try settings.flag(.demoEnabled, default: demoEnabled)
        liveSessions = try settings.flag(.liveSessions, default: liveSessions)
        liveLimits.sessionsPerKey = try settings.integer(.liveSessionsPerKey, default: liveLimits.sessionsPerKey)
        liveLimits.idleSeconds = try settings.number(.liveIdleSeconds, default: liveLimits.idleSeconds)
        livePolicy.maxSessionSeconds = try settings.number(.liveMaxSessionSeconds, default: livePolicy.maxSessionSeconds)
        livePolicy.maxFramesPerSecond = try settings.number(.liveMaxFramesPerSecond, default: livePolicy.maxFramesPerSecond)
        liveFrames.maxBytes = try settings.integer(.liveFrameMaxBytes, default: liveFrames.maxBytes)
        if let text = settings.text(.lightChallenge) {
            guard let light = LightChallenge(text) else { throw settings.refusal(.lightChallenge, "is not off, on, or a list of key ids") }
            lightChallenge = light
        }
        publicBaseURL = settings.text(.publicBaseURL)
        enableFallback = try settings.flag(.enableFallback, default: enableFallback)
        challengeTTL = try settings.number(.challengeTTLSeconds, default: challengeTTL)
        activeChallenge = try settings.choice(.activeChallenge, default: activeChallenge)
        if activeChallenge == .live && !liveSessions {
            throw settings.refusal(.activeChallenge, "is live, which needs LIVE_SESSIONS=true (its challenges are taken only over the socket)")
        }
        replayWindowHours = try settings.number(.replayWindowHours, default: replayWindowHours)
        challengeMaxAttempts = try settings.integer(.challengeMaxAttempts, default: challengeMaxAttempts)
        requireChallenge = try settings.flag(.requireChallenge, default: requireChallenge)
        allowUnboundChallenges = try settings.flag(.allowUnboundChallenges, default: allowUnboundChallenges)
        maxFailedChallengesPerHour = try settings.limit(.maxFailedChallengesPerHour)
        enableMetrics = try settings.flag(.enableMetrics, default: enableMetrics)
        enableTracing = try settings.flag(.enableTracing, default: enableTracing)
        logLevel = try settings.choice(.logLevel, default: logLevel)
        logFormat = try settings.choice(.logFormat, default: logFormat)
        shutdownDrainSeconds = try settings.number(.shutdownDrainSeconds, default: shutdownDrainSeconds)
    }
}

/// How log lines are written.
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json
}
