import LivenessCore

extension Setting {
    private static let server = ServerConfiguration()

    public static let liveSessionsPerKey = Setting(
        "live.sessions.per.key", .integer(1...10_000), default: server.liveLimits.sessionsPerKey, group: .challenges,
        "live sessions one API key may hold open at once (without keys: the whole service)")
    public static let liveIdleSeconds = Setting(
        "live.idle.seconds", .number(1...60), default: server.liveLimits.idleSeconds, group: .challenges,
        "a live session with no frame for this long ends (`session_idle`)")
    public static let liveMaxSessionSeconds = Setting(
        "live.max.session.seconds", .number(10...300), default: server.livePolicy.maxSessionSeconds, group: .challenges,
        "a live session ends, failed, after this long")
    public static let liveMaxFramesPerSecond = Setting(
        "live.max.frames.per.second", .number(5...60), default: server.livePolicy.maxFramesPerSecond, group: .challenges,
        "live frames a second a session may send (more: `not_real_time`)")
    public static let liveFrameMaxBytes = Setting(
        "live.frame.max.bytes", .integer(10_000...4_000_000), default: server.liveFrames.maxBytes, group: .challenges,
        "the largest live frame (a JPEG); a larger one closes the socket")
}
