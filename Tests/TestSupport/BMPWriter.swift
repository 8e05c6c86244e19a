/// Writes BGR pixels as an uncompressed 24-bit BMP (bottom-up rows padded to 4 bytes).
public enum BMPWriter {
    public static func encode(bgr pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        let rowBytes = (width * 3 + 3) / 4 * 4
        let imageBytes = rowBytes * height
        var out: [UInt8] = Array("BM".utf8)
        out += le32(54 + imageBytes) + le32(0) + le32(54)
        out += le32(40) + le32(width) + le32(height) + le16(1) + le16(24) + le32(0) + le32(imageBytes)
        out += le32(2835) + le32(2835) + le32(0) + le32(0)
        for row in (0..<height).reversed() {
            let start = row * width * 3
            out += pixels[start..<start + width * 3]
            out += [UInt8](repeating: 0, count: rowBytes - width * 3)
        }
        return out
    }

    public static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    public static func le16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
}
