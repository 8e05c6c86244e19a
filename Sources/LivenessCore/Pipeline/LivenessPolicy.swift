/// Turns classifier scores and face counts into a decision. Its defaults are the service's: ``PassiveConfiguration``
/// sets it from the settings of the models group in LivenessServer (`CONFIDENCE_THRESHOLD`, `ACTIVE_CHECK_POLICY`,
/// `SMALL_FACE_RECOVERY`).
public struct LivenessPolicy: Hashable, Sendable {
    /// Below this score the result is inconclusive and an active check is required.
    public var confidenceThreshold = 0.85
    /// The detector confidence a face needs, fixed by the reference service.
    public var faceThreshold: Float = 0.6
    /// When the active check is asked for.
    public var activeCheck: ActiveCheckPolicy
    /// When upstream's detector pass finds no face, look again at a larger input. A face found only
    /// that way is classified, and the result asks for the active check with the reason `small_face`:
    /// the models were not measured on such small crops, so it never passes silently.
    public var smallFaceRecovery: Bool
    /// The image-quality reasons (``QualityPolicy``); they never change the decision.
    public var quality = QualityPolicy()

    public init(activeCheck: ActiveCheckPolicy = .adaptive, smallFaceRecovery: Bool = true) {
        self.activeCheck = activeCheck
        self.smallFaceRecovery = smallFaceRecovery
    }

    /// The decision for one face and its classifier outputs; `quality`'s reasons are added after the
    /// decision's own.
    public func decide(face: DetectedFace, scores: [ModelScore], modelVersion: String, quality: FaceQuality) -> PassiveResult {
        let combined = CombinedScore(scores.filter { $0.role == .ensemble })
        var reasons: [Reason] = []
        if combined.score < confidenceThreshold { reasons.append(.lowConfidence) }
        if scores.contains(where: Self.vetoes) { reasons.append(.modelVeto) }
        if face.faceCount > 1 { reasons.append(.multipleFaces) }
        if face.recovered { reasons.append(.smallFace) }
        if activeCheck == .always { reasons.append(.policyAlways) }
        return PassiveResult(
            label: combined.label, confidenceScore: combined.score, realProbability: combined.realProbability,
            requiresActiveCheck: !reasons.isEmpty, face: face, reasons: reasons + self.quality.reasons(quality),
            models: scores, modelVersion: modelVersion, quality: quality)
    }

    /// Whether `score` is a veto model's whose live probability is below its threshold.
    static func vetoes(_ score: ModelScore) -> Bool {
        guard case .veto(let threshold) = score.role else { return false }
        return score.liveProbability < threshold
    }
}
