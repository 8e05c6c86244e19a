/// How a challenge's active check was taken, as the `mode` claim of a challenge answer's `result_token` says.
public enum ChallengeMode: String, Hashable, Sendable {
    /// A recorded video uploaded to `POST /active/blink`.
    case upload
    /// A live session over the WebSocket (`GET /live/{challenge_id}`).
    case live
    /// A live session whose face also reflected its light code (`LIGHT_CHALLENGE`).
    case liveLight = "live_light"
}
