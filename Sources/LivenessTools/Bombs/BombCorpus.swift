import Foundation
import LivenessCore

/// Every input that Hostile-input probes found to cost gigabytes, minutes or a bypass, made from scratch (and,
/// for videos, from a fixture clip and Debian's `ffmpeg`).
public enum BombCorpus {
    /// The image bombs. Each is refused before decoding.
    public static func images() throws -> [Bomb] {
        let small = try DecodedImage.uniform(width: 64, height: 64).encoded(as: "jpg")
        return [
            try jpegDesync(small), jpegTwoFrames(small), try progressiveScanBomb(), try progressiveScanPixels(),
            try progressiveCoefficients(), os2Bitmap(), pngHeader(),
        ]
    }

    /// A fake 100×100 frame header hidden where an `FF 00` pair made the old guard jump, in a comment that
    /// libjpeg skips, before the real 20000×20000 frame header of a 965-byte-class file.
    static func jpegDesync(_ base: [UInt8]) throws -> Bomb {
        var jpeg = JPEGSegments(base)
        jpeg.setFrame(width: 20_000, height: 20_000)
        let fake: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x00, 0x64, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        // FF 00 then a "length" of 6: the old guard jumped from here to `fake`; libjpeg treats FF 00 as data,
        // skips the next two bytes, and reads the comment (COM) around `fake` as a comment.
        let prefix: [UInt8] = [0xFF, 0x00, 0x00, 0x06, 0xFF, 0xFE, 0x00, UInt8(2 + fake.count)] + fake
        let file = [0xFF, 0xD8] + prefix + Array(jpeg.file.dropFirst(2))
        return Bomb(
            name: "jpeg-desync", kind: .image, summary: "a fake small frame header before a real 20000x20000 one",
            bytes: file, expectedCode: "image_too_large")
    }

    /// Two frame headers: libjpeg refuses the second; the guard must judge the file as libjpeg does.
    static func jpegTwoFrames(_ base: [UInt8]) -> Bomb {
        var jpeg = JPEGSegments(base)
        if let index = jpeg.frameIndex {
            var big = jpeg.segments[index]
            big.bytes[5...8] = [0x4E, 0x20, 0x4E, 0x20][...]
            jpeg.segments.insert(big, at: index + 1)
        }
        return Bomb(
            name: "jpeg-two-frames", kind: .image, summary: "a second, 20000x20000 frame header after a small one",
            bytes: jpeg.file, expectedCode: "invalid_image")
    }

    /// A progressive JPEG that repeats one tiny scan thousands of times: each one a pass over the image.
    static func progressiveScanBomb() throws -> Bomb {
        var jpeg = try progressive(2048)
        try jpeg.repeatScan(3_000, smallest: true)
        return Bomb(
            name: "jpeg-scan-bomb", kind: .image, summary: "a 4 MP progressive JPEG with 3000 repeats of one scan",
            bytes: jpeg.file, expectedCode: "image_too_complex")
    }

    /// A progressive JPEG within the pixel limit, but with more scans × pixels than the budget allows.
    static func progressiveScanPixels() throws -> Bomb {
        var jpeg = try progressive(64)
        jpeg.setFrame(width: 6_000, height: 6_000)
        try jpeg.repeatScan(4, smallest: false)
        return Bomb(
            name: "jpeg-scan-pixels", kind: .image, summary: "a 36 MP progressive JPEG with 14 scans",
            bytes: jpeg.file, expectedCode: "image_too_complex")
    }

    /// A 4:4:4 progressive JPEG whose coefficient buffer alone would take about 240 MB.
    static func progressiveCoefficients() throws -> Bomb {
        var jpeg = try progressive(64)
        jpeg.setFrame(width: 9_000, height: 4_400, sampling: 0x11)
        return Bomb(
            name: "jpeg-coefficients", kind: .image, summary: "a 39.6 MP 4:4:4 progressive JPEG (240 MB of coefficients)",
            bytes: jpeg.file, expectedCode: "image_too_large")
    }

    /// The segments of a uniform grey `side` × `side` progressive JPEG.
    static func progressive(_ side: Int) throws -> JPEGSegments {
        JPEGSegments(try DecodedImage.uniform(width: side, height: side).progressiveJPEG())
    }

    /// An OS/2 bitmap (12-byte header) 1000 × 65535: the sides are unsigned there, as OpenCV reads them.
    static func os2Bitmap() -> Bomb {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16) }
        let pixels = [UInt8](repeating: 0x80, count: 3000 * 4)
        let header = Array("BM".utf8) + le32(26 + pixels.count) + le32(0) + le32(26)
        let core = le32(12) + le16(1000) + le16(65_535) + le16(1) + le16(24)
        return Bomb(
            name: "bmp-os2", kind: .image, summary: "an OS/2 bitmap whose 16-bit height 65535 reads as -1 when signed",
            bytes: header + core + pixels, expectedCode: "image_too_large")
    }

    /// A PNG whose header declares 30000 × 30000.
    static func pngHeader() -> Bomb {
        func be32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xFF) } }
        let ihdr = Array("IHDR".utf8) + be32(30_000) + be32(30_000) + [8, 2, 0, 0, 0]
        let file = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ihdr + be32(0) + be32(0) + Array("IEND".utf8) + be32(0)
        return Bomb(
            name: "png-header", kind: .image, summary: "a 57-byte PNG declaring 30000x30000",
            bytes: file, expectedCode: "image_too_large")
    }
}
