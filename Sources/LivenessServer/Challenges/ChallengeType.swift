/// What a challenge asks for: an ordered list of actions with cue times, or one blink.
///
/// Read from `ACTIVE_CHALLENGE` (``ServerConfiguration/activeChallenge``): the type `POST /liveness` issues.
public enum ChallengeType: String, CaseIterable, Hashable, Sendable {
    case actions
    case blink
}
