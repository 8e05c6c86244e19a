/// Turns per-frame observations and sampled passive results into the blink decision.
///
/// `active_passed` needs all of: at least one blink; a passive verdict over the sampled frames that
/// is not fake (a replayed screen or a print); and a face that moves (a still photo held in front
/// of the camera is near-static). Faces must be found in most frames. A challenge bound to a selfie
/// also needs the selfie's face, the same through the whole clip and through each blink (``FaceMatchPolicy``).
/// An action challenge replaces the blink with its actions (``ActionVerifier``).
public struct BlinkPolicy: Hashable, Sendable {
    public var rule = BlinkRule()
    /// Median frame-to-frame movement below this (in eye distances) counts as a still image.
    public var minimumMotion = 0.0015
    /// Frames sampled for the passive check.
    public var passiveSamples = 5
    /// The same-face check of bound challenges.
    public var faceMatch = FaceMatchPolicy()
    /// How an action challenge's movements are judged.
    public var actions = ActionPolicy()

    public init() {}

    /// The indices of the ``passiveSamples`` frames of a `frames`-frame clip that get the passive check: the
    /// middles of equal parts of the clip.
    public func passiveSampleIndices(frames: Int) -> Set<Int> {
        Set((0..<passiveSamples).map { Int((Double($0) + 0.5) * Double(frames) / Double(passiveSamples)) })
    }

    /// For an action challenge, the frames sampled for the passive check lie in the neutral start (before
    /// `neutralEnd` seconds), where the face looks at the camera as in a selfie; the whole clip when the
    /// start holds fewer frames than samples.
    public func passiveSampleIndices(frames: Int, fps: Double, neutralEnd: Double) -> Set<Int> {
        let neutral = min(frames, Int(neutralEnd * fps))
        guard neutral >= passiveSamples else { return passiveSampleIndices(frames: frames) }
        return passiveSampleIndices(frames: neutral)
    }

    public func decide(
        observations: [FrameObservation], fps: Double, passive: [PassiveResult], tooShort: Bool,
        reference: FaceReference? = nil, embeddings: [FaceEmbedding] = [], blinkFaces: [BlinkFaces] = [],
        actions: ActionOutcome? = nil, actionPeaks: [FaceEmbedding?] = []
    ) -> BlinkAnalysis {
        let ears = observations.map(\.ear)
        let faceFrames = ears.compactMap { $0 }.count
        let outcome = rule.evaluate(ears, fps: fps)
        let motion = Self.motion(observations)
        let summary = Self.summary(passive)
        var reasons: [Reason] = []
        if tooShort { reasons.append(.videoTooShort) }
        if faceFrames * 2 < observations.count { reasons.append(.faceNotFound) }
        // An action challenge asks for a blink only as one of its actions (then `action_missing`).
        if outcome.blinks == 0 && actions == nil { reasons.append(.noBlink) }
        if summary?.label == .fake { reasons.append(.passiveFake) }
        if faceFrames > 1 && motion < minimumMotion { reasons.append(.staticVideo) }
        let match = reference.map { faceMatch.decide(reference: $0, frames: embeddings, blinks: blinkFaces, actionPeaks: actionPeaks) }
        reasons += match?.reasons ?? []
        reasons += actions?.reasons ?? []
        var analysis = BlinkAnalysis(
            activePassed: reasons.isEmpty && summary != nil, blinkCount: outcome.blinks, framesAnalyzed: observations.count,
            faceFrames: faceFrames, reasons: reasons, passive: summary, fps: fps, motion: motion,
            earBaseline: outcome.baseline, earMinimum: outcome.minimum, ears: ears, faceMatch: match?.match)
        analysis.actions = actions
        return analysis
    }

    /// The median, over consecutive frames that both have a face, of the mean key-point movement
    /// divided by the eye distance.
    static func motion(_ observations: [FrameObservation]) -> Double {
        var moves: [Double] = []
        for (previous, next) in zip(observations, observations.dropFirst())
        where !previous.keyPoints.isEmpty && !next.keyPoints.isEmpty && next.eyeDistance > 0 {
            let total = zip(previous.keyPoints, next.keyPoints).reduce(0) { $0 + $1.0.distance(to: $1.1) }
            moves.append(total / Double(next.keyPoints.count) / next.eyeDistance)
        }
        guard !moves.isEmpty else { return 0 }
        return moves.sorted()[moves.count / 2]
    }

    /// All sampled frames' classifier outputs combined, as the passive check combines its models.
    static func summary(_ results: [PassiveResult]) -> BlinkAnalysis.PassiveSummary? {
        let scores = results.flatMap(\.models)
        guard !scores.isEmpty else { return nil }
        let combined = CombinedScore(scores)
        return .init(
            label: combined.label, confidenceScore: combined.score, realProbability: combined.realProbability,
            framesChecked: results.count)
    }
}
