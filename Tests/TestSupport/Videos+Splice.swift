import Foundation
import LivenessCore

extension Videos {
    /// The victim of the splice: `noblink_photo_moving_h264.mp4` (a held print of `image_T1.jpg`, 100 frames at 25 fps).
    public static let spliceVictim = "noblink_photo_moving_h264.mp4"
    /// The donor's closed-eye frames in `blink_real_h264.mp4` (testdata/video/README.md: closed 8–9, 29–33, 57–60).
    static let donorClosedFrames = [8, 9, 30, 31, 32, 57, 58, 59, 60]
    /// Where they go in the victim's clip: three blinks of 2, 3 and 4 frames.
    static let victimBlinkFrames = [20, 21, 45, 46, 47, 70, 71, 72, 73]

    /// The aligned splice of the third hostile-input probe: the victim's clip with 9 closed-eye frames of another
    /// person (the man of `blink_real_h264.mp4`) laid over the victim's face box, each donor face crop scaled to
    /// the victim's box in that frame, then re-encoded at 25 fps. The victim's own frames never blink; the donor's
    /// do. `faceBox` finds the face in an encoded frame (the service's detector).
    public static func alignedSplice(faceBox: @escaping @Sendable ([UInt8]) async throws -> FaceBox) async throws -> [UInt8] {
        try await withTemporaryFolder { folder in
            try await onThread {
                try FFmpeg.run(["-i", path(spliceVictim), "-start_number", "0", "\(folder)/v%03d.png"])
                try FFmpeg.run(["-i", path("blink_real_h264.mp4"), "-start_number", "0", "\(folder)/d%03d.png"])
            }
            for (victim, donor) in zip(victimBlinkFrames, donorClosedFrames) {
                let target = String(format: "\(folder)/v%03d.png", victim)
                let source = String(format: "\(folder)/d%03d.png", donor)
                let to = try await faceBox(try Fixtures.bytes(target))
                let from = try await faceBox(try Fixtures.bytes(source))
                let (x, y) = (max(0, from.x), max(0, from.y))
                let filter =
                    "[1:v]crop=\(from.width - (x - from.x)):\(from.height - (y - from.y)):\(x):\(y),scale=\(to.width):\(to.height)[face];"
                    + "[0:v][face]overlay=\(to.x):\(to.y)"
                try await onThread {
                    try FFmpeg.run(["-i", target, "-i", source, "-filter_complex", filter, "\(folder)/spliced.png"])
                    try FileManager.default.removeItem(atPath: target)
                    try FileManager.default.moveItem(atPath: "\(folder)/spliced.png", toPath: target)
                }
            }
            return try await onThread {
                try FFmpeg.run([
                    "-framerate", "25", "-i", "\(folder)/v%03d.png", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "20", "\(folder)/splice.mp4",
                ])
                return try Fixtures.bytes("\(folder)/splice.mp4")
            }
        }
    }
}
