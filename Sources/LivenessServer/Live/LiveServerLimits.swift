/// The live socket's limits besides the session judge's (``LivePolicy``) and the frames' (``LiveFrameLimits``):
/// sessions open at once per API key, and how long the socket may stay silent (`LIVE_SESSIONS_PER_KEY`,
/// `LIVE_IDLE_SECONDS`).
public struct LiveServerLimits: Hashable, Sendable {
    /// Sessions one API key (or, without keys, the whole service) may hold open at once.
    public var sessionsPerKey = 4
    /// A session with no frame for this many seconds ends (`session_idle`).
    public var idleSeconds = 5.0
    /// How often the session's clock is checked without a frame (a cue or a light code's colour due, a deadline
    /// passed), in seconds: a colour goes out at most this late.
    public var tickSeconds = 0.05

    public init() {}
}
