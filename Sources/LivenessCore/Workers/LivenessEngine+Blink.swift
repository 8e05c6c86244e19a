extension LivenessEngine {
    /// Whether the blink models are installed.
    public var supportsBlink: Bool { catalog.supportsBlink }

    /// Analyses a blink video: decode (rotation handled), eye openness per frame on all workers,
    /// the passive check on frames spread over the clip, then ``BlinkPolicy``.
    ///
    /// The clip is split into one contiguous segment per worker; each tracks the face through its
    /// segment, running the detector only at the start and when the track is lost. With a `reference`
    /// (a challenge bound to a selfie), each segment also takes face descriptors of a few open-eye frames
    /// for the same-face check (``FaceMatchPolicy``).
    ///
    /// - Throws: ``LivenessError`` `invalid_video`, `video_too_long`, `blink_unavailable`, `overloaded`.
    public func analyzeBlink(
        _ video: [UInt8], reference: FaceReference? = nil, limits: VideoLimits = VideoLimits(), policy: BlinkPolicy? = nil
    ) async throws(LivenessError) -> BlinkAnalysis {
        let policy = policy ?? blinkPolicy
        guard supportsBlink else {
            throw LivenessError(.blinkUnavailable, "the blink models are not installed; run scripts/fetch-models")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let clip = try await perform { (_: WorkerModels) throws(LivenessError) in try DecodedClip.decode(video, limits: limits) }
        let decoded = clock.now
        let count = clip.frames.count
        let segments = max(1, min(workerCount, count / 12))
        let sampleCount = Double(policy.passiveSamples)
        let samples = Set((0..<policy.passiveSamples).map { (index: Int) -> Int in Int((Double(index) + 0.5) * Double(count) / sampleCount) })
        let embedFrames = reference == nil ? 0 : policy.faceMatch.samples
        typealias Part = (segment: Int, observations: [FrameObservation], passive: [PassiveResult], embeddings: [FaceEmbedding])
        let parts = await withTaskGroup(of: Result<Part, LivenessError>.self) { group in
            for segment in 0..<segments {
                let range = (segment * count / segments)..<((segment + 1) * count / segments)
                group.addTask {
                    do throws(LivenessError) {
                        return .success(
                            try await self.perform { (models: WorkerModels) throws(LivenessError) in
                                guard let blink = models.blink else {
                                    throw LivenessError(.blinkUnavailable, "no blink models")
                                }
                                let observations = try blink.observe(clip.frames[range], detector: models.passive.detector)
                                var passive: [PassiveResult] = []
                                for index in range where samples.contains(index) {
                                    if let result = try models.passive.checkIfFace(clip.frames[index]) { passive.append(result) }
                                }
                                var embeddings: [FaceEmbedding] = []
                                if embedFrames > 0, let embedder = models.embedder {
                                    let share = (embedFrames * range.count + count - 1) / max(count, 1)
                                    for index in FaceMatchPolicy.pick(observations, count: share) {
                                        let frame = clip.frames[range.lowerBound + index]
                                        if let embedding = try BridgeError.domain(
                                            "the face descriptor",
                                            { () throws(BridgeError) in
                                                try embedder.embedIfAligned(frame, points: observations[index].alignment)
                                            })
                                        {
                                            embeddings.append(embedding)
                                        }
                                    }
                                }
                                return (segment, observations, passive, embeddings)
                            })
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: [Result<Part, LivenessError>]()) { $0.append($1) }
        }
        var collected: [Part] = []
        for part in parts { collected.append(try part.get()) }
        let ordered = collected.sorted { $0.segment < $1.segment }
        var analysis = policy.decide(
            observations: ordered.flatMap(\.observations), fps: clip.fps, passive: ordered.flatMap(\.passive),
            tooShort: clip.seconds < limits.minSeconds, reference: reference, embeddings: ordered.flatMap(\.embeddings))
        analysis.decodeSeconds = (decoded - start).seconds
        analysis.analysisSeconds = (clock.now - decoded).seconds
        return analysis
    }
}
