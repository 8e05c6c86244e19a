/// Limits on uploaded blink videos: on the container before FFmpeg opens it, and on the decoding itself.
///
/// Configuration key: `MAX_VIDEO_BYTES` (read by the HTTP layer).
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
    /// The highest frame rate accepted (phones record 24–60). Default 60.
    public var maxFPS: Double
    /// The most source pixels decoded over a clip: every decoded frame counts, kept or not. Default 100 frames
    /// of 1920×1080 (3.3 s of 1080p or 7.5 s of 720p at 30 fps): at most about 1.5 s of decoding on one core
    /// here, whatever the frame size (4096×2160 costs the most per pixel).
    public var maxDecodedPixels: Int

    public init(
        minSeconds: Double = 1, maxSeconds: Double = 10, maxFrames: Int = 300, maxAnalysisFPS: Double = 30, maxSide: Int = 640,
        maxFPS: Double = 60, maxDecodedPixels: Int = 100 * 1920 * 1080
    ) {
        self.minSeconds = minSeconds
        self.maxSeconds = maxSeconds
        self.maxFrames = maxFrames
        self.maxAnalysisFPS = maxAnalysisFPS
        self.maxSide = maxSide
        self.maxFPS = maxFPS
        self.maxDecodedPixels = maxDecodedPixels
    }

    /// The most frames decoded: the highest rate for the longest clip.
    public var maxDecodedFrames: Int { Int((maxFPS * maxSeconds).rounded(.up)) }

    /// What a clip past `maxDecodedPixels` is told: how long a 30 fps clip of 1080p and of 720p may be (the action
    /// challenge asks for 5-6 s, which fits at 720p with the default budget: 7.5 s, and not at 1080p: 3.3 s).
    var decodingBudgetAdvice: String {
        func seconds(_ width: Int, _ height: Int) -> String {
            let tenths = Int((Double(maxDecodedPixels) / Double(width * height * 30) * 10).rounded(.down))
            return "\(tenths / 10).\(tenths % 10) s"
        }
        return "the video needs more than \(maxDecodedPixels / 1_000_000) megapixels of decoding, which is \(seconds(1920, 1080)) "
            + "of 1080p or \(seconds(1280, 720)) of 720p at 30 fps: record at 720p"
    }
}
