/// A movement found in a clip: the frames over which its measure stayed above the release level after
/// reaching its threshold.
public struct ActionEvent: Hashable, Sendable {
    public var action: FaceAction
    /// Seconds: the first and last frame of the event, and its peak.
    public var start: Double
    public var end: Double
    public var peakTime: Double
    /// The peak measure (degrees, or opening; for a blink, the lowest eye aspect ratio).
    public var peak: Double
    public var frames: Int

    public init(action: FaceAction, start: Double, end: Double, peakTime: Double, peak: Double, frames: Int) {
        self.action = action
        self.start = start
        self.end = end
        self.peakTime = peakTime
        self.peak = peak
        self.frames = frames
    }
}
