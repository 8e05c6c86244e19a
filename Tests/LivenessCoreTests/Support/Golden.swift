import Testing
import Foundation

/// One `expected/<stem>.json` file of the shared test data.
struct Golden: Decodable, Sendable, CustomTestStringConvertible {
    struct Input: Decodable, Sendable {
        let file: String
        let bytes: Int
        let header_dimensions_wh: [Int]?
    }

    struct Decode: Decodable, Sendable {
        let width: Int
        let height: Int
        let sha256_of_bgr_pixels: String
    }

    struct Model: Decodable, Sendable {
        let model: String
        let effective_scale: Double
        let crop_box_xyxy_inclusive: [Int]
        let softmax: [Double]
    }

    struct Official: Decodable, Sendable {
        let detector_input_size: [Int]?
        let detections_conf_ge_0_6: Int?
        let face_box_xywh: [Int]?
        let face_confidence: Double?
        let models: [Model]?
        let score: Double?
        let real_probability: Double?
    }

    struct Service: Decodable, Sendable {
        let status: String
        let liveness_label: String?
        let confidence_score: Double?
        let requires_active_check: Bool?
        let error: String?
    }

    let input: Input
    let opencv_decode: Decode?
    let official_unguarded: Official
    let service: Service

    var path: String { Fixtures.image(input.file) }
    var testDescription: String { input.file }

    static func load(_ path: String) throws -> Golden {
        guard let data = FileManager.default.contents(atPath: path) else { throw FixtureError("cannot read \(path)") }
        return try JSONDecoder().decode(Golden.self, from: data)
    }
}
