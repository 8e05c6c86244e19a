/// The image container formats the service accepts.
///
/// OpenCV can decode more (TIFF, PPM, JPEG 2000, ...), but every format accepted is attack
/// surface, and each one needs a header parser for the size guard. These four cover what
/// phones and browsers send.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg
    case png
    case webp
    case bmp

    /// Identifies the format from the first bytes, or returns nil.
    public static func sniff(_ bytes: ByteReader) -> ImageFormat? {
        if bytes.matches([0xFF, 0xD8, 0xFF], at: 0) { return .jpeg }
        if bytes.matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) { return .png }
        if bytes.matches(Array("RIFF".utf8), at: 0) && bytes.matches(Array("WEBP".utf8), at: 8) { return .webp }
        if bytes.matches(Array("BM".utf8), at: 0) { return .bmp }
        return nil
    }
}
