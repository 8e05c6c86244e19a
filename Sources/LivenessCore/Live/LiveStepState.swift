/// The step being answered in a live session.
struct LiveStepState: Hashable, Sendable {
    var action: FaceAction
    /// When its cue left the server.
    var cueTime: Double
    /// When the first frame of the action arrived (the reaction's end).
    var onset: Double?
    /// The capture times of the current run of frames at the movement's threshold.
    var run: [Double] = []
    /// When the eyes closed, for a blink (capture time).
    var closedSince: Double?
    /// When the action was seen complete (arrival time); the face then returns to neutral.
    var completedAt: Double?

    init(action: FaceAction, cueTime: Double) {
        self.action = action
        self.cueTime = cueTime
    }
}
