import Foundation
import LivenessCore
import TestSupport
import Testing

/// Missing or broken models stop startup with a message that names the file and the fix.
@Suite("Model loading")
struct ModelLoadingTests {
    static let names = [
        "2.7_80x80_MiniFASNetV2.onnx", "4_0_0_80x80_MiniFASNetV1SE.onnx", "deploy.prototxt", "Widerface-RetinaFace.caffemodel",
        "Widerface-RetinaFace.onnx",
    ]

    /// The files each engine reads: OpenCV the Caffe detector, OpenVINO its ONNX conversion.
    static let corruptions: [(String, InferenceEngine)] =
        ["2.7_80x80_MiniFASNetV2.onnx", "4_0_0_80x80_MiniFASNetV1SE.onnx", "deploy.prototxt", "Widerface-RetinaFace.caffemodel"]
        .map { ($0, .opencv) }
        + ["2.7_80x80_MiniFASNetV2.onnx", "4_0_0_80x80_MiniFASNetV1SE.onnx", "Widerface-RetinaFace.onnx"].map { ($0, .openvino) }

    private static func configuration(_ folder: String, engine: InferenceEngine, workers: Int = 1) -> PassiveConfiguration {
        var configuration = PassiveConfiguration(modelDirectory: folder, workers: workers)
        configuration.inferenceEngine = engine
        return configuration
    }

    /// Copies the passive models into `folder`, then lets `mutate` break one.
    private func copyModels(to folder: String) throws {
        for name in Self.names {
            try FileManager.default.copyItem(atPath: "\(Fixtures.models)/\(name)", toPath: "\(folder)/\(name)")
        }
    }

    private func startError(_ configuration: PassiveConfiguration) async -> ModelError? {
        do {
            let engine = try await LivenessEngine(configuration: configuration)
            await engine.shutdown()
            return nil
        } catch {
            return error as? ModelError
        }
    }

    @Test("The default folder loads both classifiers, sorted, and names the version after them")
    func catalog() throws {
        let catalog = try ModelCatalog.locate(directory: Fixtures.models)
        #expect(catalog.classifiers.map(\.name) == ["2.7_80x80_MiniFASNetV2", "4_0_0_80x80_MiniFASNetV1SE"])
        #expect(catalog.modelVersion == "2.7_80x80_MiniFASNetV2+4_0_0_80x80_MiniFASNetV1SE")
    }

    @Test("A missing detector names the file and scripts/fetch-models")
    func missingDetector() async throws {
        try await withTemporaryFolder { folder in
            try copyModels(to: folder)
            try FileManager.default.removeItem(atPath: "\(folder)/Widerface-RetinaFace.caffemodel")
            let error = try #require(await startError(PassiveConfiguration(modelDirectory: folder, workers: 1)))
            #expect(error.path == "\(folder)/Widerface-RetinaFace.caffemodel")
            #expect(error.description.contains("scripts/fetch-models"))
        }
    }

    @Test("OpenVINO without the detector's ONNX conversion names the file, scripts/fetch-models and the other engine")
    func missingConversion() async throws {
        try await withTemporaryFolder { folder in
            try copyModels(to: folder)
            try FileManager.default.removeItem(atPath: "\(folder)/Widerface-RetinaFace.onnx")
            let error = try #require(await startError(Self.configuration(folder, engine: .openvino)))
            #expect(error.path == "\(folder)/Widerface-RetinaFace.onnx")
            #expect(error.description.contains("scripts/fetch-models") && error.description.contains("INFERENCE_ENGINE=opencv"))
            // The OpenCV engine does not need it.
            let engine = try await LivenessEngine(configuration: Self.configuration(folder, engine: .opencv))
            await engine.shutdown()
        }
    }

    @Test("An empty folder has no classifier")
    func noClassifier() async throws {
        try await withTemporaryFolder { folder in
            try copyModels(to: folder)
            for name in Self.names where name.hasSuffix(".onnx") { try FileManager.default.removeItem(atPath: "\(folder)/\(name)") }
            let error = try #require(await startError(PassiveConfiguration(modelDirectory: folder, workers: 1)))
            #expect(error.description.contains("no anti-spoof classifier"))
        }
    }

    @Test("Truncated weights are refused at startup", arguments: corruptions)
    func corrupt(name: String, engine: InferenceEngine) async throws {
        try await withTemporaryFolder { folder in
            try copyModels(to: folder)
            let path = "\(folder)/\(name)"
            let bytes = try Fixtures.bytes(path)
            try FileManager.default.removeItem(atPath: path)
            try Data(bytes.prefix(bytes.count / 3)).write(to: URL(fileURLWithPath: path))
            let error = try #require(await startError(Self.configuration(folder, engine: engine, workers: 2)))
            let blamed = name == "deploy.prototxt" ? "\(folder)/Widerface-RetinaFace.caffemodel" : path
            #expect(error.path == blamed)
            #expect(error.description.contains("unusable"))
        }
    }

