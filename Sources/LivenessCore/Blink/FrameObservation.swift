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

    /// The head-pose points (``PoseEstimator/rigidPoints``) with their depth; empty without a face.
    public var rigid: [Point3]
    /// The inner-lip distance over the inner mouth width, or nil without a face.
    public var mouth: Double?
    /// The centre of the Face Mesh points' bounding box, and its diagonal (pixels): the splice guard's track.
    public var faceCentre: Point
    public var faceSize: Double

    public init(
        ear: Double?, keyPoints: [Point] = [], eyeDistance: Double = 0, alignment: [Point] = [], rigid: [Point3] = [],
        mouth: Double? = nil, faceCentre: Point = Point(x: 0, y: 0), faceSize: Double = 0
    ) {
        self.ear = ear
        self.keyPoints = keyPoints
        self.eyeDistance = eyeDistance
        self.alignment = alignment
        self.rigid = rigid
        self.mouth = mouth
        self.faceCentre = faceCentre
        self.faceSize = faceSize
    }

    /// No face in this frame.
    public static let noFace = FrameObservation(ear: nil)
}
