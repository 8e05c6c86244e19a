import Foundation

/// The JSON body of a passive result, as `POST /liveness` and `liveness check --json` return it.
///
/// Scores are rounded to 6 decimals, as the reference service reports them.
public struct LivenessReport: Encodable, Hashable, Sendable {
    public struct Face: Encodable, Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
        public var confidence: Double
    }

    /// The face's image-quality measurements (``FaceQuality``), rounded to 2 decimals (clipped: 4).
    public struct Quality: Encodable, Hashable, Sendable {
        public var faceSize: Int
        public var brightness: Double
        public var clipped: Double
        public var sharpness: Double

        enum CodingKeys: String, CodingKey {
            case faceSize = "face_size"
            case brightness, clipped, sharpness
        }
    }

    public var livenessLabel: LivenessLabel
    public var confidenceScore: Double
    public var requiresActiveCheck: Bool
    public var realProbability: Double
    public var face: Face
    public var faceCount: Int
    public var reasons: [String]
    public var modelVersion: String
    public var quality: Quality

    public init(_ result: PassiveResult) {
        livenessLabel = result.label
        confidenceScore = Self.rounded(result.confidenceScore)
        requiresActiveCheck = result.requiresActiveCheck
        realProbability = Self.rounded(result.realProbability)
        let box = result.face.box
        face = Face(
            x: box.x, y: box.y, width: box.width, height: box.height,
            confidence: Self.rounded(Double(result.face.confidence)))
        faceCount = result.face.faceCount
        reasons = result.reasons
        modelVersion = result.modelVersion
        let measured = result.quality
        quality = Quality(
            faceSize: measured.faceSize, brightness: Self.rounded(measured.brightness, places: 2),
            clipped: Self.rounded(measured.clipped, places: 4), sharpness: Self.rounded(measured.sharpness, places: 2))
    }

    /// Rounds to `places` decimal places (6 by default, as the reference service reports scores).
    public static func rounded(_ value: Double, places: Int = 6) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }

    enum CodingKeys: String, CodingKey {
        case livenessLabel = "liveness_label"
        case confidenceScore = "confidence_score"
        case requiresActiveCheck = "requires_active_check"
        case realProbability = "real_probability"
        case face
        case faceCount = "face_count"
        case reasons
        case modelVersion = "model_version"
        case quality
    }
}
