/// What the action analysis measured in one frame: the debugging trace of `liveness actions --verbose`.
public struct ActionSignal: Hashable, Sendable {
    /// Seconds from the start of the clip.
    public var time: Double
    /// Head pose relative to the neutral start (nil without a face or a pose fit).
    public var pose: HeadPose?
    /// Inner-lip opening over mouth width, minus the neutral start's (nil without a face).
    public var mouth: Double?
    /// Eye aspect ratio (nil without a face).
    public var ear: Double?

    public init(time: Double, pose: HeadPose?, mouth: Double?, ear: Double?) {
        self.time = time
        self.pose = pose
        self.mouth = mouth
        self.ear = ear
    }

    /// The action's measure in its requested direction (degrees, or opening), nil for a blink or without data.
    public func measure(_ action: FaceAction) -> Double? {
        switch action {
        case .turnLeft: pose?.yaw
        case .turnRight: pose.map { -$0.yaw }
        case .lookUp: pose?.pitch
        case .lookDown: pose.map { -$0.pitch }
        case .openMouth: mouth
        case .blink: nil
        }
    }

    /// The measure across a movement's axis, which must stay small while it is held (nil when none applies).
    func crossAxis(_ action: FaceAction) -> Double? {
        switch action {
        case .turnLeft, .turnRight: pose.map { abs($0.pitch) }
        case .lookUp, .lookDown: pose.map { abs($0.yaw) }
        case .openMouth, .blink: nil
        }
    }
}
