/// The largest image the service will decode, checked on the header before any pixel is decoded, and what
/// bounds a JPEG's decoding time and memory.
///
/// A 429-byte PNG can declare 30000 x 30000 pixels, and a complete, highly compressible one of
/// about 2.6 MB decodes to 2.7 GB. A progressive JPEG that repeats a tiny scan thousands of times makes
/// the decoder pass over the whole image for each one: minutes of work from a megabyte. The guard refuses
/// such files before the decoder allocates. Behind it, the decoder itself refuses any image buffer larger
/// than ``decoderBytes`` (see ``LivenessEngine``).
public struct ImageLimits: Hashable, Sendable {
    /// The longest side allowed, in pixels. Default 10000.
    public var maxSide: Int
    /// The largest area allowed, in pixels. Default 40 megapixels.
    public var maxPixels: Int
    /// The most JPEG scans. Cameras write 1 (baseline) to about 10 (progressive); libjpeg-turbo's
    /// `-maxscans` exists for this attack. Default 32.
    public var maxScans: Int
    /// The most scans × pixels: each scan is a pass over the image. Default 400 M (10 scans of 40 MP).
    public var maxScanPixels: Int
    /// The largest coefficient buffer of a progressive JPEG, in bytes. Default 128 MiB (a 4:2:0 image
    /// of about 40 MP, a 4:4:4 one of about 22 MP).
    public var maxCoefficientBytes: Int

    public init(
        maxSide: Int = 10_000, maxPixels: Int = 40_000_000, maxScans: Int = 32, maxScanPixels: Int = 400_000_000,
        maxCoefficientBytes: Int = 128 << 20
    ) {
        self.maxSide = maxSide
        self.maxPixels = maxPixels
        self.maxScans = maxScans
        self.maxScanPixels = maxScanPixels
        self.maxCoefficientBytes = maxCoefficientBytes
    }

    /// The largest single image buffer the decoder may allocate: a 3-channel image of `maxPixels`, with room
    /// for row padding.
    public var decoderBytes: Int { maxPixels * 3 + (16 << 20) }

    /// Throws `image_too_large` when the header's size exceeds the limits, `image_too_complex` for too many
    /// scans or arithmetic coding, and `invalid_image` for a JPEG with more than one frame header (libjpeg refuses those too).
    public func check(_ header: ImageHeader) throws(LivenessError) {
        guard header.frames == 1 else { throw .invalidImage("the JPEG has \(header.frames) frame headers; one is allowed") }
        // A progressive arithmetic-coded JPEG within every other limit took 2.1–3.9 s to decode (third probe); no
        // camera or browser writes arithmetic coding.
        if header.arithmetic {
            throw LivenessError(.imageTooComplex, "arithmetic-coded JPEGs are not accepted; send a baseline or progressive (Huffman) JPEG")
        }
        // Sides up to 2^32 - 1 (PNG): the area is computed only once each side is known to be small.
        let side = max(header.width, header.height)
        if side > maxSide || header.width * header.height > maxPixels {
            throw .imageTooLarge(
                "the image is \(header.width)x\(header.height); the limit is \(maxSide) px a side and \(maxPixels / 1_000_000) megapixels"
            )
        }
        if header.coefficientBytes > maxCoefficientBytes {
            throw .imageTooLarge(
                "the progressive JPEG of \(header.width)x\(header.height) needs \(header.coefficientBytes >> 20) MiB to decode; the limit is \(maxCoefficientBytes >> 20) MiB"
            )
        }
        let (scanPixels, overflow) = header.scans.multipliedReportingOverflow(by: header.width * header.height)
        if header.scans > maxScans || overflow || scanPixels > maxScanPixels {
            throw LivenessError(
                .imageTooComplex,
                "the JPEG has \(header.scans) scans of \(header.width)x\(header.height); the limit is \(maxScans) scans and \(maxScanPixels / 1_000_000) megapixel-scans"
            )
        }
    }
}
