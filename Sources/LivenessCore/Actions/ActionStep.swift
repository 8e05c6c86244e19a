/// One requested action and its slot: shown to the person at `cue` seconds after recording starts, to be
/// done before `end` (the next action's cue, or the end of the last slot).
public struct ActionStep: Hashable, Sendable, Codable {
    public var action: FaceAction
    /// Seconds from the start of the recording at which the client shows the cue.
    public var cue: Double
    /// Seconds from the start at which the slot ends.
    public var end: Double

    public init(action: FaceAction, cue: Double, end: Double) {
        self.action = action
        self.cue = cue
        self.end = end
    }
}
