/// The outcome of a passive liveness check on one image.
public struct PassiveResult: Hashable, Sendable {
    public var label: LivenessLabel
    /// The mean probability of the winning class (upstream's score), 0...1.
    public var confidenceScore: Double
    /// The mean probability of class 1 (real), 0...1.
    public var realProbability: Double
    /// True when the score is below the confidence threshold or more than one face is present.
    public var requiresActiveCheck: Bool
    /// The face that was classified (the most confident detection).
    public var face: DetectedFace
    /// Why an active check is needed (`low_confidence`, `model_veto`, `multiple_faces`, `small_face`, `policy_always`),
    /// then the image-quality codes of ``QualityPolicy``, which never ask for it on their own.
    public var reasons: [Reason]
    /// Each classifier's output.
    public var models: [ModelScore]
    /// Identifies the classifier set, e.g. `2.7_80x80_MiniFASNetV2+4_0_0_80x80_MiniFASNetV1SE`.
    public var modelVersion: String
    /// The face's image-quality measurements.
    public var quality: FaceQuality

    public init(
        label: LivenessLabel, confidenceScore: Double, realProbability: Double, requiresActiveCheck: Bool,
        face: DetectedFace, reasons: [Reason], models: [ModelScore], modelVersion: String, quality: FaceQuality
    ) {
        self.label = label
        self.confidenceScore = confidenceScore
        self.realProbability = realProbability
        self.requiresActiveCheck = requiresActiveCheck
        self.face = face
        self.reasons = reasons
        self.models = models
        self.modelVersion = modelVersion
        self.quality = quality
    }
}
