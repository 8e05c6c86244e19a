import CLivenessCV
import Foundation
import Testing
import TestSupport

@testable import LivenessCore

/// A landmark network asked for some of its outputs: on OpenVINO it is compiled without the layers only the others
/// need (the bridge edits the ONNX file's output list before reading it), which must not change what it returns.
@Suite("Landmark network outputs")
struct LandmarkOutputsTests {
    static let contour = "output_eyes_contours_and_brows"

    /// Iris on both eyes of T1's face (one batch of two, the left mirrored, as BlinkPipeline runs it), asked for
    /// `outputs`; returns the eye contours.
    static func contours(_ network: SharedNetwork, outputs: [String]) throws -> [Float] {
        let landmarks = try LandmarkNetwork(network: network, inputSize: 64, outputs: outputs, capacity: 2 * 228, probe: false)
        let image = try DecodedImage.decode(Fixtures.bytes(Fixtures.image("image_T1.jpg")))
        let (width, height) = (Double(image.width), Double(image.height))
        let right = RegionOfInterest(eyeFrom: Point(x: 0.38 * width, y: 0.42 * height), to: Point(x: 0.46 * width, y: 0.42 * height))
        let left = RegionOfInterest(eyeFrom: Point(x: 0.54 * width, y: 0.42 * height), to: Point(x: 0.62 * width, y: 0.42 * height))
        let values = try landmarks.run(image, regions: [(right, false), (left, true)], replicate: true)
        return try #require(values.first)
    }

    @Test("Iris asked for the eye contour alone returns the same floats as asked for both outputs, on both engines")
    func contourAlone() throws {
        let path = "\(Fixtures.models)/\(ModelCatalog.irisName)"
        for engine in InferenceEngine.allCases {
            let network = try SharedNetwork(engine: engine, path: path, workers: 1, sharing: LCV_SHARING_PER_WORKER, what: "landmark model")
            let both = try Self.contours(network, outputs: [Self.contour, "output_iris"])
            let alone = try Self.contours(network, outputs: [Self.contour])
            #expect(both.count == 2 * 213, "\(engine)")
            #expect(alone == both, "\(engine): the contour changed when the iris output was left out")
            #expect(Set(alone).count > 100, "\(engine): the contour is not a real output")
        }
    }
}
