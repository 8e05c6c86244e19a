/// The EBML tree of a WebM file, checked before FFmpeg sees it.
///
/// Only WebM is accepted (EBML `DocType` `webm`, not general Matroska), with VP8 or VP9 video and Opus or
/// Vorbis audio. The walk covers the whole Segment, clusters included (live recordings may leave the Segment
/// and Cluster sizes unknown; an unknown-size Cluster ends at the next top-level element), because FFmpeg's
/// demuxer (`matroskadec.c`) follows SeekHead entries anywhere in it: every SeekHead entry must point at a
/// top-level element the walk saw, with the id it claims. Refused: attachments, content encodings
/// (compressed or encrypted frames), and more than one Tracks element.
struct MatroskaStructure {
    static let videoCodecs: Set<String> = ["V_VP8", "V_VP9"]
    static let audioCodecs: Set<String> = ["A_OPUS", "A_VORBIS"]

    private enum ID {
        static let ebml = 0x1A45_DFA3
        static let docType = 0x4282
        static let segment = 0x1853_8067
        static let cluster = 0x1F43_B675
        static let tracks = 0x1654_AE6B
        static let trackEntry = 0xAE
        static let codecID = 0x86
        static let contentEncodings = 0x6D80
        static let attachments = 0x1941_A469
        static let seekHead = 0x114D_9B74
        static let seek = 0x4DBB
        static let seekID = 0x53AB
        static let seekPosition = 0x53AC
        /// The top-level elements FFmpeg's resync looks for (Info, Tracks, Cues, Tags, SeekHead, Attachments,
        /// Cluster, Chapters).
        static let topLevel: Set<Int> = [0x1549_A966, tracks, 0x1C53_BB6B, 0x1254_C367, seekHead, attachments, cluster, 0x1043_A770]
    }

    let reader: ByteReader
    private(set) var codecs: [String] = []
    private var elements = 0

    init(_ bytes: [UInt8]) { self.reader = ByteReader(bytes) }

    /// Throws `unsupported_video` for other doc types, codecs, attachments or encodings, `invalid_video` for a
    /// malformed tree or a SeekHead entry that points anywhere else than a top-level element.
    mutating func check() throws(LivenessError) {
        guard let header = element(at: 0), header.id == ID.ebml, let headerEnd = header.end else { throw malformed() }
        let docType = try children(from: header.data, to: headerEnd).first { $0.id == ID.docType }
        guard let docType, let end = docType.end, reader.matchesAny(at: docType.data, length: end - docType.data) == "webm" else {
            throw LivenessError(.unsupportedVideo, "only WebM (EBML DocType webm) and MP4/MOV are accepted, not general Matroska")
        }
        guard let segment = element(at: headerEnd), segment.id == ID.segment else { throw malformed() }
        let segmentEnd = segment.end ?? reader.count
        var topLevel: [Int: Int] = [:]
        var seeks: [(id: Int, position: Int)] = []
        var tracks = 0
        var offset = segment.data
        while offset < segmentEnd {
            guard let child = element(at: offset) else { throw overrun() }
            try count()
            topLevel[offset] = child.id
            let childEnd: Int
            if let end = child.end {
                guard end <= segmentEnd else { throw overrun() }
                childEnd = end
            } else {
                guard child.id == ID.cluster else { throw malformed() }
                childEnd = try unknownSizeCluster(from: child.data, to: segmentEnd)
            }
            switch child.id {
            case ID.attachments:
                throw LivenessError(.unsupportedVideo, "WebM files with attachments are not accepted")
            case ID.tracks:
                tracks += 1
                guard tracks == 1 else { throw LivenessError(.unsupportedVideo, "the WebM file has more than one Tracks element") }
                try readTracks(from: child.data, to: childEnd)
            case ID.seekHead:
                seeks += try readSeekHead(from: child.data, to: childEnd)
            default:
                break
            }
            offset = childEnd
        }
        for seek in seeks {
            let target = segment.data + seek.position
            // FFmpeg cannot read past the end of the file; anything else must be what the walk saw.
            guard target >= reader.count || topLevel[target] == seek.id else {
                throw LivenessError(.invalidVideo, "a WebM SeekHead entry points at something other than the element it names")
            }
        }
        // A refused codec is named before a missing video track: a WebM of AV1 or H.264 alone says which codec it has.
        if let other = codecs.first(where: { !Self.videoCodecs.contains($0) && !Self.audioCodecs.contains($0) }) {
            throw LivenessError(.unsupportedVideo, RefusedCodec.message(for: other, accepted: "send VP8 or VP9 in WebM"))
        }
        guard codecs.contains(where: Self.videoCodecs.contains) else {
            throw LivenessError(.unsupportedVideo, "the WebM file has no VP8 or VP9 video track")
        }
    }

