/// How an action challenge's clip is judged: the thresholds of each action, the timing tolerance and the
/// splice guard.
///
/// Reads `ACTION_TURN_DEGREES` (``turnDegrees``), `ACTION_NOD_DEGREES` (``nodDegrees``),
/// `ACTION_MOUTH_OPENING` (``mouthOpening``), `ACTION_HOLD_MS` (``holdSeconds``) and
/// `ACTION_TIME_TOLERANCE_SECONDS` (``timeTolerance``) through ``PassiveConfiguration``.
public struct ActionPolicy: Hashable, Sendable {
    /// A turn: |Δyaw| at least this, in degrees, in the requested direction.
    public var turnDegrees = 15.0
    /// Looking up or down: |Δpitch| at least this, in degrees.
    public var nodDegrees = 10.0
    /// Opening the mouth: the inner-lip opening (over the mouth's width) at least this above the neutral start's.
    public var mouthOpening = 0.2
    /// An event ends when its measure falls below this fraction of its threshold (hysteresis): the head
    /// returns towards neutral between actions.
    public var releaseFraction = 0.5
    /// An action is held for at least this many frames and ``holdSeconds``.
    public var holdFrames = 3
    public var holdSeconds = 0.12
    /// While a head turns, |Δpitch| stays below this (and |Δyaw| while it nods), in degrees.
    public var crossAxisDegrees = 12.0
    /// An action's peak may fall this many seconds before its cue or after its slot's end.
    public var timeTolerance = 0.7
    /// An action may begin at most this many seconds before its cue (the clip's time base against the cue timer;
    /// a person reacts 0.3 s or more after a cue). Without it, slots of 1.2–1.6 s and the tolerance let an answer
    /// shifted by a slot pass: a turn done in the slot before its cue, a blink in the slot after its own (found by
    /// the browser test on the challenge blink, turn_right, blink answered turn_right, blink, blink).
    public var earlyTolerance = 0.35
    /// The splice guard: the face's centre moves at most this many face sizes (Face Mesh bounding-box diagonals)
    /// per second, and its size changes by at most ``maxSizeChange`` (the logarithm of the ratio) per second, plus
    /// ``continuityNoise``, between any two frames up to ``continuityWindow`` seconds apart. Measured on renders:
    /// a 38° turn moves the centre about 0.6 sizes per second and the size 0.3 per second; a cut to a copy zoomed
    /// 1.33× changes the size by 0.33 within 0.2 s.
    public var maxJump = 1.5
    public var maxSizeChange = 1.0
    public var continuityNoise = 0.03
    public var continuityWindow = 0.4
    /// The head-pose fit.
    public var pose = PoseEstimator()

    public init() {}

    /// The threshold an action's measure must reach (degrees, or opening for the mouth; nil for a blink).
    public func threshold(_ action: FaceAction) -> Double? {
        switch action {
        case .turnLeft, .turnRight: turnDegrees
        case .lookUp, .lookDown: nodDegrees
        case .openMouth: mouthOpening
        case .blink: nil
        }
    }

    /// Up to `count` frames spread over the clip whose head is near neutral (yaw and pitch within half their
    /// thresholds, the mouth within half its opening) with open eyes: where an action clip's face is compared
    /// with the selfie's, at its start, middle and end. Turned faces are not: a 20° turn moves dlib's
    /// descriptor by up to 0.37 on renders, past the consistency bound.
    public func neutralFrames(_ signals: [ActionSignal], count: Int) -> [Int] {
        let calm = signals.indices.filter { index in
            let signal = signals[index]
            guard let pose = signal.pose, let mouth = signal.mouth, signal.ear != nil else { return false }
            return abs(pose.yaw) < turnDegrees * releaseFraction && abs(pose.pitch) < nodDegrees * releaseFraction
                && mouth < mouthOpening * releaseFraction
        }
        let ears = calm.compactMap { signals[$0].ear }.sorted()
        guard count > 0, !ears.isEmpty else { return [] }
        let open = calm.filter { (signals[$0].ear ?? 0) >= ears[ears.count / 4] }
        guard open.count > count else { return open }
        return (0..<count).map { open[Int((Double($0) + 0.5) * Double(open.count) / Double(count))] }
    }
}
