import LivenessCore

/// What a rendered clip shows: the actions, the clip's length and rate, and the seed of its noise and shake.
public struct RenderScript: Hashable, Sendable {
    public var actions: [RenderedAction]
    public var seconds: Double
    public var fps: Int
    /// Seeds the per-frame sensor noise and the head's sway: the same script renders the same bytes.
    public var seed: UInt64
    /// Sensor noise (grey levels) and sway (pixels per frame at most).
    public var noise = 2.0
    public var sway = 0.8

    public init(actions: [RenderedAction], seconds: Double = 5, fps: Int = 15, seed: UInt64 = 1) {
        self.actions = actions
        self.seconds = seconds
        self.fps = fps
        self.seed = seed
    }

    /// The turn and nod angles rendered by default. Face Mesh reads a warped still at a smaller angle than
    /// its truth (it regresses towards frontal), so renders turn well past the thresholds.
    public static let turnDegrees = 38.0
    public static let nodDegrees = 30.0
    public static let mouthOpening = 0.5
    /// Seconds between a cue and the start of the movement: a person's reaction.
    public static let reaction = 0.3

    /// The default amount of `action`.
    public static func amount(_ action: FaceAction) -> Double {
        switch action {
        case .turnLeft, .turnRight: turnDegrees
        case .lookUp, .lookDown: nodDegrees
        case .openMouth: mouthOpening
        case .blink: 1
        }
    }

    /// A responsive person's answer to `challenge`: each action a reaction time after its cue, the clip ending
    /// half a second after the last slot.
    public init(answering challenge: ActionChallenge, fps: Int = 15, seed: UInt64 = 1) {
        self.init(
            actions: challenge.steps.map { RenderedAction(action: $0.action, start: $0.cue + Self.reaction, amount: Self.amount($0.action)) },
            seconds: challenge.duration + 0.5, fps: fps, seed: seed)
    }
}
