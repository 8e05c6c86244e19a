/// Limits on uploaded blink videos.
///
/// Configuration key: `MAX_VIDEO_BYTES` (read by the HTTP layer; default 20 MB).
public struct VideoLimits: Hashable, Sendable {
    /// The shortest clip analysed, in seconds. Default 1.
    public var minSeconds: Double
    /// The longest clip accepted, in seconds. Default 10.
    public var maxSeconds: Double
    /// The most frames kept; faster clips are subsampled to at most `maxAnalysisFPS`. Default 300.
    public var maxFrames: Int
    /// Frames above this rate are skipped evenly. Default 30.
    public var maxAnalysisFPS: Double
    /// Frames are scaled down so that their longer side is at most this. Default 640.
    public var maxSide: Int

    public init(minSeconds: Double = 1, maxSeconds: Double = 10, maxFrames: Int = 300, maxAnalysisFPS: Double = 30, maxSide: Int = 640) {
        self.minSeconds = minSeconds
        self.maxSeconds = maxSeconds
        self.maxFrames = maxFrames
        self.maxAnalysisFPS = maxAnalysisFPS
        self.maxSide = maxSide
    }
}
