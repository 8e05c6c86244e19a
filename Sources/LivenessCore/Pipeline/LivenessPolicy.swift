/// Turns classifier scores and face counts into a decision.
///
/// Configuration keys (read by ``PassiveConfiguration``): `CONFIDENCE_THRESHOLD` (default 0.85),
/// `ACTIVE_CHECK_POLICY` (default `adaptive`).
public struct LivenessPolicy: Hashable, Sendable {
    /// Below this score the result is inconclusive and an active check is required.
    public var confidenceThreshold: Double
    /// The detector confidence a face needs. Fixed at 0.6 by the reference service.
    public var faceThreshold: Float
    /// When the active check is asked for.
    public var activeCheck: ActiveCheckPolicy

    public init(confidenceThreshold: Double = 0.85, faceThreshold: Float = 0.6, activeCheck: ActiveCheckPolicy = .adaptive) {
        self.confidenceThreshold = confidenceThreshold
        self.faceThreshold = faceThreshold
        self.activeCheck = activeCheck
    }

    /// The decision for one face and its classifier outputs.
    public func decide(face: DetectedFace, scores: [ModelScore], modelVersion: String) -> PassiveResult {
        let combined = CombinedScore(scores)
        var reasons: [String] = []
        if combined.score < confidenceThreshold { reasons.append("low_confidence") }
        if face.faceCount > 1 { reasons.append("multiple_faces") }
        if activeCheck == .always { reasons.append("policy_always") }
        return PassiveResult(
            label: combined.label, confidenceScore: combined.score, realProbability: combined.realProbability,
            requiresActiveCheck: !reasons.isEmpty, face: face, reasons: reasons, models: scores,
            modelVersion: modelVersion)
    }
}
