import Testing
import Foundation

/// One `expected/<stem>.json` file of the shared test data.
public struct Golden: Decodable, Sendable, CustomTestStringConvertible {
    public struct Input: Decodable, Sendable {
        public let file: String
        public let bytes: Int
        public let header_dimensions_wh: [Int]?
    }

    public struct Decode: Decodable, Sendable {
        public let width: Int
        public let height: Int
        public let sha256_of_bgr_pixels: String
    }

    public struct Model: Decodable, Sendable {
        public let model: String
        public let effective_scale: Double
        public let crop_box_xyxy_inclusive: [Int]
        public let softmax: [Double]
    }

    public struct Official: Decodable, Sendable {
        public let detector_input_size: [Int]?
        public let detections_conf_ge_0_6: Int?
        public let face_box_xywh: [Int]?
        public let face_confidence: Double?
        public let models: [Model]?
        public let score: Double?
        public let real_probability: Double?
    }

    public struct Service: Decodable, Sendable {
        public let status: String
        public let liveness_label: String?
        public let confidence_score: Double?
        public let requires_active_check: Bool?
        public let error: String?

        public init(status: String, liveness_label: String?, confidence_score: Double?, requires_active_check: Bool?, error: String?) {
            self.status = status
            self.liveness_label = liveness_label
            self.confidence_score = confidence_score
            self.requires_active_check = requires_active_check
            self.error = error
        }
    }

    public let input: Input
    public let opencv_decode: Decode?
    public let official_unguarded: Official
    public let service: Service

    public var path: String { Fixtures.image(input.file) }
    public var testDescription: String { input.file }

    public static func load(_ path: String) throws -> Golden {
        guard let data = FileManager.default.contents(atPath: path) else { throw FixtureError("cannot read \(path)") }
        return try JSONDecoder().decode(Golden.self, from: data)
    }
}
