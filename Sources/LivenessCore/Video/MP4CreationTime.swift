import Foundation

/// The `creation_time` an MP4/MOV movie header (`moov/mvhd`) states: seconds since 1904-01-01 UTC, in the
/// recording device's clock. Zero (FFmpeg's default when none is given) and files without a movie header
/// (WebM, MediaRecorder) state none.
public enum MP4CreationTime {
    /// Seconds from 1904-01-01 to 1970-01-01.
    static let epochOffset: Double = 2_082_844_800

    /// The stated creation time, or nil. Reads only box headers down to `mvhd`; call after the container guard.
    public static func read(_ bytes: [UInt8]) -> Date? {
        guard let moov = child("moov", in: bytes, from: 0, to: bytes.count),
            let mvhd = child("mvhd", in: bytes, from: moov.lowerBound, to: moov.upperBound),
            mvhd.count >= 12
        else { return nil }
        let start = mvhd.lowerBound
        let version = bytes[start]
        let seconds: UInt64
        if version == 1 {
            seconds = (0..<8).reduce(0) { $0 << 8 | UInt64(bytes[start + 4 + $1]) }
        } else {
            seconds = (0..<4).reduce(0) { $0 << 8 | UInt64(bytes[start + 4 + $1]) }
        }
        guard seconds > 0 else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) - epochOffset)
    }

    /// The payload range of the first box of `type` among the boxes in `from..<to`.
    static func child(_ type: String, in bytes: [UInt8], from: Int, to: Int) -> Range<Int>? {
        let wanted = Array(type.utf8)
        var offset = from
        while offset + 8 <= to {
            var size = (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
            var header = 8
            if size == 1 {
                guard offset + 16 <= to else { return nil }
                size = (8..<16).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
                header = 16
            } else if size == 0 {
                size = to - offset
            }
            guard size >= header, offset + size <= to else { return nil }
            if bytes[(offset + 4)..<(offset + 8)].elementsEqual(wanted) { return (offset + header)..<(offset + size) }
            offset += size
        }
        return nil
    }
}
