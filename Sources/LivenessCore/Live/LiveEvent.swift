/// What a live session tells its client after a frame or a tick: each is one small message.
public enum LiveEvent: Hashable, Sendable {
    /// The face's framing changed (the guide's cue: no face, too small, off centre, ok).
    case framing(LiveFraming)
    /// The face moved while the neutral start was collected; it starts again.
    case holdStill
    /// The next action, revealed only now: step `step` (from 0) of `of`.
    case cue(step: Int, of: Int, action: FaceAction)
    /// Step `step`'s action was seen, `reaction` seconds after its cue.
    case stepDone(step: Int, action: FaceAction, reaction: Double)
    /// Show colour `index` (from 0) of `of` of the light code full-screen now, for about `milliseconds`.
    case flash(index: Int, of: Int, colour: LightColour, milliseconds: Int)
    /// Take the light code's last colour off the screen.
    case flashEnd
    /// The light check passed, or cannot be made (the session goes on with actions only).
    case light(LightStatus)
    /// The session's verdict; nothing follows it.
    case finished(LiveOutcome)
}
