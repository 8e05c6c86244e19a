import CLivenessCV

/// The frames of a video, decoded, upright and scaled down, with the rate they represent.
///
/// Frames are immutable after decoding and each is used by one job at a time, which is what
/// makes handing them between worker threads safe.
public final class DecodedClip: @unchecked Sendable {
    /// The kept frames, in order.
    public let frames: [DecodedImage]
    /// Frames per second of `frames` (after any subsampling).
    public let fps: Double
    /// Frames decoded from the file, before subsampling.
    public let decodedFrames: Int
    /// The container's rotation tag, in degrees.
    public let rotation: Int
    /// Each kept frame's presentation time in seconds from the first kept frame: the clip's own timestamps
    /// (phones and browsers record at a variable rate), or index / `fps` when the stream's are missing or
    /// do not increase.
    public let times: [Double]
    /// Whether the stream's timestamps were usable, and whether their steps vary (a variable frame rate).
    public let hasTimestamps: Bool
    public let variableRate: Bool

    init(frames: [DecodedImage], fps: Double, decodedFrames: Int, rotation: Int, timestamps: [Double] = []) {
        let repaired = timestamps.count == frames.count ? Self.repaired(timestamps) : nil
        if let repaired, let first = repaired.first {
            times = repaired.map { ($0 - first) / 1000 }
        } else {
            times = frames.indices.map { Double($0) / max(fps, 1e-9) }
        }
        hasTimestamps = repaired != nil
        let steps = zip(times, times.dropFirst()).map { $1 - $0 }
        // A step more than 25 % (and 2 ms) off the median: the rate varies.
        let median = steps.upperMedian ?? 0
        variableRate = hasTimestamps && steps.contains { abs($0 - median) > max(0.002, 0.25 * median) }
        self.frames = frames
        self.fps = fps
        self.decodedFrames = decodedFrames
        self.rotation = rotation
    }

    /// The clip's length in seconds.
    public var seconds: Double { fps > 0 ? Double(frames.count) / fps : 0 }

    /// Presentation times (ms) as OpenCV 4.6 reports them, repaired: it gives the first frame 0 and frames
    /// flushed from the decoder at the end 0 again. The first is put one step before the second; a time that does
    /// not increase is put one median step after the previous, at most max(2, 10 %) of them. Nil when the times
    /// are unusable (too few, not finite, or more to repair).
    public static func repaired(_ raw: [Double]) -> [Double]? {
        guard raw.count >= 3, raw.allSatisfy(\.isFinite) else { return nil }
        var times = raw
        if times[0] <= 0 || times[0] >= times[1] { times[0] = times[1] - (times[2] - times[1]) }
        guard let step = zip(times, times.dropFirst()).map({ $1 - $0 }).filter({ $0 > 0 }).upperMedian else { return nil }
        var fixed = 0
        for index in 1..<times.count where times[index] <= times[index - 1] {
            times[index] = times[index - 1] + step
            fixed += 1
        }
        return fixed <= max(2, times.count / 10) ? times : nil
    }

    /// The container guard, before any decoding: an MP4/MOV or WebM whose structure is sound and within
    /// `limits` (``MP4Structure``, ``MatroskaStructure``).
    ///
    /// - Throws: `invalid_request` (empty), `invalid_video`, `video_too_long`, `unsupported_video`.
    public static func checkContainer(_ bytes: [UInt8], limits: VideoLimits) throws(LivenessError) {
        guard !bytes.isEmpty else { throw .invalidRequest("the video is empty") }
        switch VideoContainer.sniff(bytes) {
        case .isoBaseMedia:
            var structure = MP4Structure(bytes, limits: limits)
            try structure.check()
        case .matroska:
            var structure = MatroskaStructure(bytes)
            try structure.check()
        case nil:
            throw LivenessError(.invalidVideo, "the data is not an MP4, MOV or WebM video")
        }
    }

    /// Decodes every frame (the header's frame count is not trusted), rotates it by the container's
    /// tag, and enforces `limits`.
    ///
    /// - Throws: ``LivenessError`` `invalid_video` for undecodable or corrupt files, `video_too_long`
    ///   past `maxSeconds`.
    public static func decode(_ bytes: [UInt8], limits: VideoLimits) throws(LivenessError) -> DecodedClip {
        try checkContainer(bytes, limits: limits)
        var handle: OpaquePointer?
        do {
            try BridgeError.check { error in
                bytes.withUnsafeBufferPointer { lcv_video_open($0.baseAddress, $0.count, Int32(limits.maxSide), &handle, error) }
            }
        } catch {
            throw LivenessError(.invalidVideo, "the video could not be opened: \(error.message)")
        }
        guard let handle else { throw LivenessError(.invalidVideo, "the video could not be opened") }
        defer { lcv_video_free(handle) }
        let sourceFPS = lcv_video_fps(handle)
        guard sourceFPS > 0 else { throw LivenessError(.invalidVideo, "the video has no frame rate") }
        guard sourceFPS <= limits.maxFPS + 0.5 else {
            throw LivenessError(.unsupportedVideo, "the video has \(Int(sourceFPS.rounded())) frames per second; the limit is \(Int(limits.maxFPS))")
        }
        let stride = max(1, Int((sourceFPS / limits.maxAnalysisFPS).rounded(.up)))
        let maxDecoded = Int((limits.maxSeconds * sourceFPS).rounded(.up)) + 1
        var frames: [DecodedImage] = []
        var timestamps: [Double] = []
        var decoded = 0
        var decodedPixels = 0
        // Every decoded frame costs the decoder its full size, kept or not: stop as soon as a bound is hit.
        while true {
            var frame: OpaquePointer?
            do {
                try BridgeError.check { lcv_video_next(handle, &frame, $0) }
            } catch {
                throw LivenessError(.invalidVideo, "a frame could not be decoded: \(error.message)")
            }
            guard let frame else { break }
            let image = DecodedImage(adopting: frame)
            if decoded % stride == 0 {
                frames.append(image)
                timestamps.append(lcv_video_last_frame_ms(handle))
            }
            decoded += 1
            decodedPixels += Int(lcv_video_last_frame_pixels(handle))
            if decoded > maxDecoded || frames.count > limits.maxFrames {
                throw LivenessError(.videoTooLong, "the video is longer than \(Int(limits.maxSeconds)) s")
            }
            if decodedPixels > limits.maxDecodedPixels {
                throw LivenessError(.videoTooLong, limits.decodingBudgetAdvice)
            }
        }
        guard decoded > 0 else { throw LivenessError(.invalidVideo, "the video has no decodable frame") }
        // MP4/MOV headers give the exact frame count, WebM an estimate from the duration, MediaRecorder
        // files none at all; far fewer decoded frames than declared means the file was cut short.
        let declared = lcv_video_declared_frames(handle)
        if declared > 0 && Double(decoded) < 0.9 * declared - 1 {
            throw LivenessError(.invalidVideo, "the video is truncated: \(decoded) of \(Int(declared)) frames decode")
        }
        return DecodedClip(
            frames: frames, fps: sourceFPS / Double(stride), decodedFrames: decoded, rotation: Int(lcv_video_rotation(handle)),
            timestamps: timestamps)
    }
}
