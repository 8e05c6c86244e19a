/// One completed step of a live session: the action and how long after its cue it began.
public struct LiveStepResult: Hashable, Sendable, Codable {
    public var action: FaceAction
    /// Seconds from the cue leaving the server to the first frame of the action arriving.
    public var reaction: Double

    public init(action: FaceAction, reaction: Double) {
        self.action = action
        self.reaction = reaction
    }
}
