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

    init(frames: [DecodedImage], fps: Double, decodedFrames: Int, rotation: Int) {
        self.frames = frames
        self.fps = fps
        self.decodedFrames = decodedFrames
        self.rotation = rotation
    }

    /// The clip's length in seconds.
    public var seconds: Double { fps > 0 ? Double(frames.count) / fps : 0 }

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
            if decoded % stride == 0 { frames.append(image) }
            decoded += 1
            decodedPixels += Int(lcv_video_last_frame_pixels(handle))
            if decoded > maxDecoded || frames.count > limits.maxFrames {
                throw LivenessError(.videoTooLong, "the video is longer than \(Int(limits.maxSeconds)) s")
            }
            if decodedPixels > limits.maxDecodedPixels {
                throw LivenessError(
                    .videoTooLong,
                    "the video needs more than \(limits.maxDecodedPixels / 1_000_000) megapixels of decoding: send 3-5 s at 720p")
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
            frames: frames, fps: sourceFPS / Double(stride), decodedFrames: decoded, rotation: Int(lcv_video_rotation(handle)))
    }
}
