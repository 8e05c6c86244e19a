import CLivenessCV

extension DecodedImage {
    /// The mean red, green and blue levels (0–255) of the rectangle, clamped to the image.
    public func meanColour(x: Int, y: Int, width: Int, height: Int) throws(LivenessError) -> RGB {
        var bgr = [0.0, 0.0, 0.0]
        try BridgeError.domain("measuring a region's colour") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_region_mean(handle, Int32(x), Int32(y), Int32(width), Int32(height), &bgr, $0) }
        }
        return RGB(red: bgr[2], green: bgr[1], blue: bgr[0])
    }

    /// Blends `rgb` (0xRRGGBB) into the polygon, or the whole image without one, with weight `alpha`.
    public func tint(_ polygon: [Point] = [], rgb: UInt32, alpha: Double) throws(LivenessError) {
        let values = polygon.flatMap { [$0.x, $0.y] }
        try BridgeError.domain("tinting") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_tint(handle, values, Int32(polygon.count), rgb, alpha, $0) }
        }
    }
}
