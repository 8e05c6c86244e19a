import Foundation
import LivenessCore

extension BombCorpus {
    /// A WebM whose SeekHead sends FFmpeg to an Attachments element hidden inside a Void element at the end of the
    /// segment: FFmpeg turns the attached JPEG into a Motion JPEG stream, which a check that refuses attachments only
    /// where it walks never sees.
    static func hiddenAttachment(ffmpeg: String) throws -> Bomb {
        var bytes = try run(
            ffmpeg, ["-f", "lavfi", "-i", "color=c=gray:s=64x64:r=10:d=2", "-c:v", "libvpx", "-b:v", "100k", "-f", "webm"], suffix: "webm")
        guard let header = EBML.element(bytes, at: 0), let segment = EBML.element(bytes, at: header.end),
            segment.id == 0x1853_8067, segment.end == bytes.count
        else { throw BombError(message: "the WebM has no sized segment spanning the file") }
        // Attachments { AttachedFile { FileName, FileMimeType image/jpeg, FileData, FileUID } }: FFmpeg makes a Motion JPEG stream of it.
        let fields: [[UInt8]] = [
            EBML.encode(0x466E, Array("cover.jpg".utf8)), EBML.encode(0x4660, Array("image/jpeg".utf8)),
            EBML.encode(0x465C, [0xFF, 0xD8, 0xFF, 0xD9]), EBML.encode(0x46AE, [9]),
        ]
        let file = EBML.encode(0x61A7, fields.flatMap { $0 })
        let padded = [0, 0] + EBML.encode(0x1941_A469, file)
        let void = EBML.encode(0xEC, padded)
        let hiddenPosition = bytes.count + void.count - padded.count + 2 - segment.dataStart
        // The Seek entry for the Cues now names Attachments at the hidden position (same widths, so nothing moves).
        guard let seekHead = EBML.children(bytes, from: segment.dataStart, to: segment.end).first(where: { $0.id == 0x114D_9B74 }),
            let seek = EBML.children(bytes, from: seekHead.dataStart, to: seekHead.end).first(where: { seek in
                EBML.children(bytes, from: seek.dataStart, to: seek.end).contains {
                    $0.id == 0x53AB && Array(bytes[$0.dataStart..<$0.end]) == [0x1C, 0x53, 0xBB, 0x6B]
                }
            })
        else { throw BombError(message: "the WebM's SeekHead has no Cues entry") }
        for field in EBML.children(bytes, from: seek.dataStart, to: seek.end) {
            if field.id == 0x53AB { bytes.replaceSubrange(field.dataStart..<field.end, with: [0x19, 0x41, 0xA4, 0x69]) }
            if field.id == 0x53AC {
                let width = field.end - field.dataStart
                guard hiddenPosition < 1 << (8 * width) else { throw BombError(message: "the SeekPosition is too narrow") }
                let position: [UInt8] = (0..<width).map { (index: Int) -> UInt8 in UInt8((hiddenPosition >> (8 * (width - 1 - index))) & 0xFF) }
                bytes.replaceSubrange(field.dataStart..<field.end, with: position)
            }
        }
        bytes += void
        let sizeWidth = segment.dataStart - segment.sizeStart
        let size = segment.end - segment.dataStart + void.count
        bytes.replaceSubrange(segment.sizeStart..<segment.dataStart, with: EBML.size(size, width: sizeWidth))
        return Bomb(
            name: "webm-seek-hidden-attachment", kind: .video, summary: "a SeekHead entry pointing FFmpeg at an attachment hidden in a Void",
            bytes: bytes, expectedCode: "invalid_video")
    }
}
