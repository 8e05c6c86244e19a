/// The box tree of an MP4/MOV file, checked before FFmpeg sees it.
///
/// FFmpeg's demuxer builds each track's whole sample index while it opens the file: an `stsz` that declares
/// tens of millions of samples costs gigabytes before any limit of the service applies. This walk reads
/// the boxes that size that index (`stsz`/`stz2`, `stts`, `stsc`, `stco`/`co64`, `ctts`, `stss`, and `trun`
/// in fragments) and refuses counts that cannot fit the file or the clip limits, box sizes that overrun
/// their parent, and video tracks that are not H.264.
struct MP4Structure {
    /// Sample entry types of H.264 video.
    static let videoCodecs: Set<String> = ["avc1", "avc3"]
    /// Containers boxes whose children are boxes.
    static let containers: Set<String> = ["moov", "trak", "mdia", "minf", "stbl", "moof", "traf", "edts", "dinf", "mvex"]

    let limits: VideoLimits
    let reader: ByteReader
    /// Video tracks seen (handler `vide`), with their codec.
    private(set) var videoCodecs: [String] = []
    private(set) var samples = 0
    private var handler = ""

    init(_ bytes: [UInt8], limits: VideoLimits) {
        self.reader = ByteReader(bytes)
        self.limits = limits
    }

    /// Walks the whole file. Throws `invalid_video` for a malformed tree, `video_too_long` for counts past the
    /// limits, `unsupported_video` for a video track that is not H.264 or a file without one.
    mutating func check() throws(LivenessError) {
        try walk(from: 0, to: reader.count, depth: 0)
        guard !videoCodecs.isEmpty else { throw LivenessError(.invalidVideo, "the MP4/MOV file has no video track") }
        if let other = videoCodecs.first(where: { !Self.videoCodecs.contains($0) }) {
            throw LivenessError(.unsupportedVideo, "the video codec '\(other.prefix(4))' is not accepted; send H.264 in MP4/MOV or VP8/VP9 in WebM")
        }
    }

    private mutating func walk(from start: Int, to end: Int, depth: Int) throws(LivenessError) {
        guard depth < 12 else { throw LivenessError(.invalidVideo, "the MP4/MOV boxes nest too deeply") }
        var offset = start
        var boxes = 0
        while offset + 8 <= end {
            boxes += 1
            guard boxes <= 10_000 else { throw LivenessError(.invalidVideo, "the MP4/MOV file has too many boxes") }
            guard let size32 = reader.uint32BE(at: offset) else { throw malformed() }
            let type = String(decoding: reader.bytes[offset + 4..<offset + 8], as: UTF8.self)
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
            try visit(type, from: offset + header, to: offset + size, depth: depth)
            offset += size
        }
    }

    private mutating func visit(_ type: String, from start: Int, to end: Int, depth: Int) throws(LivenessError) {
        let payload = end - start
        switch type {
        case _ where Self.containers.contains(type):
            if type == "trak" { handler = "" }
            try walk(from: start, to: end, depth: depth + 1)
        case "hdlr":
            guard let handlerType = reader.matchesAny(at: start + 8, length: 4) else { throw malformed() }
            handler = handlerType
        case "mdhd":
            try checkDuration(start, end)
        case "stsd":
            // Full box, entry count, then sample entries (size, type, ...).
            guard let count = reader.uint32BE(at: start + 4), count >= 1, count <= 16, payload >= 16,
                let codec = reader.matchesAny(at: start + 12, length: 4)
            else { throw malformed() }
            if handler == "vide" { videoCodecs.append(codec) }
        case "stsz":
            guard let sampleSize = reader.uint32BE(at: start + 4), let count = reader.uint32BE(at: start + 8) else {
                throw malformed()
            }
            if sampleSize == 0 && 12 + count * 4 > payload { throw overrun("stsz") }
            try checkSamples(count)
        case "stz2":
            guard let count = reader.uint32BE(at: start + 8), let bits = reader.uint8(at: start + 7) else { throw malformed() }
            if 12 + (count * Int(bits) + 7) / 8 > payload { throw overrun("stz2") }
            try checkSamples(count)
        case "stts", "stss", "stco", "co64", "stsc", "ctts", "elst", "stps", "sdtp":
            try checkTable(type, start, payload)
        case "trun":
            try checkRun(start, payload)
        default:
            break
        }
    }

    /// Tables of fixed-size entries after a full-box header and a 32-bit count: the count must fit the box.
    private func checkTable(_ type: String, _ start: Int, _ payload: Int) throws(LivenessError) {
        let entry: Int =
            switch type {
            case "stts", "ctts": 8
            case "stsc": 12
            case "co64": 8
            case "elst": (reader.uint8(at: start) == 1) ? 20 : 12
            case "sdtp": 0
            default: 4
            }
        guard entry > 0 else { return }
        guard let count = reader.uint32BE(at: start + 4) else { throw malformed() }
        if 8 + count * entry > payload { throw overrun(type) }
        if type == "stts" || type == "ctts" {
            var total = 0
            for index in 0..<count {
                total += reader.uint32BE(at: start + 8 + index * 8) ?? 0
                if total > Self.maxSamples(limits) { throw tooMany() }
            }
        }
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
        if handler == "vide" && count > limits.maxDecodedFrames {
            throw LivenessError(.videoTooLong, "the video declares \(count) frames; the limit is \(limits.maxDecodedFrames)")
        }
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
    private func printable(_ type: String) -> String { String(type.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }.map(Character.init)) }
}

extension ByteReader {
    /// `length` bytes at `offset` as ASCII text, or nil past the end.
    func matchesAny(at offset: Int, length: Int) -> String? {
        guard offset >= 0, offset + length <= count else { return nil }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}
