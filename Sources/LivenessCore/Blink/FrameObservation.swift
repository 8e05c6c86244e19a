/// What the blink analysis saw in one frame.
public struct FrameObservation: Hashable, Sendable {
    /// Mean eye aspect ratio of both eyes from the iris model, or nil when no face was found.
    public var ear: Double?
    /// Face Mesh points used to measure motion between frames (nose tip, eye corners, mouth corners,
    /// chin), in image pixels; empty without a face.
    public var keyPoints: [Point]
    /// The distance between the outer eye corners, in pixels (the motion unit).
    public var eyeDistance: Double
    /// The five face-alignment points (``FaceAlignment``), in image pixels; empty without a face.
    public var alignment: [Point]

    public init(ear: Double?, keyPoints: [Point] = [], eyeDistance: Double = 0, alignment: [Point] = []) {
        self.ear = ear
        self.keyPoints = keyPoints
        self.eyeDistance = eyeDistance
        self.alignment = alignment
    }

    /// No face in this frame.
    public static let noFace = FrameObservation(ear: nil)
}
