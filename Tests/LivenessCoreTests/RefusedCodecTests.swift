import Foundation
import LivenessCore
import Testing
import TestSupport

/// What phones and recorders make that is refused: the 422 names the codec and what to record instead (an iPhone's
/// default HEVC camera format was answered "the codec 'hvc1' is not accepted", which told nobody what to change).
@Suite("Refused codecs")
struct RefusedCodecTests {
    /// A 1.5 s test pattern encoded with `codec` into `format` (ffmpeg's names).
    static func clip(_ codec: [String], format: String) async throws -> [UInt8] {
        try await onThread {
            try withTemporaryFolder { folder in
                try FFmpeg.run(
                    ["-f", "lavfi", "-i", "testsrc2=size=128x96:rate=10:duration=1.5", "-pix_fmt", "yuv420p"] + codec + [
                        "-f", format, "\(folder)/out",
                    ])
                return try Fixtures.bytes("\(folder)/out")
            }
        }
    }

    static func refusal(_ bytes: [UInt8]) -> LivenessError? {
        do {
            try DecodedClip.checkContainer(bytes, limits: VideoLimits())
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "MP4/MOV tracks of HEVC, ProRes, Motion JPEG and MPEG-4 Part 2 are refused by name, with what to record instead",
        arguments: [
            (["-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hvc1"], "mov", "'hvc1' (HEVC", "Most Compatible"),
            (["-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hev1"], "mp4", "'hev1' (HEVC", "Most Compatible"),
            (["-c:v", "prores_ks", "-pix_fmt", "yuv422p10le"], "mov", "(Apple ProRes", "ProRes turned on"),
            (["-c:v", "mjpeg", "-pix_fmt", "yuvj420p"], "mov", "'jpeg' (Motion JPEG)", "send H.264 in MP4/MOV"),
            (["-c:v", "mpeg4"], "mp4", "'mp4v' (MPEG-4 Part 2)", "send H.264 in MP4/MOV"),
        ])
    func isoBaseMedia(codec: [String], format: String, named: String, advice: String) async throws {
        let error = Self.refusal(try await Self.clip(codec, format: format))
        #expect(error?.code == .unsupportedVideo)
        #expect(error?.message.contains(named) == true, "\(String(describing: error))")
        #expect(error?.message.contains(advice) == true, "\(String(describing: error))")
    }

    @Test("A codec without a known name keeps the plain message")
    func unknownCodec() async throws {
        let error = Self.refusal(try await Self.clip(["-c:v", "ffv1"], format: "mov"))
        #expect(error?.code == .unsupportedVideo)
        #expect(error?.message == "the codec 'FFV1' is not accepted; send H.264 in MP4/MOV or VP8/VP9 in WebM")
    }

    @Test("A WebM of AV1 names AV1 rather than saying it has no video track")
    func av1WebM() async throws {
        let error = Self.refusal(try await Self.clip(["-c:v", "libaom-av1", "-cpu-used", "8"], format: "webm"))
        #expect(error?.code == .unsupportedVideo)
        #expect(error?.message == "the codec 'V_AV1' (AV1) is not accepted; send VP8 or VP9 in WebM")
    }

    /// Chrome's MediaRecorder writes H.264 into WebM when asked for `video/webm;codecs=h264`; ffmpeg will not, so the
    /// test writes Matroska and gives it WebM's DocType.
    @Test("A WebM of H.264 (MediaRecorder's video/webm;codecs=h264) is told to use MP4")
    func h264WebM() async throws {
        let matroska = try await Self.clip(["-c:v", "libx264"], format: "matroska")
        let webm = try #require(Self.withDocType("webm", matroska))
        let error = Self.refusal(webm)
        #expect(error?.code == .unsupportedVideo)
        #expect(error?.message.contains("'V_MPEG4/ISO/AVC' (H.264, accepted in MP4/MOV only") == true, "\(String(describing: error))")
        // The untouched Matroska file is still refused for its DocType, before any codec is read.
        #expect(Self.refusal(matroska)?.message.contains("not general Matroska") == true)
    }

    /// `bytes` with the EBML header rebuilt around DocType `docType`; the Segment after it is unchanged (its offsets
    /// are relative to its own start). Nil when the header is not one this can rebuild.
    static func withDocType(_ docType: String, _ bytes: [UInt8]) -> [UInt8]? {
        func length(_ first: UInt8) -> Int { first == 0 ? 9 : first.leadingZeroBitCount + 1 }
        func size(at offset: Int) -> (value: Int, count: Int) {
            let count = length(bytes[offset])
            var value = Int(bytes[offset]) & (0xFF >> count)
            for index in 1..<count { value = value << 8 | Int(bytes[offset + index]) }
            return (value, count)
        }
        guard bytes.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) else { return nil }
        let header = size(at: 4)
        var offset = 4 + header.count
        let end = offset + header.value
        var children: [UInt8] = []
        while offset < end {
            let idCount = length(bytes[offset])
            let id = Array(bytes[offset..<offset + idCount])
            let child = size(at: offset + idCount)
            let payloadStart = offset + idCount + child.count
            let payload = id == [0x42, 0x82] ? Array(docType.utf8) : Array(bytes[payloadStart..<payloadStart + child.value])
            guard payload.count < 127 else { return nil }
            children += id + [0x80 | UInt8(payload.count)] + payload
            offset = payloadStart + child.value
        }
        guard children.count < 127 else { return nil }
        return [0x1A, 0x45, 0xDF, 0xA3, 0x80 | UInt8(children.count)] + children + Array(bytes[end...])
    }
}
