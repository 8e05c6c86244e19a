/// The format and the declared size of an image, read from its header without decoding it.
public struct ImageHeader: Hashable, Sendable {
    public let format: ImageFormat
    /// Width as stored (before any EXIF rotation).
    public let width: Int
    /// Height as stored (before any EXIF rotation).
    public let height: Int
    /// JPEG: the start-of-scan markers (each one a pass of the decoder over the image). 1 otherwise.
    public let scans: Int
    /// JPEG: the frame headers (a valid file has one). 1 otherwise.
    public let frames: Int
    /// Progressive JPEG: the bytes of the coefficient buffer the decoder holds. 0 otherwise.
    public let coefficientBytes: Int
    /// JPEG: arithmetic-coded (SOF9–SOF15), which libjpeg decodes several times slower than Huffman coding.
    public let arithmetic: Bool

    public init(
        format: ImageFormat, width: Int, height: Int, scans: Int = 1, frames: Int = 1, coefficientBytes: Int = 0, arithmetic: Bool = false
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.scans = scans
        self.frames = frames
        self.coefficientBytes = coefficientBytes
        self.arithmetic = arithmetic
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
        case .jpeg: return try jpeg(reader)
        case .png: size = pngSize(reader)
        case .webp: size = webpSize(reader)
        case .bmp: size = bmpSize(reader)
        }
        guard let size, size.width > 0, size.height > 0 else {
            throw .invalidImage("the \(format.rawValue.uppercased()) header is truncated or invalid")
        }
        return ImageHeader(format: format, width: size.width, height: size.height)
    }

    /// JPEG: the largest frame header libjpeg would see, with the scan count.
    private static func jpeg(_ reader: ByteReader) throws(LivenessError) -> ImageHeader {
        guard let structure = JPEGStructure(reader), let frame = structure.largestFrame, frame.width > 0, frame.height > 0 else {
            throw .invalidImage("the JPEG header is truncated or invalid")
        }
        return ImageHeader(
            format: .jpeg, width: frame.width, height: frame.height, scans: structure.scans,
            frames: structure.frames.count, coefficientBytes: frame.isProgressive ? frame.coefficientBytes : 0,
            arithmetic: structure.frames.contains(where: \.isArithmetic))
    }
}
