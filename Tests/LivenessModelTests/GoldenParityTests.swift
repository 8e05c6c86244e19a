import Foundation
import LivenessCore
import TestSupport
import Testing

/// Every fixture in ../shared/testdata/expected against the reference pipeline's golden values, on both
/// inference engines.
@Suite("Golden parity")
struct GoldenParityTests {
    static let goldens = (try? Fixtures.goldens()) ?? []

    @Test("There are 12 golden fixtures")
    func fixtureCount() {
        #expect(Self.goldens.count == 12)
    }

    @Test("Service outcome matches the golden file", arguments: goldens, InferenceEngine.allCases)
    func serviceOutcome(golden: Golden, engine: InferenceEngine) async throws {
        let engine = try await Fixtures.engine(engine).value
        let bytes = try Fixtures.bytes(golden.path)
        #expect(bytes.count == golden.input.bytes)
        do {
            let result = try await engine.check(bytes)
            #expect(golden.service.status == "ok", "expected error \(golden.service.error ?? "")")
            #expect(result.label.rawValue == golden.service.liveness_label)
            #expect(result.requiresActiveCheck == golden.service.requires_active_check)
            #expect(abs(result.confidenceScore - (golden.service.confidence_score ?? -1)) < 1e-4)
            try expectOfficialParity(result, golden.official_unguarded)
        } catch let error as LivenessError {
            #expect(golden.service.status == "error", "unexpected \(error)")
            if golden.input.file == "truncated_half.jpg" {
                // OpenCV 4.6 decodes the top half (no face); newer versions refuse it. Both are 422s.
                #expect([LivenessError.Code.noFace, .invalidImage].contains(error.code))
            } else {
                #expect(error.code.rawValue == golden.service.error)
            }
        }
    }

    /// Face box exact; per-model crop exact; softmax, score and P(real) within 1e-4.
    private func expectOfficialParity(_ result: PassiveResult, _ official: Golden.Official) throws {
        let box = result.face.box
        #expect([box.x, box.y, box.width, box.height] == official.face_box_xywh)
        #expect(abs(Double(result.face.confidence) - (official.face_confidence ?? -1)) < 1e-4)
        #expect(result.face.faceCount == official.detections_conf_ge_0_6)
        #expect(abs(result.confidenceScore - (official.score ?? -1)) < 1e-4)
        #expect(abs(result.realProbability - (official.real_probability ?? -1)) < 1e-4)
        let models = try #require(official.models)
        #expect(result.models.count == models.count)
        for expected in models {
            let score = try #require(result.models.first { expected.model.hasPrefix($0.model) })
            let window = score.window
            #expect([window.x1, window.y1, window.x2, window.y2] == expected.crop_box_xyxy_inclusive)
            #expect(abs(window.effectiveScale - expected.effective_scale) < 1e-9)
            for (got, want) in zip(score.softmax, expected.softmax) {
                #expect(abs(got - want) < 1e-4, "\(expected.model) softmax \(score.softmax) vs \(expected.softmax)")
            }
        }
    }

    @Test("The largest softmax difference over all fixtures and models is below 1e-4", arguments: InferenceEngine.allCases)
    func largestDifference(engine: InferenceEngine) async throws {
        let engine = try await Fixtures.engine(engine).value
        var largest = 0.0
        var compared = 0
        for golden in Self.goldens where golden.service.status == "ok" {
            let result = try await engine.check(try Fixtures.bytes(golden.path))
            let difference = try #require(golden.softmaxDifference(result))
            largest = max(largest, difference.largest)
            compared += difference.compared
        }
        print("parity (\(engine)): largest |softmax difference| \(largest) over \(compared) values")
        #expect(compared == 36)
        #expect(largest < 1e-4)
    }

    @Test("Decoded pixels are byte-identical to OpenCV's imdecode", arguments: goldens.filter { $0.opencv_decode != nil })
    func decodedPixels(golden: Golden) throws {
        let expected = try #require(golden.opencv_decode)
        let image = try DecodedImage.decode(try Fixtures.bytes(golden.path))
        #expect(image.width == expected.width)
        #expect(image.height == expected.height)
        #expect(try sha256Hex(image.pixels()) == expected.sha256_of_bgr_pixels)
    }

    @Test("The detector input size follows upstream's rule", arguments: goldens.filter { $0.opencv_decode != nil })
    func detectorInputSize(golden: Golden) throws {
        let decode = try #require(golden.opencv_decode)
        guard let expected = golden.official_unguarded.detector_input_size else { return }
        let size = DetectorInput.size(width: decode.width, height: decode.height)
        #expect([size.width, size.height] == expected)
    }

    @Test("Header dimensions are read before decoding", arguments: goldens.filter { $0.input.header_dimensions_wh != nil })
    func headerDimensions(golden: Golden) throws {
        let header = try ImageHeader.read(try Fixtures.bytes(golden.path))
        #expect([header.width, header.height] == golden.input.header_dimensions_wh)
    }
}
