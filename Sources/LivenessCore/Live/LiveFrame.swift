/// One frame of a live session as the session judges it: what the worker saw in it, and when.
public struct LiveFrame: Hashable, Sendable {
    /// The worker's observation of the frame (``FrameObservation/noFace`` without a face).
    public var observation: FrameObservation
    /// The frame's size in pixels.
    public var width: Int
    public var height: Int
    /// The client's capture timestamp, in seconds on the client's own clock (any origin).
    public var captureTime: Double
    /// When the frame arrived, in seconds on the server's monotonic clock.
    public var arrivalTime: Double
    /// The face's descriptor, when it was asked for and the face could be aligned (the same-face check).
    public var embedding: FaceEmbedding?
    /// The face's and the background's colour, when asked for (the light check).
    public var colour: LiveColour?

    public init(observation: FrameObservation, width: Int, height: Int, captureTime: Double, arrivalTime: Double) {
        self.observation = observation
        self.width = width
        self.height = height
        self.captureTime = captureTime
        self.arrivalTime = arrivalTime
    }
}
