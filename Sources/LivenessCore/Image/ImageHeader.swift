/// The format and the declared size of an image, read from its header without decoding it.
public struct ImageHeader: Hashable, Sendable {
    public let format: ImageFormat
    /// Width as stored (before any EXIF rotation).
    public let width: Int
    /// Height as stored (before any EXIF rotation).
    public let height: Int

    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Reads the header of a JPEG, PNG, WebP or BMP file.
    ///
    /// - Throws: ``LivenessError`` `invalid_request` for empty input, `invalid_image` for
    ///   unknown formats and headers that are cut short or inconsistent.
    public static func read(_ bytes: [UInt8]) throws(LivenessError) -> ImageHeader {
        guard !bytes.isEmpty else { throw .invalidRequest("the image is empty") }
        let reader = ByteReader(bytes)
        guard let format = ImageFormat.sniff(reader) else {
            throw .invalidImage("the data is not a JPEG, PNG, WebP or BMP image")
        }
        let size: (width: Int, height: Int)?
        switch format {
        case .jpeg: size = jpegSize(reader)
        case .png: size = pngSize(reader)
        case .webp: size = webpSize(reader)
        case .bmp: size = bmpSize(reader)
        }
        guard let size, size.width > 0, size.height > 0 else {
            throw .invalidImage("the \(format.rawValue.uppercased()) header is truncated or invalid")
        }
        return ImageHeader(format: format, width: size.width, height: size.height)
    }
}
