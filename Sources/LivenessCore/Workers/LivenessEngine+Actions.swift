extension LivenessEngine {
    /// The action challenge's verdict on a clip's observations: the head pose of every frame against the clip's
    /// neutral start (fitted on a worker: `solvePnP` per frame), the mouth opening over the start's, the eye
    /// aspect ratio and the blink rule's blinks, judged by ``ActionVerifier``; with the clip's ``ClipFingerprint``.
    func verifyActions(
        _ challenge: ActionChallenge, clip: DecodedClip, observations: [FrameObservation], policy: BlinkPolicy
    ) async throws(LivenessError) -> ActionOutcome {
        let times = clip.times
        let width = clip.frames.first?.width ?? 0
        let height = clip.frames.first?.height ?? 0
        let estimator = policy.actions.pose
        let (poses, hashes) = try await perform { (_: WorkerModels) throws(LivenessError) -> ([HeadPose?], [UInt64]) in
            var hashes: [UInt64] = []
            for index in ClipFingerprint.hashedFrames(clip.frames.count) { hashes.append(try clip.frames[index].differenceHash()) }
            guard let model = estimator.neutralModel(observations, times: times, neutralEnd: challenge.neutralEnd) else {
                return (observations.map { _ in nil }, hashes)
            }
            let poses = estimator.poses(observations, model: model, width: width, height: height)
            return (estimator.relative(poses, neutral: observations.indices.filter { times[$0] < challenge.neutralEnd }), hashes)
        }
        let neutralMouths = observations.indices.filter { times[$0] < challenge.neutralEnd }.compactMap { observations[$0].mouth }
        let mouthBaseline = (neutralMouths.isEmpty ? observations.compactMap(\.mouth) : neutralMouths).upperMedian ?? 0
        let signals = observations.indices.map { index in
            ActionSignal(
                time: times[index], pose: poses[index], mouth: observations[index].mouth.map { $0 - mouthBaseline },
                ear: observations[index].ear)
        }
        let blinks = policy.rule.evaluate(observations.map(\.ear), fps: clip.fps).events.map { event in
            let closedTimes = event.closed.map { times[$0] }
            return ActionEvent(
                action: .blink, start: closedTimes.first ?? 0, end: closedTimes.last ?? 0,
                peakTime: closedTimes.reduce(0, +) / Double(max(closedTimes.count, 1)),
                peak: event.closed.compactMap { observations[$0].ear }.min() ?? 0, frames: event.closed.count)
        }
        let track = observations.map { $0.faceSize > 0 ? (centre: $0.faceCentre, size: $0.faceSize) : nil }
        var outcome = ActionVerifier(policy: policy.actions).verify(challenge, signals: signals, blinks: blinks, track: track)
        outcome.fingerprint = ClipFingerprint(hashes: hashes, trajectory: ClipFingerprint.trajectory(signals))
        return outcome
    }

}

extension Optional {
    /// `transform` applied to the wrapped value, awaited; nil stays nil.
    func asyncMap<T, E: Error>(_ transform: (Wrapped) async throws(E) -> T) async throws(E) -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
