/// Whether the face in a blink video is the face of the selfie that opened the challenge.
public struct FaceMatch: Hashable, Sendable {
    /// The video's face is the selfie's: `distance` is at most the threshold.
    public var matched: Bool
    /// The distance between the selfie's descriptor and the median descriptor of the sampled video
    /// frames; nil when there was nothing to compare (no descriptor from the selfie, or too few frames).
    public var distance: Double?
    /// Open-eye video frames whose descriptors were compared.
    public var framesCompared: Int
    /// The largest distance of a sampled frame from the video's median descriptor.
    public var largestFrameDistance: Double?
    /// Every sampled frame is within the consistency bound of the video's median, and every counted blink is the
    /// selfie's face, the same through the blink (no face swapped or spliced inside the clip).
    public var consistent: Bool
    /// Frames around the counted blinks (open before, closed, open after) whose descriptors were compared.
    public var blinkFramesCompared: Int
    /// The largest distance of a blink's frame from the selfie.
    public var largestBlinkDistance: Double?
    /// The largest distance of a closed-eye frame from the open frame before or after its blink.
    public var largestBlinkJump: Double?
    /// An action clip's movement peaks (the most turned, tilted or open frame of each) compared with the selfie,
    /// and the largest distance among them.
    public var actionFramesCompared = 0
    public var largestActionDistance: Double?

    public init(
        matched: Bool, distance: Double?, framesCompared: Int, largestFrameDistance: Double?, consistent: Bool,
        blinkFramesCompared: Int = 0, largestBlinkDistance: Double? = nil, largestBlinkJump: Double? = nil
    ) {
        self.matched = matched
        self.distance = distance
        self.framesCompared = framesCompared
        self.largestFrameDistance = largestFrameDistance
        self.consistent = consistent
        self.blinkFramesCompared = blinkFramesCompared
        self.largestBlinkDistance = largestBlinkDistance
        self.largestBlinkJump = largestBlinkJump
    }
}