    @Test("MODEL_PATH uses one classifier alone; its score is that model's softmax")
    func singleModel() async throws {
        let golden = try Golden.load("\(Fixtures.testdata)/expected/image_F1.json")
        let path = "\(Fixtures.models)/2.7_80x80_MiniFASNetV2.onnx"
        let engine = try await LivenessEngine(
            configuration: PassiveConfiguration(modelDirectory: Fixtures.models, modelPath: path, workers: 1))
        let result = try await engine.check(try Fixtures.bytes(golden.path))
        await engine.shutdown()
        let expected = try #require(golden.official_unguarded.models?.first { $0.model.hasPrefix("2.7_") }).softmax
        #expect(engine.modelVersion == "2.7_80x80_MiniFASNetV2")
        #expect(result.models.count == 1)
        #expect(abs(result.realProbability - expected[1]) < 1e-4)
        #expect(abs(result.confidenceScore - expected.max()!) < 1e-4)
    }

    @Test("MODEL_PATH named as the Python service names it (silentface.onnx) runs as SFAS's 2.7 model, with a note")
    func seedUsersModelPath() async throws {
        let golden = try #require(Fixtures.goldens().first { $0.input.file == "image_T1.jpg" })
        try await withTemporaryFolder { folder in
            let path = "\(folder)/silentface.onnx"
            try FileManager.default.copyItem(atPath: "\(Fixtures.models)/2.7_80x80_MiniFASNetV2.onnx", toPath: path)
            let configuration = PassiveConfiguration(modelDirectory: Fixtures.models, modelPath: path, workers: 1)
            let catalog = try ModelCatalog.locate(configuration)
            #expect(catalog.classifiers.map(\.recipe) == [.sfas(inputWidth: 80, inputHeight: 80, crop: .sfasScale(2.7))])
            #expect(catalog.notes.count == 1)
            #expect(catalog.notes.first?.contains("input 80x80 read from the graph, crop scale 2.7 (MODEL_CROP_SCALE)") == true)
            let engine = try await LivenessEngine(configuration: configuration)
            let result = try await engine.check(try Fixtures.bytes(golden.path))
            await engine.shutdown()
            let expected = try #require(golden.official_unguarded.models?.first { $0.model.hasPrefix("2.7_") }).softmax
            #expect(engine.modelVersion == "silentface")
            #expect(abs(result.realProbability - expected[1]) < 1e-4)
        }
    }

    @Test("MODEL_CROP_SCALE sets the assumed crop; an ONNX file whose input is not [1, 3, H, W] asks for a manifest")
    func assumedRecipeLimits() throws {
        try withTemporaryFolder { folder in
            let path = "\(folder)/silentface.onnx"
            try FileManager.default.copyItem(atPath: "\(Fixtures.models)/4_0_0_80x80_MiniFASNetV1SE.onnx", toPath: path)
            var configuration = PassiveConfiguration(modelDirectory: Fixtures.models, modelPath: path, workers: 1)
            configuration.modelCropScale = 4
            #expect(try ModelCatalog.locate(configuration).classifiers.first?.recipe.crop == .sfasScale(4))
            let detector = "\(folder)/detector.onnx"
            try FileManager.default.copyItem(atPath: "\(Fixtures.models)/Widerface-RetinaFace.onnx", toPath: detector)
            configuration.modelPath = detector
            #expect {
                try ModelCatalog.locate(configuration)
            } throws: { error in
                "\(error)".contains("describe it in a manifest, \(folder)/detector.json")
            }
        }
    }

    @Test(
        "OpenVINO reads a network again for each new input shape (its read model is freed after compiling); a file replaced since startup is refused, not mixed in"
    )
    func readAgainForNewShapes() async throws {
        try await withTemporaryFolder { folder in
            try copyModels(to: folder)
            let engine = try await LivenessEngine(configuration: Self.configuration(folder, engine: .openvino))
            // Two image sizes, two detector shapes: the second compiles from the file read again.
            let portrait = try await engine.check(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
            let wide = try await engine.check(try Fixtures.bytes(Fixtures.image("two_faces.png")))
            #expect(portrait.face.box.width > 0 && wide.face.box.width > 0)
            // Replaced (the same bytes, written anew): shapes compiled before still answer, a new one is refused.
            let detector = "\(folder)/Widerface-RetinaFace.onnx"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: detector))
            try FileManager.default.removeItem(atPath: detector)
            try await Task.sleep(for: .milliseconds(20))
            try bytes.write(to: URL(fileURLWithPath: detector))
            let again = try await engine.check(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
            #expect(again.confidenceScore == portrait.confidenceScore)
            let error = await #expect(throws: LivenessError.self) {
                try await engine.check(try Fixtures.bytes(Fixtures.image("image_T1_orientation1.jpg")))
            }
            #expect(error?.code == .internalError)
            #expect(error?.message.contains("changed since it was loaded") == true, "\(String(describing: error))")
            await engine.shutdown()
        }
    }
}
