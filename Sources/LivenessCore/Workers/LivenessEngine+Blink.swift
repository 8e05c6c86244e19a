extension LivenessEngine {
    /// Whether the blink models are installed.
    public var supportsBlink: Bool { catalog.supportsBlink }

    /// Analyses a challenge video: decode (rotation handled), eye openness per frame on all workers,
    /// the passive check on frames spread over the clip (over the neutral start for an action challenge),
    /// then ``BlinkPolicy``. With `actions`, head pose and mouth per frame judged by ``ActionVerifier``
    /// (``verifyActions(_:clip:observations:policy:)``) replace the blink.
    ///
    /// The clip is split into one contiguous segment per worker (``observe(_:segment:of:samples:embedFrames:)``).
    /// With a `reference` (a challenge bound to a selfie), each segment also takes face descriptors of a few
    /// open-eye frames, and a second pass takes those of every counted blink's frames
    /// (``embedBlinks(_:observations:policy:)``) for the same-face check (``FaceMatchPolicy``).
    ///
    /// - Throws: ``LivenessError`` `invalid_video`, `video_too_long`, `blink_unavailable`, `overloaded`.
    public func analyzeBlink(
        _ video: [UInt8], reference: FaceReference? = nil, actions challenge: ActionChallenge? = nil, limits: VideoLimits = VideoLimits(),
        policy: BlinkPolicy? = nil
    ) async throws(LivenessError) -> BlinkAnalysis {
        let policy = policy ?? blinkPolicy
        guard supportsBlink else {
            throw LivenessError(.blinkUnavailable, "the blink models are not installed; run scripts/fetch-models")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (clip, signals) = try await perform { (_: WorkerModels) throws(LivenessError) in
            let clip = try DecodedClip.decode(video, limits: limits)
            return (clip, VideoSignals(video, clip: clip))
        }
        let decoded = clock.now
        // An action clip's faces are compared on near-neutral frames, chosen once the poses are known.
        let embedFrames = reference == nil || challenge != nil ? 0 : policy.faceMatch.samples
        let samples =
            challenge.map { policy.passiveSampleIndices(frames: clip.frames.count, fps: clip.fps, neutralEnd: $0.neutralEnd) }
            ?? policy.passiveSampleIndices(frames: clip.frames.count)
        let ordered = try await observeSegments(clip, samples: samples, embedFrames: embedFrames)
        let observations = ordered.flatMap(\.observations)
        let actions = try await challenge.asyncMap { challenge throws(LivenessError) in
            try await verifyActions(challenge, clip: clip, observations: observations, policy: policy)
        }
        let blinkFaces =
            reference != nil ? try await embedBlinks(clip, observations: observations, policy: policy) : []
        var embeddings = ordered.flatMap(\.embeddings)
        var actionPeaks: [FaceEmbedding?] = []
        if reference != nil, let actions {
            // Near-neutral frames for the match; each movement's peak frame against the selfie too.
            let neutral = policy.actions.neutralFrames(actions.signals, count: policy.faceMatch.samples)
            let peaks = actions.events.filter(\.action.isMovement).compactMap { event in
                actions.signals.firstIndex { $0.time == event.peakTime }
            }
            let found = try await embed(clip, observations: observations, frames: neutral + peaks)
            embeddings = neutral.compactMap { found[$0] }
            actionPeaks = peaks.map { found[$0] }
        }
        var analysis = policy.decide(
            observations: observations, fps: clip.fps, passive: ordered.flatMap(\.passive), tooShort: clip.seconds < limits.minSeconds,
            reference: reference, embeddings: embeddings, blinkFaces: blinkFaces, actions: actions,
            actionPeaks: actionPeaks)
        analysis.signals = signals
        analysis.decodeSeconds = (decoded - start).seconds
        analysis.analysisSeconds = (clock.now - decoded).seconds
        return analysis
    }

    /// Observes `clip` in one contiguous segment per worker (at least 12 frames each), in parallel, and returns the
    /// segments in order: eye openness per frame, the passive check on `samples`, and up to `embedFrames` face
    /// descriptors per segment.
    private func observeSegments(
        _ clip: DecodedClip, samples: Set<Int>, embedFrames: Int
    ) async throws(LivenessError) -> [SegmentObservation] {
        let segments = max(1, min(workerCount, clip.frames.count / 12))
        let parts = await withTaskGroup(of: Result<SegmentObservation, LivenessError>.self) { group in
            for segment in 0..<segments {
                group.addTask {
                    do throws(LivenessError) {
                        return .success(try await self.observe(clip, segment: segment, of: segments, samples: samples, embedFrames: embedFrames))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: [Result<SegmentObservation, LivenessError>]()) { $0.append($1) }
        }
        var collected: [SegmentObservation] = []
        for part in parts { collected.append(try part.get()) }
        return collected.sorted { $0.segment < $1.segment }
    }
}
