import Foundation

/// The shared blink test videos, and variants made from them with ffmpeg.
public enum Videos {
    public static func path(_ name: String) -> String { "\(Fixtures.testdata)/video/\(name)" }

    public static let blinkClips = ["blink_real_h264.mp4", "blink_real_orig_rot90.mp4", "blink_real_vp8.webm", "blink_real_vp9.webm"]
    /// A selfie of the man in the blink clips: the frame one second into `blink_real_h264.mp4`, as JPEG.
    public static let selfie: [UInt8] =
        (try? FFmpeg.convert(path("blink_real_h264.mp4"), extension: "jpg", arguments: ["-ss", "1", "-frames:v", "1", "-q:v", "2"])) ?? []

    public static let photoClips = ["noblink_photo_static_h264.mp4", "noblink_photo_moving_h264.mp4", "noblink_photo_moving_vp9.webm"]

    /// `blink_real_h264.mp4` turned so that a container rotation tag of `degrees` makes it upright again:
    /// the frames are re-encoded turned the other way, then the tag is written with a stream copy.
    public static func rotated(_ degrees: Int) throws -> [UInt8] {
        let turn = ["90": "transpose=1", "180": "transpose=1,transpose=1", "270": "transpose=2"][String(degrees)]!
        return try withTemporaryFolder { folder in
            try FFmpeg.run(["-i", path("blink_real_h264.mp4"), "-vf", turn, "-c:v", "libx264", "-crf", "23", "\(folder)/turned.mp4"])
            try FFmpeg.run(["-i", "\(folder)/turned.mp4", "-c", "copy", "-metadata:s:v:0", "rotate=\(degrees)", "\(folder)/tagged.mp4"])
            return try Fixtures.bytes("\(folder)/tagged.mp4")
        }
    }

    /// A noisy `width` x `height` test pattern of 6 frames (H.264), stored twice from one encode: without a rotation
    /// tag, and stream-copied with the tag `degrees`. The tagged copy decodes to the untagged one turned upright.
    public static func taggedPair(width: Int, height: Int, degrees: Int) throws -> (untagged: [UInt8], tagged: [UInt8]) {
        try withTemporaryFolder { folder in
            let source = "testsrc2=size=\(width)x\(height):rate=4:duration=1.5"
            try FFmpeg.run([
                "-f", "lavfi", "-i", source, "-vf", "noise=alls=40:allf=t", "-c:v", "libx264", "-crf", "20", "-pix_fmt", "yuv420p",
                "\(folder)/untagged.mp4",
            ])
            try FFmpeg.run(["-i", "\(folder)/untagged.mp4", "-c", "copy", "-metadata:s:v:0", "rotate=\(degrees)", "\(folder)/tagged.mp4"])
            return (try Fixtures.bytes("\(folder)/untagged.mp4"), try Fixtures.bytes("\(folder)/tagged.mp4"))
        }
    }

    /// `blink_real_h264.mp4` resampled to `fps` frames per second.
    public static func resampled(fps: Int) throws -> [UInt8] {
        try FFmpeg.convert(path("blink_real_h264.mp4"), extension: "mp4", arguments: ["-vf", "fps=\(fps)", "-c:v", "libx264"])
    }

    /// `blink_real_h264.mp4` remuxed by `ffmpeg -f mov` as a QuickTime movie, optionally with an AAC audio track (in
    /// QuickTime's `wave` sample-entry extension). Each track's `minf` carries QuickTime's data handler (`hdlr` of type
    /// `dhlr`) after the media handler; `dataHandler` names its subtype: `url ` as ffmpeg writes it, or `alis` as
    /// Apple's recorders do.
    public static func quickTime(audio: Bool, dataHandler: String = "url ") throws -> [UInt8] {
        let input = ["-i", path("blink_real_h264.mp4")] + (audio ? ["-f", "lavfi", "-i", "sine=d=4"] : [])
        let codecs = audio ? ["-c:v", "copy", "-c:a", "aac", "-shortest"] : ["-c", "copy"]
        let bytes = try withTemporaryFolder { folder in
            try FFmpeg.run(input + codecs + ["-f", "mov", "\(folder)/out.mov"])
            return try Fixtures.bytes("\(folder)/out.mov")
        }
        let written = Array("dhlrurl ".utf8), wanted = Array("dhlr\(dataHandler)".utf8)
        var result = bytes
        var index = 0
        while index + written.count <= result.count {
            if result[index] == written[0] && result[index..<index + written.count].elementsEqual(written) {
                result.replaceSubrange(index..<index + written.count, with: wanted)
            }
            index += 1
        }
        return result
    }

    /// A WebM written to a pipe, like a browser's MediaRecorder: no duration, no cues.
    public static func streamedWebM() throws -> [UInt8] {
        try withTemporaryFolder { folder in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
            process.arguments = ["-hide_banner", "-loglevel", "error", "-i", path("blink_real_vp8.webm"), "-c", "copy", "-f", "webm", "pipe:1"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return [UInt8](data)
        }
    }
}
