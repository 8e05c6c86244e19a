import LivenessCore
/// The marker segments of a well-formed JPEG that this project encoded itself, for making bombs from it.
struct JPEGSegments {
    struct Segment {
        let marker: UInt8
        /// The whole segment: marker, length, payload, and for SOS the entropy-coded data after it.
        var bytes: [UInt8]
    }

    var segments: [Segment] = []

    init(_ bytes: [UInt8]) {
        var offset = 2
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            if marker == 0xD9 { break }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            var end = offset + 2 + length
            if marker == 0xDA {
                // Entropy-coded data runs to the next marker that is not a stuffed byte or a restart.
                while end + 1 < bytes.count {
                    if bytes[end] == 0xFF && bytes[end + 1] != 0 && !(0xD0...0xD7).contains(bytes[end + 1]) { break }
                    end += 1
                }
            }
            segments.append(Segment(marker: marker, bytes: Array(bytes[offset..<min(end, bytes.count)])))
            offset = end
        }
    }

    /// SOI, the segments, EOI.
    var file: [UInt8] { [0xFF, 0xD8] + segments.flatMap(\.bytes) + [0xFF, 0xD9] }

    var frameIndex: Int? { segments.firstIndex { (0xC0...0xC2).contains($0.marker) } }

    /// Inserts `count` copies of one scan (with its entropy-coded data) right after it: the smallest scan,
    /// or the last one.
    mutating func repeatScan(_ count: Int, smallest: Bool) throws {
        let scans = segments.enumerated().filter { $0.element.marker == 0xDA }
        let chosen = smallest ? scans.min { $0.element.bytes.count < $1.element.bytes.count } : scans.last
        guard let chosen else { throw BombError(message: "the encoder wrote no scan") }
        segments.insert(contentsOf: Array(repeating: chosen.element, count: count), at: chosen.offset + 1)
    }

    /// Rewrites the frame header's size, and optionally every component's sampling factors.
    mutating func setFrame(width: Int, height: Int, sampling: UInt8? = nil) {
        guard let index = frameIndex else { return }
        var frame = segments[index].bytes
        frame[5] = UInt8(height >> 8)
        frame[6] = UInt8(height & 0xFF)
        frame[7] = UInt8(width >> 8)
        frame[8] = UInt8(width & 0xFF)
        if let sampling {
            for component in 0..<Int(frame[9]) { frame[11 + component * 3] = sampling }
        }
        segments[index].bytes = frame
    }
}
