/// The EBML tree of a WebM file, checked before FFmpeg sees it.
///
/// Only WebM is accepted (EBML `DocType` `webm`, not general Matroska), with VP8 or VP9 video and Opus or
/// Vorbis audio, and no attachments. Element sizes must fit their parent (live recordings may leave the
/// Segment and Cluster sizes unknown). The walk reads the header and the Segment's children up to the first
/// Cluster, where the metadata ends.
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
        static let attachments = 0x1941_A469
    }

    let reader: ByteReader
    private(set) var codecs: [String] = []

    init(_ bytes: [UInt8]) { self.reader = ByteReader(bytes) }

    /// Throws `unsupported_video` for other doc types, codecs or attachments, `invalid_video` for a malformed tree.
    mutating func check() throws(LivenessError) {
        guard let header = element(at: 0), header.id == ID.ebml, let headerEnd = header.end else { throw malformed() }
        let docType = try children(from: header.data, to: headerEnd).first { $0.id == ID.docType }
        guard let docType, let end = docType.end, reader.matchesAny(at: docType.data, length: end - docType.data) == "webm" else {
            throw LivenessError(.unsupportedVideo, "only WebM (EBML DocType webm) and MP4/MOV are accepted, not general Matroska")
        }
        guard let segment = element(at: headerEnd), segment.id == ID.segment else { throw malformed() }
        var offset = segment.data
        let segmentEnd = segment.end ?? reader.count
        var seen = 0
        while offset < segmentEnd, let child = element(at: offset) {
            seen += 1
            guard seen <= 1_000 else { throw malformed() }
            if child.id == ID.cluster { break }
            if child.id == ID.attachments { throw LivenessError(.unsupportedVideo, "WebM files with attachments are not accepted") }
            guard let end = child.end, end <= segmentEnd else { throw overrun() }
            if child.id == ID.tracks { try readTracks(from: child.data, to: end) }
            offset = end
        }
        guard codecs.contains(where: Self.videoCodecs.contains) else {
            throw LivenessError(.unsupportedVideo, "the WebM file has no VP8 or VP9 video track")
        }
        if let other = codecs.first(where: { !Self.videoCodecs.contains($0) && !Self.audioCodecs.contains($0) }) {
            throw LivenessError(.unsupportedVideo, "the codec '\(other.prefix(24))' is not accepted; send VP8 or VP9 in WebM")
        }
    }

    private mutating func readTracks(from start: Int, to end: Int) throws(LivenessError) {
        let entries = try children(from: start, to: end).filter { $0.id == ID.trackEntry }
        guard entries.count <= 16 else { throw LivenessError(.unsupportedVideo, "the WebM file has more than 16 tracks") }
        for entry in entries {
            guard let entryEnd = entry.end else { throw malformed() }
            guard let codec = try children(from: entry.data, to: entryEnd).first(where: { $0.id == ID.codecID }),
                let codecEnd = codec.end, let name = reader.matchesAny(at: codec.data, length: codecEnd - codec.data)
            else { throw malformed() }
            codecs.append(name)
        }
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
