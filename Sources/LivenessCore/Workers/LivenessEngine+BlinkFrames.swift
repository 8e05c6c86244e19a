extension LivenessEngine {
    /// One worker's share of a blink clip: the frames of `segment` (of `segments` contiguous parts), tracked
    /// through the segment with the detector run only at its start and when the track is lost; the passive
    /// check on the frames in `samples`; and descriptors of up to its share of `embedFrames` open-eye frames.
    func observe(
        _ clip: DecodedClip, segment: Int, of segments: Int, samples: Set<Int>, embedFrames: Int
    ) async throws(LivenessError) -> SegmentObservation {
        let count = clip.frames.count
        let range = (segment * count / segments)..<((segment + 1) * count / segments)
        return try await perform { (models: WorkerModels) throws(LivenessError) in
            guard let blink = models.blink else { throw LivenessError(.blinkUnavailable, "no blink models") }
            let observations = try blink.observe(clip.frames[range], detector: models.passive.detector)
            var passive: [PassiveResult] = []
            for index in range where samples.contains(index) {
                if let result = try models.passive.checkIfFace(clip.frames[index]) { passive.append(result) }
            }
            var embeddings: [FaceEmbedding] = []
            if embedFrames > 0, let embedder = models.embedder {
                let share = (embedFrames * range.count + count - 1) / max(count, 1)
                for index in FaceMatchPolicy.pick(observations, count: share) {
                    if let embedding = try Self.embed(embedder, clip.frames[range.lowerBound + index], observations[index]) {
                        embeddings.append(embedding)
                    }
                }
            }
            return SegmentObservation(segment: segment, observations: observations, passive: passive, embeddings: embeddings)
        }
    }

    /// Descriptors of every frame of each blink `policy` counts in `observations` (the open frame before, the
    /// closed frames, the open frame after), spread over the workers. Frames past the policy's
    /// `maxBlinkFrames` are not embedded, so their blinks stay incomplete and cannot pass.
    func embedBlinks(_ clip: DecodedClip, observations: [FrameObservation], policy: BlinkPolicy) async throws(LivenessError) -> [BlinkFaces] {
        let events = policy.rule.evaluate(observations.map(\.ear), fps: clip.fps).events
        var frames: [Int] = []
        for event in events where frames.count + event.frames.count <= policy.faceMatch.maxBlinkFrames {
            frames += event.frames
        }
        let embeddings = try await embed(clip, observations: observations, frames: frames)
        return events.map { event in BlinkFaces(event: event, embeddings: embeddings.filter { event.frames.contains($0.key) }) }
    }

    /// Descriptors of the faces of `frames` (indices into `clip`), spread over the workers; frames whose points
    /// are degenerate are left out.
    func embed(_ clip: DecodedClip, observations: [FrameObservation], frames: [Int]) async throws(LivenessError) -> [Int: FaceEmbedding] {
        let shares = max(1, min(workerCount, frames.count))
        let found = await withTaskGroup(of: Result<[Int: FaceEmbedding], LivenessError>.self) { group in
            for share in 0..<shares {
                let mine = Array(frames[(share * frames.count / shares)..<((share + 1) * frames.count / shares)])
                group.addTask {
                    do throws(LivenessError) {
                        return .success(
                            try await self.perform { (models: WorkerModels) throws(LivenessError) in
                                guard let embedder = models.embedder else { return [:] }
                                var embeddings: [Int: FaceEmbedding] = [:]
                                for index in mine {
                                    embeddings[index] = try Self.embed(embedder, clip.frames[index], observations[index])
                                }
                                return embeddings
                            })
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: [Result<[Int: FaceEmbedding], LivenessError>]()) { $0.append($1) }
        }
        var embeddings: [Int: FaceEmbedding] = [:]
        for result in found { embeddings.merge(try result.get()) { first, _ in first } }
        return embeddings
    }

    /// The descriptor of `frame`'s face aligned on `observation`'s points; nil when they are degenerate.
    static func embed(_ embedder: FaceEmbedder, _ frame: DecodedImage, _ observation: FrameObservation) throws(LivenessError)
        -> FaceEmbedding?
    {
        try BridgeError.domain("the face descriptor") { () throws(BridgeError) in try embedder.embedIfAligned(frame, points: observation.alignment) }
    }
}