    /// An unknown-size Cluster ends where a top-level element starts (as FFmpeg reads it); its own children
    /// (timecode, blocks) must have known sizes.
    private mutating func unknownSizeCluster(from start: Int, to end: Int) throws(LivenessError) -> Int {
        var offset = start
        while offset < end {
            guard let child = element(at: offset) else { throw overrun() }
            if ID.topLevel.contains(child.id) { return offset }
            guard let childEnd = child.end, childEnd <= end else { throw overrun() }
            try count()
            offset = childEnd
        }
        return end
    }

    private mutating func readTracks(from start: Int, to end: Int) throws(LivenessError) {
        let entries = try children(from: start, to: end).filter { $0.id == ID.trackEntry }
        guard entries.count <= 16 else { throw LivenessError(.unsupportedVideo, "the WebM file has more than 16 tracks") }
        for entry in entries {
            guard let entryEnd = entry.end else { throw malformed() }
            let fields = try children(from: entry.data, to: entryEnd)
            if fields.contains(where: { $0.id == ID.contentEncodings }) {
                throw LivenessError(.unsupportedVideo, "WebM tracks with content encodings (compressed or encrypted frames) are not accepted")
            }
            guard let codec = fields.first(where: { $0.id == ID.codecID }),
                let codecEnd = codec.end, let name = reader.matchesAny(at: codec.data, length: codecEnd - codec.data)
            else { throw malformed() }
            codecs.append(name)
        }
    }

    /// The SeekHead's entries: the id each names (its bytes, as the element id) and its position in the Segment.
    private func readSeekHead(from start: Int, to end: Int) throws(LivenessError) -> [(id: Int, position: Int)] {
        var seeks: [(id: Int, position: Int)] = []
        for seek in try children(from: start, to: end) where seek.id == ID.seek {
            guard let seekEnd = seek.end else { throw malformed() }
            let fields = try children(from: seek.data, to: seekEnd)
            guard let id = fields.first(where: { $0.id == ID.seekID }), let position = fields.first(where: { $0.id == ID.seekPosition }),
                let idValue = unsigned(id), let positionValue = unsigned(position)
            else { throw malformed() }
            seeks.append((idValue, positionValue))
        }
        return seeks
    }

    /// An element's data as a big-endian unsigned integer of at most 8 bytes.
    private func unsigned(_ element: Element) -> Int? {
        guard let end = element.end, end - element.data <= 8 else { return nil }
        var value = 0
        for index in element.data..<end { value = value << 8 | Int(reader.bytes[index]) }
        return value < 0 ? nil : value
    }

    private mutating func count() throws(LivenessError) {
        elements += 1
        guard elements <= 100_000 else { throw LivenessError(.invalidVideo, "the WebM file has too many elements") }
    }

    /// An element: its id, where its data starts, and where it ends (nil for an unknown size).
    private struct Element {
        let id: Int
        let data: Int
        let end: Int?
    }

    private func children(from start: Int, to end: Int) throws(LivenessError) -> [Element] {
        var result: [Element] = []
        var offset = start
        while offset < end {
            guard let child = element(at: offset), let childEnd = child.end, childEnd <= end else { throw overrun() }
            result.append(child)
            guard result.count <= 1_000 else { throw malformed() }
            offset = childEnd
        }
        return result
    }

    private func element(at offset: Int) -> Element? {
        guard let (id, idLength) = variableInteger(at: offset, keepMarker: true), idLength <= 4,
            let (size, sizeLength) = variableInteger(at: offset + idLength, keepMarker: false)
        else { return nil }
        let data = offset + idLength + sizeLength
        let unknown = size == (1 << (7 * sizeLength)) - 1
        if unknown { return Element(id: id, data: data, end: nil) }
        guard size <= reader.count - data else { return nil }
        return Element(id: id, data: data, end: data + size)
    }

    /// EBML's variable-length integer: the leading zero bits of the first byte give the length (1–8).
    private func variableInteger(at offset: Int, keepMarker: Bool) -> (Int, Int)? {
        guard let first = reader.uint8(at: offset), first != 0 else { return nil }
        let length = first.leadingZeroBitCount + 1
        guard length <= 8, offset + length <= reader.count else { return nil }
        var value = keepMarker ? Int(first) : Int(first & (0xFF >> length))
        for index in 1..<length { value = value << 8 | Int(reader.bytes[offset + index]) }
        return (value, length)
    }

    private func malformed() -> LivenessError { LivenessError(.invalidVideo, "the WebM structure is malformed") }
    private func overrun() -> LivenessError { LivenessError(.invalidVideo, "a WebM element overruns its container") }
}
