/// What a live session's frame may be: a JPEG of at most ``maxBytes`` bytes and ``maxSide`` pixels a side
/// (a camera frame of about 640x480 fits with room), checked on the header before any pixel is decoded, plus
/// the image guard's own scan and complexity limits.
public struct LiveFrameLimits: Hashable, Sendable {
    public var maxBytes = 400_000
    public var maxSide = 1280

    public init() {}

    /// The image guard's limits for a frame.
    public var image: ImageLimits { ImageLimits(maxSide: maxSide, maxPixels: maxSide * maxSide * 3 / 4, maxScans: 12) }

    /// Throws `image_too_large` for a frame over the limits and `invalid_image` for one that is not a JPEG.
    public func check(_ bytes: [UInt8]) throws(LivenessError) -> ImageHeader {
        guard bytes.count <= maxBytes else { throw .imageTooLarge("a live frame is at most \(maxBytes) bytes (got \(bytes.count))") }
        let header = try ImageHeader.read(bytes)
        guard header.format == .jpeg else { throw .invalidImage("a live frame is a JPEG (got \(header.format.rawValue))") }
        try image.check(header)
        return header
    }
}
