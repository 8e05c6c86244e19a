/// What a challenge asks for: an ordered list of actions with cue times, or one blink (both by upload), or a
/// live session whose actions are revealed one at a time over its WebSocket.
///
/// Read from `ACTIVE_CHALLENGE` (``ServerConfiguration/activeChallenge``): the type `POST /liveness` issues.
public enum ChallengeType: String, CaseIterable, Hashable, Sendable {
    case actions
    case blink
    /// Taken only in a live session (`GET /live/{challenge_id}`, `LIVE_SESSIONS`); an upload is refused.
    case live
}
