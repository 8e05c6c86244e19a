/// The box tree of an MP4/MOV file, checked before FFmpeg sees it.
///
/// FFmpeg's demuxer builds each track's whole sample index while it opens the file: a table that declares tens
/// of millions of samples costs gigabytes before any limit of the service applies. The walk mirrors what FFmpeg
/// reads (``MP4Boxes``): it descends where FFmpeg descends, refuses what FFmpeg would read unseen (a compressed
/// or second movie box, encryption, another codec's set-up), places every box FFmpeg acts on, and bounds every
/// count FFmpeg allocates by: each table must fit its box, and what the tables imply (``MP4Track``) must fit the
/// file and the clip limits. Every sample entry must be H.264 video, AAC or Opus audio, or timed metadata.
struct MP4Structure {
    /// What an `unsupported_video` refusal of an MP4/MOV asks for instead.
    static let accepted = "send H.264 in MP4/MOV or VP8/VP9 in WebM"

    let limits: VideoLimits
    let reader: ByteReader
    /// The tracks seen, in order.
    private(set) var tracks: [MP4Track] = []
    private var track: MP4Track?
    private var movies = 0
    private var boxes = 0
    private var samples = 0

    init(_ bytes: [UInt8], limits: VideoLimits) {
        self.reader = ByteReader(bytes)
        self.limits = limits
    }

    /// Walks the whole file. Throws `invalid_video` for a malformed tree, `video_too_long` for counts past the
    /// limits, `unsupported_video` for a codec, box or feature that is not accepted, or a file without H.264 video.
    mutating func check() throws(LivenessError) {
        try walk(from: 0, to: reader.count, parent: "", depth: 0)
        guard movies == 1 else { throw LivenessError(.invalidVideo, "the MP4/MOV file has no movie box (moov)") }
        guard tracks.contains(where: \.isVideo) else {
            throw LivenessError(.unsupportedVideo, "the MP4/MOV file has no H.264 video track; \(Self.accepted)")
        }
    }

    private mutating func walk(from start: Int, to end: Int, parent: String, depth: Int) throws(LivenessError) {
        guard depth < 12 else { throw LivenessError(.invalidVideo, "the MP4/MOV boxes nest too deeply") }
        var offset = start
        while offset + 8 <= end {
            boxes += 1
            guard boxes <= 10_000 else { throw LivenessError(.invalidVideo, "the MP4/MOV file has too many boxes") }
            guard let size32 = reader.uint32BE(at: offset), let type = reader.fourCC(at: offset + 4) else { throw malformed() }
            var header = 8
            var size = size32
            if size32 == 1 {
                guard let high = reader.uint32BE(at: offset + 8), let low = reader.uint32BE(at: offset + 12), high == 0 else {
                    throw malformed()
                }
                size = low
                header = 16
            } else if size32 == 0 {
                size = end - offset
            }
            guard size >= header, offset + size <= end else {
                // A box may run past the end only at the top level when the file is cut short; FFmpeg then
                // reports a truncated file, which the decoder's frame count catches.
                if depth == 0 && type == "mdat" { return }
                throw LivenessError(.invalidVideo, "the MP4/MOV box '\(printable(type))' overruns its container")
            }
            try visit(type, from: offset + header, to: offset + size, parent: parent, depth: depth)
            offset += size
        }
    }

