import LivenessCore
import TestSupport
import Testing

/// The size guard reads every accepted format's header and refuses oversized images before decoding.
@Suite("Image header guard")
struct ImageHeaderTests {
    static let limits = ImageLimits()

    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 2, 0, 0, 0]
    }

    static func jpeg(width: Int, height: Int) -> [UInt8] {
        // SOI, an APP0 segment, then SOF0 with the size.
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0, 17, 8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    }

    static func webpVP8X(width: Int, height: Int) -> [UInt8] {
        riff(chunk: "VP8X", payload: [0, 0, 0, 0] + le24(width - 1) + le24(height - 1))
    }

    static func webpVP8L(width: Int, height: Int) -> [UInt8] {
        let bits = (width - 1) | (height - 1) << 14
        return riff(chunk: "VP8L", payload: [0x2F] + BMPWriter.le32(bits))
    }

    static func webpVP8(width: Int, height: Int) -> [UInt8] {
        riff(chunk: "VP8 ", payload: [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A] + BMPWriter.le16(width) + BMPWriter.le16(height))
    }

    static func bmp(width: Int, height: Int) -> [UInt8] {
        Array("BM".utf8) + BMPWriter.le32(54) + BMPWriter.le32(0) + BMPWriter.le32(54) + BMPWriter.le32(40)
            + BMPWriter.le32(width) + BMPWriter.le32(height) + BMPWriter.le16(1) + BMPWriter.le16(24)
    }

    static func riff(chunk: String, payload: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + BMPWriter.le32(payload.count + 12) + Array("WEBP".utf8) + Array(chunk.utf8)
            + BMPWriter.le32(payload.count) + payload
    }

    static func be32(_ value: Int) -> [UInt8] { BMPWriter.le32(value).reversed() }
    static func be16(_ value: Int) -> [UInt8] { BMPWriter.le16(value).reversed() }
    static func le24(_ value: Int) -> [UInt8] { Array(BMPWriter.le32(value).prefix(3)) }

    typealias Maker = @Sendable (Int, Int) -> [UInt8]
    static let makers: [(ImageFormat, String, Maker)] = [
        (.png, "PNG", png), (.jpeg, "JPEG", jpeg), (.webp, "WebP VP8X", webpVP8X), (.webp, "WebP VP8L", webpVP8L),
        (.webp, "WebP VP8", webpVP8), (.bmp, "BMP", bmp),
    ]

    @Test("Each format's header gives its size", arguments: 0..<makers.count)
    func readsSize(index: Int) throws {
        let (format, _, make) = Self.makers[index]
        let header = try ImageHeader.read(make(640, 480))
        #expect(header.format == format && header.width == 640 && header.height == 480)
    }

    @Test("Each format is refused over 10000 px a side or 40 MP", arguments: 0..<makers.count)
    func refusesLarge(index: Int) throws {
        let (_, name, make) = Self.makers[index]
        for (width, height) in [(10_001, 100), (100, 10_001), (7_000, 6_000), (16_383, 16_383)] {
            let header = try ImageHeader.read(make(width, height))
            let error = #expect(throws: LivenessError.self, "\(name) \(width)x\(height)") { try Self.limits.check(header) }
            #expect(error?.code == .imageTooLarge)
        }
        #expect(throws: Never.self) { try Self.limits.check(ImageHeader.read(make(10_000, 4_000))) }
    }

    @Test("Arithmetic-coded JPEGs (SOF9-SOF15) are image_too_complex; Huffman ones pass (third probe: 2.1-3.9 s to decode)")
    func arithmetic() throws {
        let baseline = try Fixtures.bytes(Fixtures.image("image_T1.jpg"))
        let progressive = try DecodedImage.uniform(width: 256, height: 256, grey: 90).progressiveJPEG()
        for (name, jpeg) in [("baseline", baseline), ("progressive", progressive)] {
            let header = try ImageHeader.read(jpeg)
            #expect(!header.arithmetic)
            try ImageLimits().check(header)
            // The same file with its frame header turned into arithmetic coding: SOF0 -> SOF9, SOF2 -> SOF10.
            var patched = jpeg
            let sof = try #require(patched.indices.first { patched[$0] == 0xFF && [0xC0, 0xC1, 0xC2].contains(patched[$0 + 1]) })
            patched[sof + 1] += 9
            let arithmetic = try ImageHeader.read(patched)
            #expect(arithmetic.arithmetic, "\(name)")
            let error = #expect(throws: LivenessError.self) { try ImageLimits().check(arithmetic) }
            #expect(error?.code == .imageTooComplex, "\(name)")
        }
    }

    @Test("A negative BMP height (top-down rows) counts by its magnitude")
    func topDownBMP() throws {
        let header = try ImageHeader.read(Self.bmp(width: 20, height: -30))
        #expect(header.height == 30)
    }

    @Test("Empty input is invalid_request; unknown or cut headers are invalid_image")
    func badInput() throws {
        #expect(#expect(throws: LivenessError.self) { try ImageHeader.read([]) }?.code == .invalidRequest)
        let cases: [[UInt8]] = [
            Array("hello, world".utf8), [0xFF, 0xD8, 0xFF], Array(Self.png(width: 10, height: 10).prefix(18)),
            Array(Self.webpVP8X(width: 10, height: 10).prefix(24)), [0x42, 0x4D, 0x00],
            Array("GIF89a".utf8) + [1, 0, 1, 0], Self.png(width: 0, height: 10),
            [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08],
        ]
        for bytes in cases {
            #expect(#expect(throws: LivenessError.self) { try ImageHeader.read(bytes) }?.code == .invalidImage)
        }
    }
}
