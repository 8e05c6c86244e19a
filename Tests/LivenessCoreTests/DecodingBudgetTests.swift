import Foundation
import LivenessCore
import Testing
import TestSupport

/// The decoding budget (`VideoLimits.maxDecodedPixels`) against the action challenge's recording: 5-6 s. Its refusal
/// used to say "send 3-5 s at 720p", the blink challenge's length, which is too short for an action challenge.
@Suite("Decoding budget")
struct DecodingBudgetTests {
    /// A `seconds` long, 30 fps, noisy test pattern of `width` x `height` in H.264.
    static func clip(width: Int, height: Int, seconds: Double) async throws -> [UInt8] {
        try await onThread {
            try withTemporaryFolder { folder in
                try FFmpeg.run([
                    "-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=30:duration=\(seconds)", "-vf", "noise=alls=20:allf=t",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "\(folder)/clip.mp4",
                ])
                return try Fixtures.bytes("\(folder)/clip.mp4")
            }
        }
    }

    @Test("An action challenge's 5.4 s recording decodes whole at 720p")
    func actionRecordingAt720p() async throws {
        let bytes = try await Self.clip(width: 1280, height: 720, seconds: 5.4)
        let clip = try DecodedClip.decode(bytes, limits: VideoLimits())
        #expect(clip.frames.count == 162)
    }

    @Test("At 1080p the refusal says how long a clip may be at 1080p and at 720p, and to record at 720p")
    func actionRecordingAt1080p() async throws {
        let bytes = try await Self.clip(width: 1920, height: 1080, seconds: 5.4)
        let error = #expect(throws: LivenessError.self) { try DecodedClip.decode(bytes, limits: VideoLimits()) }
        #expect(error?.code == .videoTooLong)
        #expect(
            error?.message
                == "the video needs more than 207 megapixels of decoding, which is 3.3 s of 1080p or 7.5 s of 720p at 30 fps: record at 720p")
    }
}
