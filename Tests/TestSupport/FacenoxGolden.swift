import Foundation

/// `../shared/testdata/expected-facenox.json`: the optional facenox model's outputs on the fixtures, made with
/// upstream's own preprocessing.
public struct FacenoxGolden: Decodable, Sendable {
    public struct Case: Decodable, Sendable {
        public let face_box_xywh: [Int]
        public let crop_side: Int
        public let logits: [Double]
        public let p_real: Double
    }

    public let model: String
    public let cases: [String: Case]

    public static func load() throws -> FacenoxGolden {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.testdata)/expected-facenox.json"))
        return try JSONDecoder().decode(FacenoxGolden.self, from: data)
    }

    /// The optional model's path after `scripts/fetch-models --optional`, with its manifest beside it.
    public static var modelPath: String { "\(Fixtures.models)/optional/facenox-MiniFAS-98.20.onnx" }
}
