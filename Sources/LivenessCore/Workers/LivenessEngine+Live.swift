extension LivenessEngine {
    /// One live-session frame, observed on a worker: checked against `limits` before decoding, decoded, and its
    /// face tracked from `track` (the session's previous frame's mesh; the detector runs without one).
    ///
    /// With `embed`, the face's descriptor is taken too (when the face-recognition model is installed and the face
    /// aligns), for the same-face check (``LiveFaceCheck``); with `colour`, the face's and the background's colour
    /// (``LiveColour``), for the light check.
    ///
    /// - Returns: the frame for ``LiveSession/receive(_:)`` (with the given times) and the mesh to track from next.
    /// - Throws: ``LivenessError`` `image_too_large` or `invalid_image` for a bad frame, `blink_unavailable`
    ///   without Face Mesh, `overloaded` when the queue is full.
    public func observeLive(
        _ bytes: [UInt8], track: [Point3]?, captureTime: Double, arrivalTime: Double, limits: LiveFrameLimits = LiveFrameLimits(),
        embed: Bool = false, colour: Bool = false
    ) async throws(LivenessError) -> (frame: LiveFrame, mesh: [Point3]?) {
        guard supportsBlink else { throw LivenessError(.blinkUnavailable, "Face Mesh is not installed; run scripts/fetch-models") }
        _ = try limits.check(bytes)
        return try await perform { (models: WorkerModels) throws(LivenessError) -> (frame: LiveFrame, mesh: [Point3]?) in
            guard let blink = models.blink else { throw LivenessError(.blinkUnavailable, "no blink models") }
            let image = try DecodedImage.decode(bytes)
            let step = try blink.observe(image, track: track, detector: models.passive.detector)
            var frame = LiveFrame(
                observation: step.observation, width: image.width, height: image.height, captureTime: captureTime, arrivalTime: arrivalTime)
            if colour { frame.colour = try LiveColour.measure(image, step.observation) }
            if embed, let embedder = models.embedder, step.observation.alignment.count == 5 {
                frame.embedding = try Self.embed(embedder, image, step.observation)
            }
            return (frame, step.mesh)
        }
    }
}
