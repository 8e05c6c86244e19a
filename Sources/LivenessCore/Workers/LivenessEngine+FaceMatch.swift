extension LivenessEngine {
    /// Whether challenges are bound to the selfie's face (the face-recognition and blink models are installed).
    public var supportsFaceMatch: Bool { catalog.supportsFaceMatch }

    /// The blink policy these settings imply (`FACE_MATCH_THRESHOLD`, the `ACTION_*` thresholds).
    public var blinkPolicy: BlinkPolicy {
        var policy = BlinkPolicy()
        policy.faceMatch = configuration.faceMatch
        policy.actions = configuration.actions
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
        try await submit(bytes) { (models: WorkerModels) throws(LivenessError) in
            let image = try DecodedImage.decode(bytes)
            let result = try models.passive.check(image)
            guard bindFace, result.requiresActiveCheck else { return (result, nil) }
            return (result, try models.reference(image, box: result.face.box))
        }
    }

    /// Seconds per face embedding of the selfie `bytes` (the chip cut once, the network run `runs` times on one
    /// worker), for `liveness bench`.
    public func faceEmbeddingSeconds(_ bytes: [UInt8], runs: Int) async throws(LivenessError) -> [Double] {
        try await submit(bytes) { (models: WorkerModels) throws(LivenessError) in
            let image = try DecodedImage.decode(bytes)
            let result = try models.passive.check(image)
            let unavailable = LivenessError(.blinkUnavailable, "no face landmarks or no face-recognition model")
            guard let blink = models.blink, let embedder = models.embedder else { throw unavailable }
            let seconds = try BridgeError.domain("the face descriptor") { () throws(BridgeError) -> [Double]? in
                guard let points = try blink.alignmentPoints(image, box: result.face.box) else { return nil }
                let chip = try FaceEmbedder.chip(image, points: points)
                let clock = ContinuousClock()
                var seconds: [Double] = []
                for _ in 0..<max(1, runs) {
                    let start = clock.now
                    _ = try embedder.embed(chip: chip)
                    seconds.append(start.duration(to: clock.now).seconds)
                }
                return seconds
            }
            guard let seconds else { throw unavailable }
            return seconds
        }
    }

    /// The face descriptor of the selfie `bytes`, as a challenge stores it (``checkForChallenge(_:bindFace:)``),
    /// whatever its passive result: for `liveness blink --reference`.
    ///
    /// - Throws: ``LivenessError`` as ``check(_:)``, and `blink_unavailable` without the models for binding.
    public func faceReference(_ bytes: [UInt8]) async throws(LivenessError) -> FaceReference {
        guard supportsFaceMatch else {
            throw LivenessError(
                .blinkUnavailable, "the face-recognition model is not installed; run scripts/fetch-models")
        }
        return try await submit(bytes) { (models: WorkerModels) throws(LivenessError) in
            let image = try DecodedImage.decode(bytes)
            let result = try models.passive.check(image)
            return try models.reference(image, box: result.face.box) ?? .unavailable
        }
    }
}
