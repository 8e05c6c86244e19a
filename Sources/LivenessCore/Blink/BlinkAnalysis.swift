/// The outcome of the active blink check on one video.
public struct BlinkAnalysis: Hashable, Sendable {
    /// True when a blink was seen, the passive model does not call the frames fake, and the face moves.
    public var activePassed: Bool
    public var blinkCount: Int
    /// Frames analysed (after subsampling clips above 30 fps).
    public var framesAnalyzed: Int
    /// Frames in which a face was found.
    public var faceFrames: Int
    /// Why the check failed: `no_blink`, `face_not_found`, `video_too_short`, `passive_fake`, `static_video`,
    /// `face_mismatch`, `face_changed`.
    public var reasons: [Reason]
    /// The passive result over frames spread across the clip, if any had a face.
    public var passive: PassiveSummary?
    /// Frames per second analysed.
    public var fps: Double
    /// The median frame-to-frame movement of the face, in eye distances.
    public var motion: Double
    /// The clip's median eye aspect ratio, and its minimum.
    public var earBaseline: Double
    public var earMinimum: Double
    /// The per-frame eye aspect ratios (nil without a face).
    public var ears: [Double?]
    /// The same-face check against the challenge's selfie (nil for a challenge that is not bound).
    public var faceMatch: FaceMatch?
    /// What the container says about the clip's origin (informative).
    public var signals: VideoSignals?
    /// The action challenge's verdict (nil for a blink challenge).
    public var actions: ActionOutcome?
    /// Seconds spent decoding, and analysing frames (wall time over all workers).
    public var decodeSeconds: Double = 0
    public var analysisSeconds: Double = 0

    public init(
        activePassed: Bool, blinkCount: Int, framesAnalyzed: Int, faceFrames: Int, reasons: [Reason], passive: PassiveSummary?,
        fps: Double, motion: Double, earBaseline: Double, earMinimum: Double, ears: [Double?], faceMatch: FaceMatch?
    ) {
        self.activePassed = activePassed
        self.blinkCount = blinkCount
        self.framesAnalyzed = framesAnalyzed
        self.faceFrames = faceFrames
        self.reasons = reasons
        self.passive = passive
        self.fps = fps
        self.motion = motion
        self.earBaseline = earBaseline
        self.earMinimum = earMinimum
        self.ears = ears
        self.faceMatch = faceMatch
    }

    /// The passive anti-spoof verdict over several frames of a clip.
    public struct PassiveSummary: Hashable, Sendable {
        public var label: LivenessLabel
        public var confidenceScore: Double
        public var realProbability: Double
        public var framesChecked: Int

        public init(label: LivenessLabel, confidenceScore: Double, realProbability: Double, framesChecked: Int) {
            self.label = label
            self.confidenceScore = confidenceScore
            self.realProbability = realProbability
            self.framesChecked = framesChecked
        }
    }
}
