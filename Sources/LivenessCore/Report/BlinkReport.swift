/// The JSON body of a blink analysis, as `POST /active/blink` and `liveness blink --json` return it.
public struct BlinkReport: Encodable, Hashable, Sendable {
    public struct Passive: Encodable, Hashable, Sendable {
        public var livenessLabel: LivenessLabel
        public var confidenceScore: Double

        enum CodingKeys: String, CodingKey {
            case livenessLabel = "liveness_label"
            case confidenceScore = "confidence_score"
        }
    }

    public var activePassed: Bool
    public var blinkCount: Int
    public var framesAnalyzed: Int
    public var faceFrames: Int
    public var reasons: [String]
    public var passive: Passive?
    public var faceMatch: FaceMatchReport?
    public var challengeID: String?

    /// The same-face check of a bound challenge.
    public struct FaceMatchReport: Encodable, Hashable, Sendable {
        public var matched: Bool
        public var distance: Double?

        public init(_ match: FaceMatch) {
            matched = match.matched
            distance = match.distance.map { LivenessReport.rounded($0) }
        }
    }

    public init(_ analysis: BlinkAnalysis, challengeID: String? = nil) {
        activePassed = analysis.activePassed
        blinkCount = analysis.blinkCount
        framesAnalyzed = analysis.framesAnalyzed
        faceFrames = analysis.faceFrames
        reasons = analysis.reasons
        passive = analysis.passive.map {
            Passive(livenessLabel: $0.label, confidenceScore: LivenessReport.rounded($0.confidenceScore))
        }
        faceMatch = analysis.faceMatch.map(FaceMatchReport.init)
        self.challengeID = challengeID
    }

    enum CodingKeys: String, CodingKey {
        case activePassed = "active_passed"
        case blinkCount = "blink_count"
        case framesAnalyzed = "frames_analyzed"
        case faceFrames = "face_frames"
        case reasons
        case passive
        case faceMatch = "face_match"
        case challengeID = "challenge_id"
    }
}
