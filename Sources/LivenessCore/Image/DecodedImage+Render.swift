import CLivenessCV

extension DecodedImage {
    /// Delaunay triangles over `points` (each inside a `width` x `height` image), as index triples.
    public static func triangulate(_ points: [Point], width: Int, height: Int) throws(LivenessError) -> [Int32] {
        let values = points.flatMap { [$0.x, $0.y] }
        var triangles = [Int32](repeating: 0, count: 6 * points.count * 3)
        var count: Int32 = 0
        try BridgeError.domain("triangulating") { () throws(BridgeError) in
            try BridgeError.check { error in
                lcv_triangulate(values, Int32(points.count), Int32(width), Int32(height), &triangles, Int32(triangles.count), &count, error)
            }
        }
        return Array(triangles.prefix(Int(count) * 3))
    }

    /// A copy with each triangle (index triples into the points, drawn in order) warped from `from` to `to`.
    public func warped(from: [Point], to: [Point], triangles: [Int32]) throws(LivenessError) -> DecodedImage {
        let source = from.flatMap { [$0.x, $0.y] }
        let target = to.flatMap { [$0.x, $0.y] }
        var out: OpaquePointer?
        try BridgeError.domain("warping the face") { () throws(BridgeError) in
            try BridgeError.check { error in
                lcv_warp_triangles(handle, source, target, Int32(from.count), triangles, Int32(triangles.count / 3), &out, error)
            }
        }
        guard let out else { throw LivenessError(.internalError, "warping the face gave no image") }
        return DecodedImage(adopting: out)
    }

    /// Fills the polygon through `points` with the colour `rgb` (0xRRGGBB).
    public func fillPolygon(_ points: [Point], rgb: UInt32) throws(LivenessError) {
        let values = points.flatMap { [$0.x, $0.y] }
        try BridgeError.domain("filling a polygon") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_fill_polygon(handle, values, Int32(points.count), rgb, $0) }
        }
    }

    /// Adds Gaussian sensor noise of `sigma` grey levels, the same for the same `seed`.
    public func addNoise(seed: UInt64, sigma: Double) throws(LivenessError) {
        try BridgeError.domain("adding noise") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_add_noise(handle, seed, sigma, $0) }
        }
    }

    /// The image's 64-bit difference hash (``ClipFingerprint``).
    public func differenceHash() throws(LivenessError) -> UInt64 {
        var hash: UInt64 = 0
        try BridgeError.domain("hashing a frame") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_dhash(handle, &hash, $0) }
        }
        return hash
    }

    /// The I420 planes of the image (even sides only): a Y4M frame's bytes.
    public func i420() throws(LivenessError) -> [UInt8] {
        let count = width * height * 3 / 2
        var planes = [UInt8](repeating: 0, count: count)
        try BridgeError.domain("converting to I420") { () throws(BridgeError) in
            try BridgeError.check { lcv_image_i420(handle, &planes, count, $0) }
        }
        return planes
    }
}
