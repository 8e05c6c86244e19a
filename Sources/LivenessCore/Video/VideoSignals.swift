import Foundation

/// What a clip's container says about where it came from: informative only, since every field is easy to
/// fake. Phones and browsers record at a variable rate with their own tags; a file that went through an
/// editing or transcoding tool usually names it.
public struct VideoSignals: Hashable, Sendable {
    /// The MP4/MOV `creation_time` (``MP4CreationTime``).
    public var creationTime: Date?
    /// The writing application or encoder the file names (`©too`, Matroska's WritingApp, an x264 SEI).
    public var encoder: String?
    /// `constant`, `variable`, or `unknown` (no usable timestamps).
    public var frameRate: FrameRate
    /// A known editing or transcoding tool among the tags (FFmpeg's `Lavf`, x264, HandBrake, ...).
    public var reencodedBy: String?

    public enum FrameRate: String, Hashable, Sendable {
        case constant, variable, unknown
    }

    /// Tools whose tag marks a file as made or re-encoded on a computer rather than recorded by a phone or browser.
    static let knownTools = [
        ("Lavf", "FFmpeg"), ("Lavc", "FFmpeg"), ("x264", "x264"), ("HandBrake", "HandBrake"), ("Adobe", "Adobe"),
        ("DaVinci", "DaVinci Resolve"), ("CapCut", "CapCut"), ("iMovie", "iMovie"), ("Final Cut", "Final Cut"),
        ("Shotcut", "Shotcut"), ("OpenShot", "OpenShot"), ("Kdenlive", "Kdenlive"),
    ]

    /// The signals of `bytes` (checked by the container guard) decoded as `clip`. Reads at most the first MiB.
    public init(_ bytes: [UInt8], clip: DecodedClip) {
        creationTime = MP4CreationTime.read(bytes)
        frameRate = clip.hasTimestamps ? (clip.variableRate ? .variable : .constant) : .unknown
        let head = Array(bytes.prefix(1 << 20))
        var tags: [String] = []
        // QuickTime/iTunes `©too` → its `data` box: type and locale, then the text.
        if let at = Self.find([0xA9, 0x74, 0x6F, 0x6F], in: head), let data = Self.find(Array("data".utf8), in: head, from: at, within: 16) {
            tags.append(Self.text(head, from: data + 12))
        }
        // Matroska WritingApp (0x5741) and MuxingApp (0x4D80): a one-byte size, then the text.
        for id in [[UInt8(0x57), 0x41], [0x4D, 0x80]] {
            if let at = Self.find(id, in: head), at + 2 < head.count, head[at + 2] & 0x80 != 0 {
                let length = Int(head[at + 2] & 0x7F)
                tags.append(Self.text(head, from: at + 3, limit: length))
            }
        }
        if let at = Self.find(Array("x264 - core".utf8), in: head) { tags.append(Self.text(head, from: at, limit: 16)) }
        if Self.find(Array("com.apple.quicktime".utf8), in: head) != nil { tags.append("Apple QuickTime") }
        tags = tags.filter { !$0.isEmpty }
        encoder = tags.first
        reencodedBy = tags.lazy.compactMap { tag in Self.knownTools.first { tag.contains($0.0) }?.1 }.first
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int = 0, within: Int? = nil) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        let end = min(bytes.count - pattern.count, within.map { start + $0 } ?? Int.max)
        guard start <= end else { return nil }
        for offset in start...end where bytes[offset] == pattern[0] && bytes[offset..<offset + pattern.count].elementsEqual(pattern) {
            return offset
        }
        return nil
    }

    /// The printable ASCII run at `from` (at most `limit` bytes, 64 by default).
    static func text(_ bytes: [UInt8], from: Int, limit: Int = 64) -> String {
        guard from >= 0, from < bytes.count else { return "" }
        let run = bytes[from..<min(bytes.count, from + min(limit, 64))].prefix { $0 >= 0x20 && $0 < 0x7F }
        return String(decoding: run, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
