import Foundation
import LivenessCore

extension BombCorpus {
    /// The container bombs of the third hostile-input probe and of the audit of FFmpeg's mov demuxer that
    /// followed it: each hides from a check that does not read what FFmpeg reads.
    static func containerBombs(clip: [UInt8], ffmpeg: String) throws -> [Bomb] {
        let pcm = try run(ffmpeg, tone + ["-c:v", "libx264", "-c:a", "pcm_s16le", "-f", "mov"], suffix: "mov")
        let aac = try run(ffmpeg, tone + ["-c:v", "libx264", "-c:a", "aac", "-f", "mov"], suffix: "mov")
        return [
            try chunkIndex(pcm, name: "mov-pcm-chunk-index", code: "unsupported_video"),
            try chunkIndex(aac, name: "mov-aac-chunk-index", code: "video_too_long"),
            try compressedMovie(clip), try hiddenMovie(clip), try codecSwitch(clip), try metadataKeys(clip), try sampleGroups(clip),
            try editList(clip), try hiddenAttachment(ffmpeg: ffmpeg),
        ]
    }

    /// Two seconds of grey video with a tone.
    private static let tone = [
        "-f", "lavfi", "-i", "color=c=gray:s=64x64:r=10:d=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-shortest",
    ]

    /// The audio track's `stsc` declares 2³¹−1 samples per chunk: FFmpeg sizes the audio index from it (+2.1 GiB).
    static func chunkIndex(_ movie: [UInt8], name: String, code: String) throws -> Bomb {
        var boxes = try MP4Box.parse(movie[...])
        let moov = try index(of: "moov", in: boxes)
        guard let audio = boxes[moov].children.firstIndex(where: { $0.path(to: "smhd") != nil }),
            let stsc = boxes[moov].children[audio].path(to: "stsc")
        else { throw BombError(message: "the movie has no audio track") }
        boxes[moov].children[audio].edit(stsc) { box in box.payload.replaceSubrange(12..<16, with: MP4Box.be32(0x7FFF_FFFF)) }
        return Bomb(
            name: name, kind: .video, summary: "an audio stsc declaring 2^31-1 samples per chunk (gigabytes of index)",
            bytes: try boxes.file(original: movie), expectedCode: code)
    }

    /// A zlib-compressed movie box (`cmov`) holding the 50-million-sample index bomb, before a plain decoy
    /// movie box: FFmpeg reads the compressed one.
    static func compressedMovie(_ clip: [UInt8]) throws -> Bomb {
        var boxes = try MP4Box.parse(clip[...])
        let moov = try index(of: "moov", in: boxes)
        let hidden = try sampleIndexMovie(boxes[moov]).bytes
        let cmov = MP4Box(
            "cmov",
            children: [
                MP4Box("dcom", payload: Array("zlib".utf8)),
                MP4Box("cmvd", payload: MP4Box.be32(UInt32(hidden.count)) + zlibStored(hidden)),
            ])
        boxes.insert(MP4Box("moov", children: [cmov]), at: moov)
        return Bomb(
            name: "mp4-compressed-movie", kind: .video, summary: "a cmov hiding a 50-million-sample index before a decoy moov",
            bytes: try boxes.file(original: clip), expectedCode: "unsupported_video")
    }

    /// A `hoov` box, which FFmpeg reads as a movie box when its first child is `mvhd`, before the decoy.
    static func hiddenMovie(_ clip: [UInt8]) throws -> Bomb {
        var boxes = try MP4Box.parse(clip[...])
        let moov = try index(of: "moov", in: boxes)
        var hoov = try sampleIndexMovie(boxes[moov])
        hoov.type = "hoov"
        boxes.insert(hoov, at: moov)
        return Bomb(
            name: "mp4-hoov", kind: .video, summary: "a hoov box (read as moov) hiding a 50-million-sample index",
            bytes: try boxes.file(original: clip), expectedCode: "unsupported_video")
    }

    /// An `esds` inside the H.264 sample entry declaring MPEG-4 object type 0x6C: FFmpeg turns the track into
    /// Motion JPEG, past the codec allowlist.
    static func codecSwitch(_ clip: [UInt8]) throws -> Bomb {
        let esds: [UInt8] =
            [0, 0, 0, 0, 0x03, 0x15, 0x00, 0x01, 0x00, 0x04, 0x0D, 0x6C, 0x11] + [UInt8](repeating: 0, count: 11) + [0x06, 0x01, 0x02]
        let entry = MP4Box("esds", payload: esds).bytes
        return try editMovie(clip, name: "mp4-esds-codec-switch", summary: "an esds in the avc1 entry naming Motion JPEG", code: "unsupported_video")
        { moov in
            guard let stsd = moov.path(to: "stsd") else { throw BombError(message: "the clip has no stsd") }
            moov.edit(stsd) { box in
                // The first entry's size, then the new box at its end (the clip has one entry).
                let size = Int(MP4Box.read32(box.payload[...], 8))
                box.payload.insert(contentsOf: entry, at: 8 + size)
                box.payload.replaceSubrange(8..<12, with: MP4Box.be32(UInt32(size + entry.count)))
            }
        }
    }

