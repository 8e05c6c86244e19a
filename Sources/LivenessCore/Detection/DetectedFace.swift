/// The most confident face of an image, and how many faces cleared the threshold.
public struct DetectedFace: Hashable, Sendable {
    /// The box of the most confident detection (the first one on a tie).
    public var box: FaceBox
    /// The detector's confidence for that box, 0...1.
    public var confidence: Float
    /// How many detections have confidence at or above the face threshold.
    public var faceCount: Int
    /// True when only the small-face recovery pass (a larger detector input) found the face.
    public var recovered: Bool

    public init(box: FaceBox, confidence: Float, faceCount: Int, recovered: Bool = false) {
        self.box = box
        self.confidence = confidence
        self.faceCount = faceCount
        self.recovered = recovered
    }
}
