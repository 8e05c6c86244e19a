extension LivenessEngine {
    /// Whether challenges are bound to the selfie's face (the face-recognition and blink models are installed).
    public var supportsFaceMatch: Bool { catalog.supportsFaceMatch }

    /// The blink policy these settings imply (`FACE_MATCH_THRESHOLD`).
    public var blinkPolicy: BlinkPolicy {
        var policy = BlinkPolicy()
        policy.faceMatch = configuration.faceMatch
        return policy
    }

    /// Checks one encoded image, like ``check(_:)``. When the result needs the active check and
    /// `bindFace` is true, the same worker also takes the selfie's face descriptor (Face Mesh on the
    /// detected box, then the face-recognition network) for the challenge it opens: `.unavailable`
    /// when Face Mesh sees no face there. The reference is nil when no challenge is needed, or the
    /// models for binding are not installed.
    ///
    /// - Throws: ``LivenessError`` as ``check(_:)``.
    public func checkForChallenge(
        _ bytes: [UInt8], bindFace: Bool
    ) async throws(LivenessError) -> (result: PassiveResult, reference: FaceReference?) {
        try await submit(bytes) { models in
            let image = try DecodedImage.decode(bytes)
            let result = try models.passive.check(image)
            guard bindFace, result.requiresActiveCheck, let blink = models.blink, let embedder = models.embedder else {
                return (result, nil)
            }
            guard let points = blink.alignmentPoints(image, box: result.face.box),
                let embedding = try? embedder.embed(image, points: points)
            else { return (result, .unavailable) }
            return (result, .embedding(embedding))
        }
    }
}
