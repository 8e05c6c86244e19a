import Foundation
import LivenessCore
import TestSupport
import Testing

/// JPEG, PNG, WebP and BMP all decode to the same pixels and give the same result.
@Suite("Image formats")
struct ImageFormatTests {
    static let lossless = Fixtures.image("image_T1_lossless.png")

    /// T1's result, from its lossless PNG.
    private func reference() async throws -> PassiveResult {
        try await Fixtures.engine.value.check(try Fixtures.bytes(Self.lossless))
    }

    @Test("BMP of T1's pixels gives T1's exact result")
    func bmp() async throws {
        let image = try DecodedImage.decode(try Fixtures.bytes(Self.lossless))
        let bmp = BMPWriter.encode(bgr: try image.pixels(), width: image.width, height: image.height)
        #expect(try ImageHeader.read(bmp) == ImageHeader(format: .bmp, width: 480, height: 640))
        let decoded = try DecodedImage.decode(bmp)
        #expect(try decoded.pixels() == image.pixels())
        #expect(try await Fixtures.engine.value.check(bmp) == (try await reference()))
    }

    @Test("Lossless WebP of T1's pixels gives T1's exact result")
    func webpLossless() async throws {
        let webp = try await onThread { try FFmpeg.convert(Self.lossless, extension: "webp", arguments: ["-c:v", "libwebp", "-lossless", "1"]) }
        #expect(try ImageHeader.read(webp) == ImageHeader(format: .webp, width: 480, height: 640))
        #expect(try DecodedImage.decode(webp).pixels() == DecodedImage.decode(try Fixtures.bytes(Self.lossless)).pixels())
        #expect(try await Fixtures.engine.value.check(webp) == (try await reference()))
    }

    @Test("Lossy WebP of T1 is still real")
    func webpLossy() async throws {
        let webp = try await onThread { try FFmpeg.convert(Self.lossless, extension: "webp", arguments: ["-c:v", "libwebp", "-quality", "90"]) }
        #expect(try ImageHeader.read(webp) == ImageHeader(format: .webp, width: 480, height: 640))
        let result = try await Fixtures.engine.value.check(webp)
        #expect(result.label == .real)
        #expect(result.face.faceCount == 1)
    }

    @Test("A 1x1 image answers no_face instead of failing")
    func onePixel() async throws {
        let bmp = BMPWriter.encode(bgr: [10, 20, 30], width: 1, height: 1)
        let engine = try await Fixtures.engine.value
        let error = await #expect(throws: LivenessError.self) { try await engine.check(bmp) }
        #expect(error?.code == .noFace)
    }
}
