extension ImageHeader {
    /// PNG: the IHDR chunk must come first.
    static func pngSize(_ reader: ByteReader) -> (width: Int, height: Int)? {
        guard reader.matches(Array("IHDR".utf8), at: 12),
            let width = reader.uint32BE(at: 16), let height = reader.uint32BE(at: 20)
        else { return nil }
        return (width, height)
    }

    /// WebP: the first chunk is VP8X (extended), VP8 (lossy) or VP8L (lossless).
    static func webpSize(_ reader: ByteReader) -> (width: Int, height: Int)? {
        let data = 20
        if reader.matches(Array("VP8X".utf8), at: 12) {
            guard let width = reader.uint24LE(at: data + 4), let height = reader.uint24LE(at: data + 7) else { return nil }
            return (width + 1, height + 1)
        }
        if reader.matches(Array("VP8 ".utf8), at: 12) {
            guard reader.matches([0x9D, 0x01, 0x2A], at: data + 3),
                let width = reader.uint16LE(at: data + 6), let height = reader.uint16LE(at: data + 8)
            else { return nil }
            return (width & 0x3FFF, height & 0x3FFF)
        }
        if reader.matches(Array("VP8L".utf8), at: 12) {
            guard reader.uint8(at: data) == 0x2F, let bits = reader.uint32LE(at: data + 1) else { return nil }
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        return nil
    }

    /// BMP: the DIB header follows the 14-byte file header; a negative height means top-down rows.
    /// The OS/2 header (12 bytes) has unsigned 16-bit sides, as OpenCV reads them.
    static func bmpSize(_ reader: ByteReader) -> (width: Int, height: Int)? {
        guard let headerSize = reader.uint32LE(at: 14) else { return nil }
        if headerSize == 12 {
            guard let width = reader.uint16LE(at: 18), let height = reader.uint16LE(at: 20) else { return nil }
            return (width, height)
        }
        guard headerSize >= 40, let width = reader.int32LE(at: 18), let height = reader.int32LE(at: 22) else {
            return nil
        }
        return (width, height == Int(Int32.min) ? 0 : abs(height))
    }
}
