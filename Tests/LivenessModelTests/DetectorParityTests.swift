import Foundation
@testable import LivenessCore
import Testing
import TestSupport

/// The detector's ONNX conversion on OpenVINO, with the bridge's PriorBox and DetectionOutput, against the
/// Caffe net in `cv::dnn`: every fixture image, every 4th frame of every test video, and noise images.
@Suite("Detector parity: OpenVINO's ONNX conversion against the Caffe net")
struct DetectorParityTests {
    /// One detector per engine, each with its own nets.
    static func detectors() throws -> (caffe: FaceDetector, onnx: FaceDetector) {
        let catalog = try ModelCatalog.locate(directory: Fixtures.models)
        let caffe = try LoadedModels(catalog: catalog, engine: .opencv, workers: 1)
        let onnx = try LoadedModels(catalog: catalog, engine: .openvino, workers: 1)
        return (try FaceDetector(network: caffe.detector), try FaceDetector(network: onnx.detector))
    }

    /// Every input: the fixture images that decode, every 4th frame of each video, and seeded noise images
    /// (below and above the detector's resize area, odd aspect ratios).
    static func inputs() throws -> [(name: String, image: DecodedImage)] {
        var inputs: [(String, DecodedImage)] = []
        for golden in try Fixtures.goldens() where golden.opencv_decode != nil {
            inputs.append((golden.input.file, try DecodedImage.decode(try Fixtures.bytes(golden.path))))
        }
        let videos = try FileManager.default.contentsOfDirectory(atPath: "\(Fixtures.testdata)/video")
            .filter { $0.hasSuffix(".mp4") || $0.hasSuffix(".webm") }.sorted()
        for name in videos {
            let clip = try DecodedClip.decode(try Fixtures.bytes(Videos.path(name)), limits: VideoLimits())
            for index in stride(from: 0, to: clip.frames.count, by: 4) { inputs.append(("\(name)#\(index)", clip.frames[index])) }
        }
        for (width, height) in [(64, 64), (150, 200), (320, 240), (480, 640), (1000, 300), (97, 401)] {
            // Multiplicative hashing of the index: fixed, noise-like pixels.
            let pixels = (0..<(width * height * 3)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
            inputs.append(("noise \(width)x\(height)", try DecodedImage.decode(BMPWriter.encode(bgr: pixels, width: width, height: height))))
        }
        return inputs
    }

    @Test("Same best box and face count on every input; row values within 1e-5")
    func parity() async throws {
        try await onThread {
            let (caffe, onnx) = try Self.detectors()
            let inputs = try Self.inputs()
            var largest: Float = 0
            var faces = 0
            for (name, image) in inputs {
                let size = DetectorInput.size(width: image.width, height: image.height)
                let expected = try caffe.detectRows(image, inputWidth: size.width, inputHeight: size.height)
                let expectedRows = caffe.rows
                let got = try onnx.detectRows(image, inputWidth: size.width, inputHeight: size.height)
                let gotRows = onnx.rows
                let expectedFaces = (0..<expected).filter { expectedRows[$0 * 7 + 2] >= 0.6 }.count
                let gotFaces = (0..<got).filter { gotRows[$0 * 7 + 2] >= 0.6 }.count
                #expect(gotFaces == expectedFaces, "\(name): face count")
                faces += expectedFaces
                // cv::dnn pads its output with all-zero rows; the bridge writes only detections.
                let kept = (0..<expected).filter { expectedRows[$0 * 7 + 2] > 0 }.count
                #expect(got == kept, "\(name): \(got) rows against \(kept)")
                for row in 0..<min(got, kept) {
                    for column in 2..<7 {
                        largest = max(largest, abs(gotRows[row * 7 + column] - expectedRows[row * 7 + column]))
                    }
                }
                if kept > 0, got > 0 {
                    let best = (2..<7).map { abs(gotRows[$0] - expectedRows[$0]) }.max() ?? 1
                    #expect(best <= 1e-5, "\(name): best box differs by \(best)")
                }
            }
            print("detector parity: \(inputs.count) inputs, \(faces) faces, largest row difference \(largest)")
            #expect(inputs.count > 150)
            #expect(largest <= 1e-5)
        }
    }
}
