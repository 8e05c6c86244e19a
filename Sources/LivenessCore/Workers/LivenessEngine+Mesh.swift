extension LivenessEngine {
    /// The Face Mesh points (with depth, in image pixels) of the largest face in an encoded image, or nil when
    /// no face is found; the test-clip renderer's input.
    ///
    /// - Throws: ``LivenessError`` as ``check(_:)`` for the image, `blink_unavailable` without Face Mesh.
    public func faceMesh(_ bytes: [UInt8]) async throws(LivenessError) -> [Point3]? {
        guard supportsBlink else { throw LivenessError(.blinkUnavailable, "Face Mesh is not installed; run scripts/fetch-models") }
        return try await perform { (models: WorkerModels) throws(LivenessError) -> [Point3]? in
            guard let blink = models.blink else { throw LivenessError(.blinkUnavailable, "no blink models") }
            let image = try DecodedImage.decode(bytes)
            guard let face = try models.passive.detector.detect(image) else { return nil }
            return try BridgeError.domain("the face mesh") { () throws(BridgeError) in try blink.detectLandmarks(image, box: face.box) }
        }
    }
}
