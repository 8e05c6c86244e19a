/// One sample entry of an `stsd` box: its format must be accepted, and the boxes FFmpeg reads after it must
/// set up nothing else.
///
/// FFmpeg reads an entry's trailing boxes from where its own parsing of the entry ends, which depends on the
/// entry's version, bit depth and the file's brands. Rather than guess that offset, every position of the
/// entry is searched for the type of a box FFmpeg acts on: only the kind's own set-up boxes and ``MP4Boxes/benign``
/// ones may appear, and every `esds` must declare AAC.
struct MP4SampleEntry {
    /// What a track of this entry carries.
    enum Kind: Hashable, Sendable {
        case video, audio, data

        /// The set-up boxes this kind may hold.
        var setUp: Set<String> {
            switch self {
            case .video: ["avcC"]
            case .audio: ["esds", "wave", "dOps"]
            case .data: []
            }
        }
    }

    /// MPEG-4 object types of AAC (`ff_mp4_obj_type`): an `esds` naming any other turns the track into that codec.
    static let aacObjectTypes: Set<Int> = [0x40, 0x66, 0x67, 0x68]

    let reader: ByteReader
    let start: Int
    let end: Int
    let kind: Kind

    /// Throws `unsupported_video` for a set-up box of another codec, `invalid_video` for an unreadable `esds`.
    func check() throws(LivenessError) {
        let format = printable(reader.fourCC(at: start + 4) ?? "")
        let bytes = reader.bytes
        var offset = start + 8
        while offset + 4 <= end {
            let code = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
            if MP4Boxes.acting.contains(code), let type = reader.fourCC(at: offset) {
                guard kind.setUp.contains(type) else {
                    throw LivenessError(.unsupportedVideo, "the '\(format)' sample entry holds a '\(printable(type))' box, which is not accepted")
                }
                if type == "esds" { try checkObjectType(at: offset - 4) }
            }
            offset += 1
        }
    }

    /// `ff_mov_read_esds`: version and flags, an ES descriptor (or a bare id), then the decoder configuration
    /// whose first byte is the object type.
    private func checkObjectType(at box: Int) throws(LivenessError) {
        let unreadable = LivenessError(.invalidVideo, "the MP4/MOV audio set-up (esds) is malformed")
        var offset = box + 12
        guard var (tag, _) = descriptor(&offset) else { throw unreadable }
        if tag == 0x03 {
            guard let flags = reader.uint8(at: offset + 2) else { throw unreadable }
            offset += 3
            if flags & 0x80 != 0 { offset += 2 }
            if flags & 0x40 != 0 { offset += 1 + Int(reader.uint8(at: offset) ?? 0) }
            if flags & 0x20 != 0 { offset += 2 }
        } else {
            offset += 2
        }
        guard let next = descriptor(&offset) else { throw unreadable }
        tag = next.tag
        guard tag == 0x04 else { return }
        guard offset < end, let objectType = reader.uint8(at: offset) else { throw unreadable }
        guard Self.aacObjectTypes.contains(Int(objectType)) else {
            throw LivenessError(.unsupportedVideo, "the audio track declares MPEG-4 object type \(objectType); only AAC is accepted in MP4/MOV")
        }
    }

    /// An MPEG-4 descriptor's tag and length (up to four 7-bit groups), moving `offset` past them.
    private func descriptor(_ offset: inout Int) -> (tag: UInt8, length: Int)? {
        guard offset < end, let tag = reader.uint8(at: offset) else { return nil }
        offset += 1
        var length = 0
        for _ in 0..<4 {
            guard offset < end, let byte = reader.uint8(at: offset) else { return nil }
            offset += 1
            length = length << 7 | Int(byte & 0x7F)
            if byte & 0x80 == 0 { break }
        }
        return (tag, length)
    }
}

/// A box type as printable text, for messages.
func printable(_ type: String) -> String { String(type.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }.map(Character.init)) }

extension ByteReader {
    /// Four bytes at `offset` as a type code, each byte one character (Latin-1), or nil past the end.
    func fourCC(at offset: Int) -> String? {
        guard offset >= 0, offset + 4 <= count else { return nil }
        return String(String.UnicodeScalarView(bytes[offset..<offset + 4].map { Unicode.Scalar($0) }))
    }
}
