import Foundation
@testable import LivenessCore
import TestSupport
import Testing

/// The TurboJPEG decode returns exactly cv::imdecode's pixels: on the fixtures, on every EXIF orientation in
/// both byte orders, on the chroma layouts browsers and cameras write, and on malformed EXIF that OpenCV
/// reads leniently (where the decode falls back to OpenCV).
@Suite("JPEG decode")
struct JPEGDecodeTests {
    static let jpegs = ["image_T1.jpg", "image_T1_orientation1.jpg", "image_F1.jpg", "image_F2.jpg", "truncated_half.jpg"]

    /// Both decoders' pixels and sizes, or both failures.
    static func expectSame(_ bytes: [UInt8], _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        let automatic = Result { () throws(LivenessError) in try DecodedImage.decode(bytes) }
        let opencv = Result { () throws(LivenessError) in try DecodedImage.decode(bytes, using: .opencv) }
        switch (automatic, opencv) {
        case (.success(let fast), .success(let reference)):
            #expect(fast.width == reference.width && fast.height == reference.height, comment, sourceLocation: sourceLocation)
            #expect((try? fast.pixels()) == (try? reference.pixels()), comment, sourceLocation: sourceLocation)
        case (.failure, .failure): break
        default: Issue.record("\(comment): one decoder failed, the other did not", sourceLocation: sourceLocation)
        }
    }

    /// The orientation `TurboJPEG` would apply, or nil when OpenCV decodes.
    static func orientation(_ bytes: [UInt8]) -> ExifOrientation? {
        let reader = ByteReader(bytes)
        return JPEGStructure(reader).map { ExifOrientation($0, reader) }
    }