    private mutating func visit(_ type: String, from start: Int, to end: Int, parent: String, depth: Int) throws(LivenessError) {
        if let reason = MP4Boxes.refused[type] { throw LivenessError(.unsupportedVideo, "the MP4/MOV file has \(reason)") }
        if let places = MP4Boxes.parents[type], !places.contains(parent) {
            throw LivenessError(
                .invalidVideo, "the MP4/MOV box '\(printable(type))' is out of place (in '\(parent.isEmpty ? "file" : printable(parent))')")
        }
        let payload = end - start
        switch type {
        case "moov":
            movies += 1
            guard movies == 1 else { throw LivenessError(.unsupportedVideo, "the MP4/MOV file has more than one movie box (moov)") }
            try walk(from: start, to: end, parent: type, depth: depth + 1)
        case "trak":
            track = MP4Track()
            try walk(from: start, to: end, parent: type, depth: depth + 1)
            if let done = track {
                try done.check(limits: limits, fileSize: reader.count)
                tracks.append(done)
            }
            track = nil
        case _ where MP4Boxes.containers.contains(type):
            try walk(from: start, to: end, parent: type, depth: depth + 1)
        case "meta":
            try walkMeta(from: start, to: end, depth: depth)
        case "ftyp":
            if let brand = reader.fourCC(at: start), brand == "avif" || brand == "avis" {
                throw LivenessError(.unsupportedVideo, "AVIF images are not videos")
            }
        case "free":
            // FFmpeg's `mov_read_free`: this marker switches on the `mfra` index at the end of the file.
            if parent.isEmpty && reader.matches(Array("Anevia".utf8) + [0x1A, 0x1A], at: start) {
                throw LivenessError(.unsupportedVideo, "the MP4/MOV file asks for its fragment index (mfra)")
            }
        case "mdhd":
            try checkDuration(start, end)
        case "stsd":
            try readSampleEntries(start, end)
        case "stsz":
            guard let sampleSize = reader.uint32BE(at: start + 4), let count = reader.uint32BE(at: start + 8) else {
                throw malformed()
            }
            if sampleSize == 0 && 12 + count * 4 > payload { throw overrun("stsz") }
            try checkSamples(count)
            track?.sampleSize = sampleSize
            track?.sampleCount = count
        case "stz2":
            guard let count = reader.uint32BE(at: start + 8), let bits = reader.uint8(at: start + 7) else { throw malformed() }
            if 12 + (count * Int(bits) + 7) / 8 > payload { throw overrun("stz2") }
            try checkSamples(count)
            track?.sampleCount = count
        case "stsc":
            let count = try checkTable(type, start, payload, entry: 12)
            track?.chunkRuns = (0..<count).map { index in
                (reader.uint32BE(at: start + 8 + 12 * index) ?? 0, reader.uint32BE(at: start + 12 + 12 * index) ?? 0)
            }
        case "stco", "co64":
            let chunks = try checkTable(type, start, payload, entry: type == "co64" ? 8 : 4)
            track?.chunkCount = chunks
        case "stts", "ctts":
            let count = try checkTable(type, start, payload, entry: 8)
            var total = 0
            for index in 0..<count {
                total += reader.uint32BE(at: start + 8 + index * 8) ?? 0
                if total > Self.maxSamples(limits) { throw tooMany() }
            }
        case "stss", "stps", "dref", "keys":
            let count = try checkTable(type, start, payload, entry: type == "keys" ? 8 : 4)
            if type == "dref" && count > 16 { throw LivenessError(.invalidVideo, "the MP4/MOV file has more than 16 data references") }
        case "elst":
            let count = try checkTable(type, start, payload, entry: reader.uint8(at: start) == 1 ? 20 : 12)
            // FFmpeg's `mov_fix_index` walks the index once per edit.
            if count > 64 { throw LivenessError(.invalidVideo, "the MP4/MOV edit list has \(count) entries; the limit is 64") }
        case "sbgp":
            let entry = reader.uint8(at: start) == 1 ? 12 : 8
            guard let count = reader.uint32BE(at: start + entry) else { throw malformed() }
            if entry + 4 + count * 8 > payload { throw overrun(type) }
        case "sgpd":
            // FFmpeg allocates (and zeroes) one byte per declared entry before reading them.
            let version = reader.uint8(at: start) ?? 0
            let countAt = start + 8 + (version >= 1 ? 4 : 0) + (version >= 2 ? 4 : 0)
            guard let count = reader.uint32BE(at: countAt) else { throw malformed() }
            if count > end - countAt - 4 { throw overrun(type) }
        case "trun":
            try checkRun(start, payload)
        default:
            break
        }
    }

    /// `mov_read_meta`: FFmpeg searches the box four bytes at a time for its `hdlr` child and reads the boxes
    /// from there on.
    private mutating func walkMeta(from start: Int, to end: Int, depth: Int) throws(LivenessError) {
        var offset = start
        while end - offset > 8 {
            if reader.fourCC(at: offset) == "hdlr" {
                try walk(from: offset - 4, to: end, parent: "meta", depth: depth + 1)
                return
            }
            offset += 4
        }
    }

