/// A live session's verdict: passed, or the reasons it failed, with each completed step.
public struct LiveOutcome: Hashable, Sendable {
    /// Why the session failed; empty when it passed.
    public var reasons: [Reason]
    /// The steps completed, in order.
    public var steps: [LiveStepResult]
    /// The frames judged.
    public var frames: Int
    /// Whether the face reflected the session's light code (false: no code was shown, or it was too bright).
    public var lightChecked = false

    public init(reasons: [Reason], steps: [LiveStepResult], frames: Int) {
        self.reasons = reasons
        self.steps = steps
        self.frames = frames
    }

    public var passed: Bool { reasons.isEmpty }
}
