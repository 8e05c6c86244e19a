import CLivenessCV

/// Image-quality measurements of the classified face, for asking the user to retake a photo.
///
/// Measured on the face box: its shorter side in pixels, and on its grey version resized to 128x128,
/// the mean luma, the share of blown-out pixels and the variance of the Laplacian (sharpness).
public struct FaceQuality: Hashable, Sendable {
    /// The face box's shorter side, in image pixels.
    public var faceSize: Int
    /// Mean luma of the face, 0 (black) to 255 (white).
    public var brightness: Double
    /// Share of the face's pixels at luma 250 or above, 0...1.
    public var clipped: Double
    /// Variance of the Laplacian of the face at 128x128; higher is sharper.
    public var sharpness: Double
    /// True when the box touches the image's edge (within 2 pixels), so part of the face may be cut off.
    public var touchesEdge: Bool

    public init(faceSize: Int, brightness: Double, clipped: Double, sharpness: Double, touchesEdge: Bool) {
        self.faceSize = faceSize
        self.brightness = brightness
        self.clipped = clipped
        self.sharpness = sharpness
        self.touchesEdge = touchesEdge
    }

    /// Measures the face in `box` of `image`; the part of the box outside the image is left out.
    ///
    /// - Throws: ``LivenessError`` `internal_error` when the bridge fails (the clamped box always lies
    ///   inside the image, so that is a bug, not bad input).
    static func measure(_ image: DecodedImage, box: FaceBox) throws(LivenessError) -> FaceQuality {
        let left = min(max(box.x, 0), image.width - 1)
        let top = min(max(box.y, 0), image.height - 1)
        let right = max(min(box.x + box.width, image.width), left + 1)
        let bottom = max(min(box.y + box.height, image.height), top + 1)
        var measured = lcv_face_quality()
        try BridgeError.domain("measuring the face quality") { () throws(BridgeError) in
            try BridgeError.check { error in
                lcv_face_quality_measure(
                    image.handle, Int32(left), Int32(top), Int32(right - left), Int32(bottom - top), &measured, error)
            }
        }
        let margin = 2
        return FaceQuality(
            faceSize: min(box.width, box.height), brightness: measured.brightness, clipped: measured.clipped,
            sharpness: measured.sharpness,
            touchesEdge: box.x <= margin || box.y <= margin || box.x + box.width >= image.width - margin
                || box.y + box.height >= image.height - margin)
    }
}
