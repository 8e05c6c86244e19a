import CLivenessCV

/// An 8-bit BGR image decoded by OpenCV, with EXIF orientation applied.
///
/// Owned by one worker thread; it is not `Sendable`.
public final class DecodedImage {
    let handle: OpaquePointer

    /// Decoded width, after EXIF rotation.
    public var width: Int { Int(lcv_image_width(handle)) }
    /// Decoded height, after EXIF rotation.
    public var height: Int { Int(lcv_image_height(handle)) }

    private init(handle: OpaquePointer) { self.handle = handle }

    /// Takes ownership of an image the bridge returned.
    convenience init(adopting handle: OpaquePointer) { self.init(handle: handle) }

    deinit { lcv_image_free(handle) }

    /// Decodes image bytes to the pixels OpenCV's `imdecode(IMREAD_COLOR)` returns.
    ///
    /// JPEGs go through TurboJPEG straight into BGR with the EXIF orientation read by ``ExifOrientation``
    /// (``ImageDecoder/automatic``); CMYK, truncated or corrupt JPEGs, EXIF that OpenCV might read otherwise,
    /// PNG, WebP and BMP go through OpenCV. Call ``ImageHeader/read(_:)`` and ``ImageLimits/check(_:)`` first: this function
    /// decodes whatever it is given.
    public static func decode(_ bytes: [UInt8], using decoder: ImageDecoder = .automatic) throws(LivenessError) -> DecodedImage {
        var handle: OpaquePointer?
        do {
            try BridgeError.check { error in
                bytes.withUnsafeBufferPointer { buffer in
                    if decoder == .automatic, let orientation = turboOrientation(bytes) {
                        let status = lcv_image_decode_jpeg(buffer.baseAddress, buffer.count, Int32(clamping: orientation), &handle, error)
                        // CMYK, truncated or corrupt: known only once libjpeg read it.
                        guard status == LCV_NOT_HANDLED else { return status }
                    }
                    return lcv_image_decode(buffer.baseAddress, buffer.count, &handle, error)
                }
            }
        } catch {
            if error.status == LCV_OUT_OF_MEMORY { throw .imageTooLarge("the image does not fit in memory") }
            throw .invalidImage("the image could not be decoded: \(error.message)")
        }
        guard let handle else { throw .invalidImage("the image could not be decoded") }
        return DecodedImage(handle: handle)
    }

    /// Whether ``ImageDecoder/automatic`` tries TurboJPEG on these bytes (it still leaves CMYK and corrupt data to
    /// OpenCV once libjpeg has read them).
    public static func triesTurboJPEG(_ bytes: [UInt8]) -> Bool { turboOrientation(bytes) != nil }

    /// The orientation TurboJPEG's decode applies, or nil when OpenCV decodes: not a JPEG, cut short (without
    /// EOI: libjpeg would warn at the end, and a second decode by OpenCV would follow), or EXIF whose reading by
    /// OpenCV is not certain.
    private static func turboOrientation(_ bytes: [UInt8]) -> Int? {
        let reader = ByteReader(bytes)
        guard ImageFormat.sniff(reader) == .jpeg, let structure = JPEGStructure(reader), structure.complete,
            case .value(let orientation) = ExifOrientation(structure, reader)
        else { return nil }
        return orientation
    }

    /// A uniform grey image, used to probe networks at startup.
    static func blank(width: Int, height: Int, grey: UInt8 = 128) throws(BridgeError) -> DecodedImage {
        var handle: OpaquePointer?
        try BridgeError.check { lcv_image_blank(Int32(width), Int32(height), grey, &handle, $0) }
        guard let handle else { throw BridgeError(status: LCV_INTERNAL, message: "no image returned") }
        return DecodedImage(handle: handle)
    }

    /// The BGR pixels, row-major, 3 bytes a pixel, without row padding.
    public func pixels() throws(LivenessError) -> [UInt8] {
        let count = width * height * 3
        var failure: BridgeError?
        let pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(BridgeError) {
                try BridgeError.check { lcv_image_copy_pixels(handle, buffer.baseAddress, count, $0) }
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure.internalError("copying the pixels") }
        return pixels
    }
}