    /// An APP1 segment holding "Exif\0\0" and a TIFF structure with IFD0's `entries` (tag, type, count, value).
    static func exif(littleEndian: Bool, entries: [(Int, Int, Int, Int)], trailing: [UInt8] = []) -> [UInt8] {
        func u16(_ value: Int) -> [UInt8] {
            littleEndian ? [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] : [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        func u32(_ value: Int) -> [UInt8] { littleEndian ? u16(value & 0xFFFF) + u16(value >> 16) : u16(value >> 16) + u16(value & 0xFFFF) }
        var tiff = Array((littleEndian ? "II" : "MM").utf8) + u16(42) + u32(8) + u16(entries.count)
        for (tag, type, count, value) in entries {
            // SHORT values sit in the first two bytes of the value field.
            tiff += u16(tag) + u16(type) + u32(count) + (type == 3 ? u16(value) + [0, 0] : u32(value))
        }
        tiff += u32(0) + trailing
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        return [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    /// `segment` inserted right after SOI, so it is the first APP1 OpenCV sees.
    static func inserting(_ segment: [UInt8], into jpeg: [UInt8]) -> [UInt8] { Array(jpeg[0..<2]) + segment + Array(jpeg[2...]) }

    static func fixture(_ name: String) throws -> [UInt8] { try Fixtures.bytes(Fixtures.image(name)) }

    @Test("Every JPEG fixture decodes to OpenCV's pixels (a truncated one through OpenCV itself)", arguments: jpegs)
    func fixtures(_ name: String) throws {
        let bytes = try Self.fixture(name)
        guard case .value = Self.orientation(bytes) else {
            Issue.record("\(name) would not take the TurboJPEG path")
            return
        }
        Self.expectSame(bytes, "\(name)")
    }

    @Test("The eight orientations in both byte orders rotate as OpenCV does", arguments: [true, false])
    func orientations(littleEndian: Bool) throws {
        let base = try Self.fixture("image_T1_orientation1.jpg")
        let stored = try DecodedImage.decode(base, using: .opencv)
        for value in 0...9 {
            let bytes = Self.inserting(Self.exif(littleEndian: littleEndian, entries: [(0x0112, 3, 1, value)]), into: base)
            #expect(Self.orientation(bytes) == .value(value))
            Self.expectSame(bytes, "orientation \(value)")
            let decoded = try DecodedImage.decode(bytes)
            let transposed = (5...8).contains(value)
            #expect(decoded.width == (transposed ? stored.height : stored.width), "orientation \(value)")
        }
    }

    /// The transposing orientations run in 64x64 tiles: sizes that leave partial tiles in both directions.
    @Test("Transposing orientations on odd sizes rotate as OpenCV does", arguments: ["97x61", "61x97", "130x1", "1x67"])
    func transposedOddSizes(_ size: String) throws {
        let base = try FFmpeg.convert(
            Fixtures.image("image_T1_lossless.png"), extension: "jpg",
            arguments: ["-vf", "scale=\(size.replacingOccurrences(of: "x", with: ":"))", "-q:v", "3"])
        for value in 5...8 {
            let bytes = Self.inserting(Self.exif(littleEndian: true, entries: [(0x0112, 3, 1, value)]), into: base)
            Self.expectSame(bytes, "\(size), orientation \(value)")
        }
    }

    @Test("Chroma layouts and greyscale decode to OpenCV's pixels", arguments: ["yuvj420p", "yuvj422p", "yuvj444p", "gray"])
    func layouts(_ pixelFormat: String) throws {
        let bytes = try FFmpeg.convert(
            Fixtures.image("image_T1_lossless.png"), extension: "jpg", arguments: ["-pix_fmt", pixelFormat, "-q:v", "3"])
        Self.expectSame(bytes, "\(pixelFormat)")
    }

    @Test("A progressive JPEG decodes to OpenCV's pixels")
    func progressive() throws {
        let bytes = try DecodedImage.decode(try Self.fixture("image_T1_lossless.png")).progressiveJPEG()
        #expect(Self.orientation(bytes) == .value(1))
        Self.expectSame(bytes, "progressive")
    }

    @Test("Malformed EXIF: the orientation OpenCV reads, or OpenCV's own decode")
    func malformed() throws {
        let base = try Self.fixture("image_T1_orientation1.jpg")
        let cases: [(String, [UInt8], ExifOrientation)] = [
            // A Make whose text lies past the end: OpenCV's reader may stop before the orientation.
            ("make out of range", Self.exif(littleEndian: true, entries: [(0x010F, 2, 40, 5000), (0x0112, 3, 1, 6)]), .undetermined),
            (
                "make in range", Self.exif(littleEndian: true, entries: [(0x010F, 2, 6, 38), (0x0112, 3, 1, 6)], trailing: Array("Phone\0".utf8)),
                .value(6)
            ),
            ("short make inline", Self.exif(littleEndian: false, entries: [(0x010F, 2, 4, 0x4142_4300), (0x0112, 3, 1, 8)]), .value(8)),
            ("resolution out of range", Self.exif(littleEndian: true, entries: [(0x011A, 5, 1, 9000), (0x0112, 3, 1, 3)]), .undetermined),
            (
                "unknown tags first", Self.exif(littleEndian: true, entries: [(0x0100, 4, 1, 640), (0x9999, 7, 900, 90000), (0x0112, 3, 1, 5)]),
                .value(5)
            ),
            ("two orientations: the first counts", Self.exif(littleEndian: false, entries: [(0x0112, 3, 1, 7), (0x0112, 3, 1, 2)]), .value(7)),
            (
                "byte order XX",
                Array(Self.exif(littleEndian: false, entries: [(0x0112, 3, 1, 6)]).enumerated().map { $0 == 10 || $0 == 11 ? 0x58 : $1 }),
                .undetermined
            ),
            ("no mark 42", Array(Self.exif(littleEndian: true, entries: [(0x0112, 3, 1, 6)]).enumerated().map { $0 == 12 ? 41 : $1 }), .value(1)),
            (
                "IFD offset past the end",
                Array(Self.exif(littleEndian: true, entries: [(0x0112, 3, 1, 6)]).enumerated().map { $0 == 17 ? 0x7F : $1 }), .value(1)
            ),
            ("XMP first", [0xFF, 0xE1, 0, 12] + Array("http://ns\0".utf8) + Self.exif(littleEndian: true, entries: [(0x0112, 3, 1, 6)]), .value(1)),
        ]
        for (name, segment, expected) in cases {
            let bytes = Self.inserting(segment, into: base)
            #expect(Self.orientation(bytes) == expected, "\(name)")
            Self.expectSame(bytes, "\(name)")
        }
        // Cut inside the orientation entry: the APP1 runs past the end of the data.
        let cut = Self.inserting(Self.exif(littleEndian: true, entries: [(0x0112, 3, 1, 6)]), into: base).prefix(30)
        #expect(Self.orientation(Array(cut)) == .undetermined)
        Self.expectSame(Array(cut), "cut in the EXIF")
    }
}
