/// How a live session runs and is judged: the neutral start, the reaction window, the real-time tolerances and
/// the framing guide. The movement thresholds, the hold and the splice guard are the action challenge's
/// (``ActionPolicy``), the blink thresholds the blink rule's (``BlinkRule``), so that a live session and an
/// uploaded clip judge a movement alike.
public struct LivePolicy: Hashable, Sendable {
    /// Movements asked for (none twice in a row); one blink is asked for as well, at a random place.
    public var movements = 3
    /// The neutral start: at least this many well-framed, still face frames over at least ``neutralSeconds``
    /// before the first cue; the head pose and the mouth are measured against them.
    public var neutralFrames = 6
    public var neutralSeconds = 0.8
    /// The reaction window: an action starts (its measure passes half its threshold, or the eyes close) no
    /// sooner than ``reactionMin`` and no later than ``reactionMax`` seconds after its cue was sent. Sooner means
    /// the client knew the cue before it was sent (`reaction_too_fast`); later leaves time to render an answer
    /// (`reaction_too_slow`). Times are the server's: when the cue left and when the frame arrived.
    public var reactionMin = 0.3
    public var reactionMax = 1.5
    /// The pause between the neutral start, or the face's return to neutral, and the next cue: one of these,
    /// drawn each time (seconds). A movement at its threshold during the pause fails (`reaction_too_fast`).
    public var cuePauses: [Double] = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2]
    /// An action is complete (held at its threshold, or the eyes open again) within this many seconds of its
    /// cue, and the face is back to neutral within ``releaseWithin`` seconds of completing it.
    public var completeWithin = 3.0
    public var releaseWithin = 3.0
    /// Frames arrive at most this fast (frames per second, averaged over any two seconds, with four frames to
    /// spare), and their capture timestamps are at least half a frame interval apart…
    public var maxFramesPerSecond = 20.0
    /// …and the client's capture clock and the server's arrival clock advance alike: the time elapsed since
    /// the first frame by one differs from the other's by at most this many seconds (`not_real_time`). Room for
    /// a network's or a busy server's stall; it buys an attacker no time to render, since the reaction window
    /// bounds when an action must start and end by the server's clock.
    public var clockTolerance = 2.0
    /// A session ends, failed, after this many seconds.
    public var maxSessionSeconds = 40.0
    /// The framing guide: the face's size (its Face Mesh box's diagonal) is at least this fraction of the
    /// frame's diagonal, and its centre at most ``maxCentreOffset`` of the diagonal from the frame's centre.
    public var minFaceFraction = 0.15
    public var maxCentreOffset = 0.25
    /// While the neutral start is collected, the face moves at most this many face sizes per frame.
    public var stillness = 0.06
    /// The movement thresholds, hold, splice guard and pose fit.
    public var actions = ActionPolicy()
    /// The eye-closure thresholds of a blink.
    public var blink = BlinkRule()
    /// The light code, when the session shows one.
    public var light = LightPolicy()

    public init() {}

    /// The number of steps: the movements and the blink.
    public var steps: Int { movements + 1 }
}
