import LivenessCore
import TestSupport
import Testing

/// Small-face recovery: a second detector pass at three times upstream's input when the first finds no
/// face. The golden parity suite shows that results with a face in the first pass do not change.
@Suite("Small-face recovery")
struct SmallFaceRecoveryTests {
    @Test("The recovery input is three times the reference side, never larger than the image, and absent for small images")
    func recoveryInput() {
        #expect(DetectorInput.size(width: 1920, height: 1080) == (256, 144))
        #expect(DetectorInput.recovery(width: 1920, height: 1080)! == (768, 432))
        #expect(DetectorInput.recovery(width: 1080, height: 1920)! == (432, 768))
        // 640x480 would be 665x498: the image itself is the largest input.
        #expect(DetectorInput.recovery(width: 640, height: 480)! == (640, 480))
        #expect(DetectorInput.recovery(width: 192, height: 192) == nil)
        #expect(DetectorInput.recovery(width: 16, height: 16) == nil)
    }

    /// The variants, made once: each fixture photo shrunk onto a 1920x1080 canvas.
    static let variants = Task { () throws -> [Variant] in
        try await onThread {
            try [("image_T1.jpg", 4), ("image_F1.jpg", 3), ("image_F2.jpg", 2)].map { fixture, factor in
                Variant(name: "\(fixture) at 1/\(factor)", bytes: try FixtureVariants.shrunk(fixture, factor: factor))
            }
        }
    }

    struct Variant: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    @Test(
        "T1 at 1/4 on a 1920x1080 canvas: found by the second pass, classified, and sent to the active check (small_face)",
        arguments: InferenceEngine.allCases)
    func recovered(engine: InferenceEngine) async throws {
        let engine = try await Fixtures.engine(engine).value
        let result = try await engine.check(try await Self.variants.value[0].bytes)
        #expect(result.face.recovered)
        #expect(result.face.faceCount == 1)
        #expect(result.reasons.contains(.smallFace))
        #expect(result.requiresActiveCheck)
        // The face lies inside the pasted 160x120 photo, a third of the free width from the left.
        let left = (1920 - 160) / 3
        #expect(result.face.box.x >= left && result.face.box.x + result.face.box.width <= left + 160)
    }

    @Test("Each fixture photo shrunk onto the canvas is lost by the reference pass and found by recovery")
    func withAndWithout() async throws {
        let engine = try await Fixtures.engine.value
        let variants = try await Self.variants.value
        // A pipeline on the same loaded networks with recovery off (upstream's behaviour), run on a thread
        // of its own: inference must not hold one of the two cooperative threads the other suites need.
        let models = engine.models
        let refused = try await onThread {
            let reference = try PassivePipeline(models: models, policy: LivenessPolicy(smallFaceRecovery: false))
            return try variants.map { variant -> Bool in
                do {
                    _ = try reference.check(try DecodedImage.decode(variant.bytes))
                    return false
                } catch let error as LivenessError {
                    return error.code == .noFace
                }
            }
        }
        #expect(refused == [true, true, true])
        for variant in variants {
            let result = try await engine.check(variant.bytes)
            #expect(result.reasons.contains(.smallFace), "\(variant.name)")
        }
    }

    @Test("Images with no face still give no_face with recovery on")
    func noFace() async throws {
        let engine = try await Fixtures.engine.value
        for name in ["no_face.png", "tiny_16x16.png"] {
            do {
                _ = try await engine.check(try Fixtures.bytes(Fixtures.image(name)))
                Issue.record("\(name) found a face")
            } catch let error as LivenessError {
                #expect(error.code == .noFace)
            }
        }
    }
}
