/// Video codecs that phones, cameras and recorders produce but the service does not accept, named in the
/// `unsupported_video` message together with what to record instead. Nothing here is decoded: FFmpeg is limited
/// to the H.264, VP8 and VP9 decoders (docs/active-check.md), whatever the file declares.
enum RefusedCodec: CaseIterable {
    case hevc, proRes, av1, h264InMatroska, motionJPEG, mpeg4Part2

    /// MP4/MOV sample-entry formats and Matroska CodecIDs of each codec.
    var identifiers: Set<String> {
        switch self {
        case .hevc: ["hvc1", "hev1", "dvh1", "dvhe", "V_MPEGH/ISO/HEVC"]
        case .proRes: ["apch", "apcn", "apcs", "apco", "ap4h", "ap4x", "V_PRORES"]
        case .av1: ["av01", "V_AV1"]
        case .h264InMatroska: ["V_MPEG4/ISO/AVC"]
        case .motionJPEG: ["jpeg", "mjpa", "mjpb", "V_MJPEG"]
        case .mpeg4Part2: ["mp4v", "V_MPEG4/ISO/SP", "V_MPEG4/ISO/ASP", "V_MPEG4/ISO/AP"]
        }
    }

    /// The codec's name and, where a common recorder makes it, how to get an accepted one from that recorder.
    var explanation: String {
        switch self {
        case .hevc: "HEVC, what an iPhone records unless Settings > Camera > Formats is set to Most Compatible"
        case .proRes: "Apple ProRes, what an iPhone records with ProRes turned on in the camera"
        case .av1: "AV1"
        case .h264InMatroska: "H.264, accepted in MP4/MOV only: record MediaRecorder's video/mp4, or VP8/VP9 in WebM"
        case .motionJPEG: "Motion JPEG"
        case .mpeg4Part2: "MPEG-4 Part 2"
        }
    }

    init?(identifier: String) {
        guard let codec = Self.allCases.first(where: { $0.identifiers.contains(identifier) }) else { return nil }
        self = codec
    }

    /// The `unsupported_video` message for a track of `identifier`: the identifier as the file has it (at most 24
    /// printable characters), the codec's explanation when it is a known one, then `accepted`.
    static func message(for identifier: String, accepted: String) -> String {
        let shown = printable(String(identifier.prefix(24)))
        let known = RefusedCodec(identifier: identifier).map { " (\($0.explanation))" } ?? ""
        return "the codec '\(shown)'\(known) is not accepted; \(accepted)"
    }
}
