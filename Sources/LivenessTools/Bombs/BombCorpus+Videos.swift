import Foundation
import LivenessCore

extension BombCorpus {
    /// The video bombs: made by patching `clip` (an H.264 MP4 of a few seconds) or files `ffmpeg` makes.
    public static func videos(clip: [UInt8], ffmpeg: String = "/usr/bin/ffmpeg") throws -> [Bomb] {
        var bombs = [try sampleIndex(clip), try chunkTable(clip)]
        // Name, summary, ffmpeg arguments, suffix, expected code, refused by the container walk.
        let made: [(String, String, [String], String, String, Bool)] = [
            (
                "fps-999", "a 999 fps clip (10 s of it would decode 9990 frames)",
                ["-f", "lavfi", "-i", "color=c=gray:s=64x64:r=999:d=0.5", "-c:v", "libx264", "-f", "mp4"], "mp4", "unsupported_video", false
            ),
            (
                "uhd-300", "300 frames of 4096x2160 (a 150 KB file, 17 s of decoding)",
                ["-f", "lavfi", "-i", "color=c=gray:s=4096x2160:r=30:d=10", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mp4"], "mp4",
                "video_too_long", false
            ),
            (
                "mjpeg-mp4", "Motion JPEG in MP4: another decoder behind FFmpeg",
                ["-f", "lavfi", "-i", "color=c=gray:s=64x64:r=10:d=2", "-c:v", "mjpeg", "-f", "mp4"], "mp4", "unsupported_video", true
            ),
            (
                "ffv1-mkv", "FFV1 in Matroska: another container and decoder",
                ["-f", "lavfi", "-i", "color=c=gray:s=64x64:r=10:d=2", "-c:v", "ffv1", "-f", "matroska"], "mkv", "unsupported_video", true
            ),
            (
                "h264-mkv", "H.264 in Matroska (not WebM)",
                ["-f", "lavfi", "-i", "color=c=gray:s=64x64:r=10:d=2", "-c:v", "libx264", "-f", "matroska"], "mkv", "unsupported_video", true
            ),
        ]
        for (name, summary, arguments, suffix, code, byContainer) in made {
            let bytes = try run(ffmpeg, arguments, suffix: suffix)
            bombs.append(Bomb(name: name, kind: .video, summary: summary, bytes: bytes, expectedCode: code, refusedByContainer: byContainer))
        }
        return bombs + (try containerBombs(clip: clip, ffmpeg: ffmpeg))
    }

    /// The video track's `stsz` declares 50 million samples of one byte: FFmpeg would build the whole index.
    static func sampleIndex(_ clip: [UInt8]) throws -> Bomb {
        var bytes = clip
        guard let stsz = box("stsz", in: clip) else { throw BombError(message: "the clip has no stsz box") }
        write32(1, into: &bytes, at: stsz + 4)
        write32(50_000_000, into: &bytes, at: stsz + 8)
        return Bomb(
            name: "mp4-sample-index", kind: .video, summary: "an stsz declaring 50 million samples (3 GB of index)",
            bytes: bytes, expectedCode: "video_too_long")
    }

    /// The `stco` table declares far more chunk offsets than the box holds.
    static func chunkTable(_ clip: [UInt8]) throws -> Bomb {
        var bytes = clip
        guard let stco = box("stco", in: clip) ?? box("co64", in: clip) else { throw BombError(message: "the clip has no stco box") }
        write32(0x7FFF_FFFF, into: &bytes, at: stco + 4)
        return Bomb(
            name: "mp4-chunk-table", kind: .video, summary: "an stco declaring 2^31 entries in a few bytes",
            bytes: bytes, expectedCode: "invalid_video")
    }

    /// The payload offset of the first box of `type` inside the container boxes.
    static func box(_ type: String, in bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        var offset = start
        while offset + 8 <= end {
            let size = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let name = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard size >= 8, offset + size <= end else { return nil }
            if name == type { return offset + 8 }
            if ["moov", "trak", "mdia", "minf", "stbl"].contains(name), let found = box(type, in: bytes, from: offset + 8, to: offset + size) {
                return found
            }
            offset += size
        }
        return nil
    }

    private static func write32(_ value: Int, into bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(value >> (24 - 8 * index) & 0xFF) }
    }

    /// Runs ffmpeg into a temporary file and returns its bytes; the file is removed.
    static func run(_ ffmpeg: String, _ arguments: [String], suffix: String) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("liveness-bomb-\(UUID().uuidString).\(suffix)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = ["-v", "error", "-y"] + arguments + [path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: path) else {
            throw BombError(message: "ffmpeg failed to make a bomb (\(arguments.joined(separator: " ").prefix(80)))")
        }
        return [UInt8](data)
    }
}
