/// The largest image the service will decode, checked on the header before any pixel is decoded.
///
/// A 429-byte PNG can declare 30000 x 30000 pixels, and a complete, highly compressible one of
/// about 2.6 MB decodes to 2.7 GB. The guard refuses such files before the decoder allocates.
public struct ImageLimits: Hashable, Sendable {
    /// The longest side allowed, in pixels. Default 10000.
    public var maxSide: Int
    /// The largest area allowed, in pixels. Default 40 megapixels.
    public var maxPixels: Int

    public init(maxSide: Int = 10_000, maxPixels: Int = 40_000_000) {
        self.maxSide = maxSide
        self.maxPixels = maxPixels
    }

    /// Throws `image_too_large` when the header's size exceeds the limits.
    public func check(_ header: ImageHeader) throws(LivenessError) {
        let side = max(header.width, header.height)
        if side > maxSide || header.width * header.height > maxPixels {
            throw .imageTooLarge(
                "the image is \(header.width)x\(header.height); the limit is \(maxSide) px a side and \(maxPixels / 1_000_000) megapixels"
            )
        }
    }
}