    /// A QuickTime metadata `keys` box declaring 268 million keys: FFmpeg allocates and zeroes 2 GiB for them.
    static func metadataKeys(_ clip: [UInt8]) throws -> Bomb {
        let hdlr = MP4Box("hdlr", payload: [0, 0, 0, 0, 0, 0, 0, 0] + Array("mdta".utf8) + [UInt8](repeating: 0, count: 13))
        let keys = MP4Box("keys", payload: [0, 0, 0, 0] + MP4Box.be32(0x0FFF_FFFF) + MP4Box.be32(8) + Array("mdtaname".utf8))
        return try editMovie(clip, name: "mov-metadata-keys", summary: "a keys box declaring 268 million keys (2 GiB zeroed)", code: "invalid_video")
        { moov in
            moov.children.append(MP4Box("meta", payload: hdlr.bytes + keys.bytes))
        }
    }

    /// A `sgpd` sync-sample group declaring 2³¹ entries: FFmpeg allocates and zeroes one byte each.
    static func sampleGroups(_ clip: [UInt8]) throws -> Bomb {
        let sgpd = MP4Box("sgpd", payload: [1, 0, 0, 0] + Array("sync".utf8) + MP4Box.be32(1) + MP4Box.be32(0x8000_0000) + [0x05])
        return try editMovie(clip, name: "mp4-sample-groups", summary: "an sgpd declaring 2^31 sync groups (2 GiB zeroed)", code: "invalid_video") {
            moov in
            guard let stbl = moov.path(to: "stbl") else { throw BombError(message: "the clip has no stbl") }
            moov.edit(stbl) { $0.children.append(sgpd) }
        }
    }

    /// An edit list of 50,000 real entries: FFmpeg walks the whole index once per edit.
    static func editList(_ clip: [UInt8]) throws -> Bomb {
        let edits = 50_000
        var payload = [0, 0, 0, 0] + MP4Box.be32(UInt32(edits))
        for _ in 0..<edits { payload += MP4Box.be32(1) + MP4Box.be32(0) + [0, 1, 0, 0] }
        return try editMovie(clip, name: "mp4-edit-list", summary: "an edit list of 50,000 entries (quadratic index fix-up)", code: "invalid_video") {
            moov in
            guard let trak = moov.children.firstIndex(where: { $0.type == "trak" }) else { throw BombError(message: "the clip has no trak") }
            moov.children[trak].children.removeAll { $0.type == "edts" }
            moov.children[trak].children.insert(MP4Box("edts", children: [MP4Box("elst", payload: payload)]), at: 1)
        }
    }

    /// The clip with its movie box changed by `change`.
    private static func editMovie(_ clip: [UInt8], name: String, summary: String, code: String, _ change: (inout MP4Box) throws -> Void) throws
        -> Bomb
    {
        var boxes = try MP4Box.parse(clip[...])
        try change(&boxes[try index(of: "moov", in: boxes)])
        return Bomb(name: name, kind: .video, summary: summary, bytes: try boxes.file(original: clip), expectedCode: code)
    }

    /// The clip's movie box with its video `stsz` declaring 50 million one-byte samples.
    private static func sampleIndexMovie(_ moov: MP4Box) throws -> MP4Box {
        var movie = moov
        guard let stsz = movie.path(to: "stsz") else { throw BombError(message: "the clip has no stsz") }
        movie.edit(stsz) { box in
            box.payload = [0, 0, 0, 0] + MP4Box.be32(1) + MP4Box.be32(50_000_000)
        }
        return movie
    }

    private static func index(of type: String, in boxes: [MP4Box]) throws -> Int {
        guard let index = boxes.firstIndex(where: { $0.type == type }) else { throw BombError(message: "the clip has no \(type)") }
        return index
    }

    /// `data` as a zlib stream of stored (uncompressed) deflate blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = Swift.min(65_535, data.count - offset)
            let last: UInt8 = offset + length == data.count ? 1 : 0
            out += [last, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<offset + length]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + MP4Box.be32(b << 16 | a)
    }
}