    /// Sample entries: at most 16, each accepted (``MP4Boxes/sampleEntries``) and checked (``MP4SampleEntry``).
    private mutating func readSampleEntries(_ start: Int, _ end: Int) throws(LivenessError) {
        guard let count = reader.uint32BE(at: start + 4), count >= 1, count <= 16 else { throw malformed() }
        var offset = start + 8
        for _ in 0..<count {
            guard let size = reader.uint32BE(at: offset), size >= 16, offset + size <= end, let format = reader.fourCC(at: offset + 4) else {
                throw malformed()
            }
            guard let kind = MP4Boxes.sampleEntries[format] else {
                throw LivenessError(.unsupportedVideo, RefusedCodec.message(for: format, accepted: Self.accepted))
            }
            try MP4SampleEntry(reader: reader, start: offset, end: offset + size, kind: kind).check()
            track?.kinds.insert(kind)
            offset += size
        }
    }

    /// A table of fixed-size entries after a full-box header and a 32-bit count: the count must fit the box.
    @discardableResult
    private func checkTable(_ type: String, _ start: Int, _ payload: Int, entry: Int) throws(LivenessError) -> Int {
        guard let count = reader.uint32BE(at: start + 4) else { throw malformed() }
        if 8 + count * entry > payload { throw overrun(type) }
        return count
    }

    /// A fragment's run: its sample count, and entries whose size the flags give, must fit the box.
    private mutating func checkRun(_ start: Int, _ payload: Int) throws(LivenessError) {
        guard let flags = reader.uint32BE(at: start).map({ $0 & 0xFF_FFFF }), let count = reader.uint32BE(at: start + 4) else {
            throw malformed()
        }
        var header = 8
        if flags & 0x1 != 0 { header += 4 }
        if flags & 0x4 != 0 { header += 4 }
        let perSample = [0x100, 0x200, 0x400, 0x800].filter { flags & $0 != 0 }.count * 4
        if header + count * perSample > payload { throw overrun("trun") }
        try checkSamples(count)
    }

    private mutating func checkSamples(_ count: Int) throws(LivenessError) {
        samples += count
        if count > Self.maxSamples(limits) || samples > 4 * Self.maxSamples(limits) { throw tooMany() }
    }

    /// `mdhd`: a track longer than the clip limit is refused before any decoding.
    private func checkDuration(_ start: Int, _ end: Int) throws(LivenessError) {
        let version = reader.uint8(at: start)
        let timescale: Int?
        let duration: Int?
        if version == 1 {
            timescale = reader.uint32BE(at: start + 20)
            duration = reader.uint32BE(at: start + 24).flatMap { high in
                reader.uint32BE(at: start + 28).map { high > 0x7FFF ? Int.max : high << 32 | $0 }
            }
        } else {
            timescale = reader.uint32BE(at: start + 12)
            duration = reader.uint32BE(at: start + 16)
        }
        guard let timescale, let duration, timescale > 0 else { throw malformed() }
        // 0xFFFFFFFF means "unknown" (fragmented files).
        if duration == 0xFFFF_FFFF || duration == 0 { return }
        if Double(duration) / Double(timescale) > limits.maxSeconds + 1 {
            throw LivenessError(.videoTooLong, "the video is longer than \(Int(limits.maxSeconds)) s")
        }
    }

    /// The most samples one track may declare: video at the highest frame rate for the longest clip, or audio
    /// packets (AAC at 48 kHz writes about 47 a second; PCM in MOV one per sample frame).
    static func maxSamples(_ limits: VideoLimits) -> Int { Int(limits.maxSeconds + 1) * 48_000 }

    private func malformed() -> LivenessError { LivenessError(.invalidVideo, "the MP4/MOV structure is malformed") }
    private func overrun(_ type: String) -> LivenessError {
        LivenessError(.invalidVideo, "the MP4/MOV table '\(type)' declares more entries than it holds")
    }
    private func tooMany() -> LivenessError {
        LivenessError(.videoTooLong, "the video declares more samples than a \(Int(limits.maxSeconds)) s clip has")
    }
}

extension ByteReader {
    /// `length` bytes at `offset` as ASCII text, or nil past the end.
    func matchesAny(at offset: Int, length: Int) -> String? {
        guard offset >= 0, offset + length <= count else { return nil }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}
