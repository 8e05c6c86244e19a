import CLivenessCV

extension DecodedImage {
    /// Draws `box` with `caption` in the colour `rgb` (0xRRGGBB) and returns the picture as JPEG bytes.
    public func annotatedJPEG(box: FaceBox, caption: String, rgb: UInt32) throws(LivenessError) -> [UInt8] {
        try Self.takeBuffer("annotating the image") { buffer, count, error in
            lcv_image_annotate_jpeg(
                handle, Int32(box.x), Int32(box.y), Int32(box.width), Int32(box.height), caption, rgb, buffer, count, error)
        }
    }

    /// The image encoded as `format` (`png`, `jpg`, `webp`, `bmp`) by OpenCV.
    public func encoded(as format: String) throws(LivenessError) -> [UInt8] {
        try Self.takeBuffer("encoding the image") { buffer, count, error in lcv_image_encode(handle, ".\(format)", buffer, count, error) }
    }

    /// Draws a line from (`x1`, `y1`) to (`x2`, `y2`) in the colour `rgb` (0xRRGGBB), `width` pixels wide.
    public func drawLine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, rgb: UInt32, width: Int) throws(LivenessError) {
        try BridgeError.domain("drawing a line") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_draw_line(handle, x1, y1, x2, y2, rgb, Int32(width), $0) }
        }
    }

    /// Draws `text` (non-ASCII characters as `?`) with its baseline starting at (`x`, `y`), `scale` times
    /// OpenCV's simplex font, in the colour `rgb`.
    public func drawText(_ text: String, x: Double, y: Double, scale: Double, rgb: UInt32) throws(LivenessError) {
        let ascii = String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
        try BridgeError.domain("drawing text") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_draw_text(handle, x, y, ascii, scale, rgb, $0) }
        }
    }

    /// A `width` x `height` image of one grey level (test inputs, probes).
    public static func uniform(width: Int, height: Int, grey: UInt8 = 128) throws(LivenessError) -> DecodedImage {
        try BridgeError.domain("making an image") { () throws(BridgeError) in try blank(width: width, height: height, grey: grey) }
    }

    /// The image encoded as a progressive JPEG (libjpeg's default scan script).
    public func progressiveJPEG() throws(LivenessError) -> [UInt8] {
        try Self.takeBuffer("encoding a progressive JPEG") { buffer, count, error in
            lcv_image_encode_progressive_jpeg(handle, buffer, count, error)
        }
    }

    /// Calls a bridge function that returns a malloc'd buffer, copies it out and frees it.
    private static func takeBuffer(
        _ stage: String,
        _ call: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<lcv_error>) -> lcv_status
    ) throws(LivenessError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var count = 0
        try BridgeError.domain(stage) { () throws(BridgeError) in try BridgeError.check { error in call(&buffer, &count, error) } }
        guard let buffer else { return [] }
        defer { lcv_buffer_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }
}
