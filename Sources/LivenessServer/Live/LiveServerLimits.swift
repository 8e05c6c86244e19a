/// The live socket's limits besides the session judge's (``LivePolicy``) and the frames' (``LiveFrameLimits``):
/// sessions open at once per API key, and how long the socket may stay silent.
struct LiveServerLimits: Sendable {
    /// Sessions one API key (or, without keys, the whole service) may hold open at once.
    var sessionsPerKey = 2
    /// A session with no frame for this many seconds ends (`session_idle`).
    var idleSeconds = 5.0
    /// How often the session's clock is checked without a frame (a cue due, a deadline passed), in seconds.
    var tickSeconds = 0.1
}
