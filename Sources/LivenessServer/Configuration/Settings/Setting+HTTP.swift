import Logging

extension Setting {
    private static let server = ServerConfiguration()

    public static let host = Setting(
        "host", .text, default: server.host, group: .http, "address to bind (containers: `0.0.0.0`)")
    public static let port = Setting("port", .integer(0...65535), default: server.port, group: .http, "TCP port")
    public static let apiKey = Setting("api.key", .text, secret: true, group: .http, "one accepted API key")
    public static let apiKeys = Setting("api.keys", .list, secret: true, group: .http, "accepted API keys")
    public static let maxBodyBytes = Setting(
        "max.body.bytes", .integer(1024...1_073_741_824), default: server.maxBodyBytes, group: .http,
        "largest request body, enforced while it streams in")
    public static let maxVideoBytes = Setting(
        "max.video.bytes", .integer(1024...1_073_741_824), default: server.maxVideoBytes, group: .http,
        "largest blink upload, enforced while it streams in")
    public static let rateLimitPerMinute = Setting(
        "rate.limit.per.minute", .limit(1...1_000_000), group: .http,
        "requests per API key (per address without keys) per minute on the operations whose `x-policy` says `rate_limited` (`/liveness`, `/active/blink`)"
    )
    public static let rateLimitBurst = Setting(
        "rate.limit.burst", .limit(1...1_000_000), default: "the per-minute rate", group: .http,
        "requests a key may make at once (token bucket size)")
    public static let demoEnabled = Setting(
        "demo.enabled", .flag, default: server.demoEnabled, group: .http, "serve the browser demo at `/demo`")
    public static let liveSessions = Setting(
        "live.sessions", .flag, default: server.liveSessions, group: .http,
        "serve the live session's WebSocket at `/live/{challenge_id}` (docs/active-check.md, \"The live session\")"
    )
    public static let lightChallenge = Setting(
        "light.challenge", .text, default: server.lightChallenge, group: .http,
        "show a light code in live sessions (the face must reflect the server's colours): `off`, `on`, or the ids of the API keys whose sessions show it; not yet calibrated on real users"
    )
    public static let publicBaseURL = Setting(
        "public.base.url", .text, group: .http, "makes `fallback.upload_url` absolute, e.g. `https://liveness.example.com`")

    public static let enableFallback = Setting(
        "enable.fallback", .flag, default: server.enableFallback, group: .challenges,
        "add the `fallback` (a challenge) to inconclusive results")
    public static let activeChallenge = Setting(
        "active.challenge", .choice(ChallengeType.allCases.map(\.rawValue)), default: server.activeChallenge.rawValue,
        group: .challenges,
        "the challenge `POST /liveness` issues: `actions` (3 random actions in order, each at its cue time), `blink` (one blink, for clients that show one instruction), or `live` (a live session over the WebSocket at `fallback.live_url`, each action revealed when the last is done; needs `LIVE_SESSIONS`)"
    )
    public static let replayWindowHours = Setting(
        "replay.window.hours", .number(0...720), default: server.replayWindowHours, group: .challenges,
        "how long an action clip's fingerprint is kept (per API key) to refuse it as `replayed_video` for another challenge; 0 keeps none"
    )
    public static let challengeTTLSeconds = Setting(
        "challenge.ttl.seconds", .number(1...86_400), default: server.challengeTTL, group: .challenges,
        "how long a challenge stays valid")
    public static let challengeMaxAttempts = Setting(
        "challenge.max.attempts", .integer(1...100), default: server.challengeMaxAttempts, group: .challenges,
        "failed videos a challenge allows")
    public static let requireChallenge = Setting(
        "require.challenge", .flag, default: server.requireChallenge, group: .challenges,
        "refuse `/active/blink` uploads without a `challenge_id`")
    public static let allowUnboundChallenges = Setting(
        "allow.unbound.challenges", .flag, default: server.allowUnboundChallenges, group: .challenges,
        "without the face-recognition model, issue challenges not bound to the selfie's face (their status and tokens say `face_bound: false`) instead of staying not ready"
    )
    public static let maxFailedChallengesPerHour = Setting(
        "max.failed.challenges.per.hour", .limit(1...1_000_000), group: .challenges,
        "failed blink attempts per key (or address) per hour before 429")

    public static let enableMetrics = Setting(
        "enable.metrics", .flag, default: server.enableMetrics, group: .operations, "serve `/metrics`")
    public static let enableTracing = Setting(
        "enable.tracing", .flag, default: server.enableTracing, group: .operations,
        "a span per request (swift-distributed-tracing; exported over OTLP when built with the `OTLPTracing` trait)")
    public static let logLevel = Setting(
        "log.level", .choice(Logger.Level.allCases.map(\.rawValue)),
        default: server.logLevel.rawValue, group: .operations, "the lowest level logged")
    public static let logFormat = Setting(
        "log.format", .choice(LogFormat.allCases.map(\.rawValue)), default: server.logFormat.rawValue, group: .operations,
        "log lines as text or JSON")
    public static let shutdownDrainSeconds = Setting(
        "shutdown.drain.seconds", .number(0...300), default: server.shutdownDrainSeconds, group: .operations,
        "after SIGTERM, serve on with `/health/ready` at 503 for this long")

    /// What ``ServerConfiguration`` reads itself.
}
