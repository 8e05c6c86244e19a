import Foundation
import LivenessCore
import TestSupport
import Testing

/// Classifiers described by manifests: the optional facenox model against upstream's own outputs, the
/// veto role, and the checks that keep an ensemble summable.
@Suite("Pluggable models")
struct PluggableModelTests {
    static let golden = try? FacenoxGolden.load()
    static let cases = (golden?.cases.keys.sorted() ?? []).map { $0 }

    /// The default folder plus facenox as a veto (threshold 0.85), per engine, 2 workers.
    static let vetoEngines: [InferenceEngine: Task<LivenessEngine, any Error>] = Dictionary(
        uniqueKeysWithValues: InferenceEngine.allCases.map { engine in
            (
                engine,
                Task {
                    var configuration = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 2, maxQueue: 1000)
                    configuration.inferenceEngine = engine
                    configuration.extraModels = [FacenoxGolden.modelPath]
                    return try await LivenessEngine(configuration: configuration)
                }
            )
        })

    @Test("The golden file covers 6 fixtures")
    func goldenCount() {
        #expect(Self.cases.count == 6)
    }

    @Test("facenox matches upstream's outputs to 1e-4: crop side, logits, live probability", arguments: cases, InferenceEngine.allCases)
    func facenoxParity(file: String, engine: InferenceEngine) async throws {
        let expected = try #require(Self.golden?.cases[file])
        let engine = try await #require(Self.vetoEngines[engine]).value
        let result = try await engine.check(try Fixtures.bytes(Fixtures.image(file)))
        let box = result.face.box
        #expect([box.x, box.y, box.width, box.height] == expected.face_box_xywh)
        let score = try #require(result.models.first { $0.model == "facenox-MiniFAS-98.20" })
        #expect(score.window.x2 - score.window.x1 + 1 == expected.crop_side)
        #expect(score.logits.count == 2)
        for (value, reference) in zip(score.logits, expected.logits) { #expect(abs(Double(value) - reference) < 1e-4) }
        #expect(abs(score.liveProbability - expected.p_real) < 1e-4)
    }

    @Test("A veto never changes label or score; below its threshold it adds model_veto and the active check", arguments: cases)
    func vetoOnFixtures(file: String) async throws {
        let expected = try #require(Self.golden?.cases[file])
        let plain = try await Fixtures.engine.value.check(try Fixtures.bytes(Fixtures.image(file)))
        let vetoed = try await #require(Self.vetoEngines[.openvino]).value.check(try Fixtures.bytes(Fixtures.image(file)))
        #expect(vetoed.label == plain.label)
        #expect(vetoed.confidenceScore == plain.confidenceScore)
        #expect(vetoed.realProbability == plain.realProbability)
        #expect(vetoed.reasons.contains(.modelVeto) == (expected.p_real < 0.85))
        #expect(vetoed.requiresActiveCheck == (plain.requiresActiveCheck || expected.p_real < 0.85))
        #expect(vetoed.modelVersion == plain.modelVersion + "+facenox-MiniFAS-98.20")
    }

    @Test("A stricter veto escalates a live face that the ensemble passes silently")
    func strictVeto() async throws {
        try await withTemporaryFolder { folder in
            let model = "\(folder)/strict.onnx"
            try FileManager.default.copyItem(atPath: FacenoxGolden.modelPath, toPath: model)
            try Self.manifest(threshold: 0.99999).write(toFile: "\(folder)/strict.json", atomically: true, encoding: .utf8)
            var configuration = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 1)
            configuration.extraModels = [model]
            let engine = try await LivenessEngine(configuration: configuration)
            let bytes = try Fixtures.bytes(Fixtures.image("image_T1.jpg"))
            let result = try await engine.check(bytes)
            await engine.shutdown()
            let plain = try await Fixtures.engine.value.check(bytes)
            #expect(plain.label == .real && !plain.requiresActiveCheck)
            #expect(result.label == .real && result.confidenceScore == plain.confidenceScore)
            #expect(result.requiresActiveCheck && result.reasons.first == .modelVeto)
        }
    }

    @Test("A manifested model alone decides with its own live index; a mismatched ensemble is refused at startup")
    func ensembleLayouts() async throws {
        try await withTemporaryFolder { folder in
            let model = "\(folder)/alone.onnx"
            try FileManager.default.copyItem(atPath: FacenoxGolden.modelPath, toPath: model)
            try Self.manifest(threshold: nil).write(toFile: "\(folder)/alone.json", atomically: true, encoding: .utf8)
            let configuration = PassiveConfiguration(modelDirectory: Fixtures.models, modelPath: model, workers: 1)
            let engine = try await LivenessEngine(configuration: configuration)
            let real = try await engine.check(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
            let fake = try await engine.check(try Fixtures.bytes(Fixtures.image("image_F1.jpg")))
            await engine.shutdown()
            #expect(real.label == .real && abs(real.realProbability - 0.99958656) < 1e-4)
            #expect(fake.label == .fake && abs(fake.confidenceScore - (1 - 0.00049806)) < 1e-4)
            var mixed = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 1)
            mixed.extraModels = [model]
            #expect {
                try ModelCatalog.locate(mixed)
            } throws: { error in
                "\(error)".contains("give it the veto role")
            }
        }
    }

    /// Each mistake in a manifest stops startup with the key at fault.
    static let badManifests: [(String, String)] = [
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"whole"},"resize":"stretch","channels":"rgb","outputs":2,"live_index":0,"treshold":0.5}"#,
            "unknown key 'treshold'"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"whole"},"resize":"stretch","channels":"rgb","outputs":2,"live_index":2}"#,
            "live_index must be a number in 0.0...1.0"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"whole"},"resize":"stretch","channels":"rgb","outputs":2,"live_index":0,"role":"veto"}"#,
            "the veto role needs a threshold"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"square","factor":1.5},"resize":"stretch","channels":"rgb","outputs":2,"live_index":0}"#,
            "crop.border must be one of reflect_101, replicate, constant"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"tiles"},"resize":"stretch","channels":"rgb","outputs":2,"live_index":0}"#,
            "crop.rule must be sfas_scale, square or whole"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"whole"},"resize":"stretch","channels":"yuv","outputs":2,"live_index":0}"#,
            "channels must be one of bgr, rgb"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"whole"},"resize":"stretch","channels":"rgb","outputs":2,"live_index":0,"std":[1,0,1]}"#,
            "scale and std must not be 0"
        ),
        (
            #"{"input":{"width":128,"height":128},"crop":{"rule":"whole"},"resize":"stretch","channels":"rgb","outputs":true,"live_index":0}"#,
            "outputs must be a number in 2.0...64.0"
        ),
        (#"[1, 2]"#, "not a JSON object"),
    ]

    @Test("Manifest mistakes are refused with the key at fault", arguments: badManifests)
    func badManifest(text: String, message: String) throws {
        try withTemporaryFolder { folder in
            try text.write(toFile: "\(folder)/bad.json", atomically: true, encoding: .utf8)
            #expect {
                try ClassifierManifest.load("\(folder)/bad.json", modelPath: "\(folder)/bad.onnx")
            } throws: { error in
                "\(error)".contains(message) && "\(error)".contains("\(folder)/bad.json")
            }
        }
    }

    @Test("The shipped facenox manifest reads as upstream's recipe")
    func shippedManifest() throws {
        let spec = try ClassifierManifest.load(
            "\(Fixtures.packageRoot)/model-manifests/facenox-MiniFAS-98.20.json", modelPath: FacenoxGolden.modelPath)
        #expect(spec.role == .veto(threshold: 0.85))
        #expect(spec.recipe.crop == .square(factor: 1.5, border: .reflect101))
        #expect(spec.recipe.resize == .letterbox && spec.recipe.channels == .rgb)
        #expect(abs(spec.recipe.pixelScale - 1 / 255) < 1e-9 && spec.recipe.outputCount == 2 && spec.recipe.liveIndex == 0)
    }

    /// The shipped facenox manifest (model-manifests/), as a veto with `threshold`, or as an ensemble model when nil.
    static func manifest(threshold: Double?) throws -> String {
        let shipped = "\(Fixtures.packageRoot)/model-manifests/facenox-MiniFAS-98.20.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: shipped))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["role"] = threshold == nil ? "ensemble" : "veto"
        json.removeValue(forKey: "threshold")
        if let threshold { json["threshold"] = threshold }
        return String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    }
}
