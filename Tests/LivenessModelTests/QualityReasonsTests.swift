import LivenessCore
import TestSupport
import Testing

/// Image-quality reasons: each code on a synthetic variant of T1 that has that fault, none on the clean
/// fixtures, and never a change of label, score or active check.
@Suite("Quality reasons")
struct QualityReasonsTests {
    static let codes = ["face_too_small", "face_cut_off", "too_dark", "overexposed", "blurry"]

    /// Each variant and the code it must earn.
    static let variants = Task { () throws -> [Variant] in
        // Pixel loops in a debug build: on a thread of their own, not on the cooperative pool.
        try await onThread {
            [
                Variant(
                    name: "T1 at 1/2 on a 1920x1080 canvas", code: "face_too_small", bytes: try FixtureVariants.shrunk("image_T1.jpg", factor: 2)),
                Variant(name: "T1 without its top 200 rows", code: "face_cut_off", bytes: try FixtureVariants.cropped("image_T1.jpg", top: 200)),
                Variant(name: "T1 at 30 % exposure", code: "too_dark", bytes: try FixtureVariants.exposed("image_T1.jpg", gain: 0.3)),
                Variant(name: "T1 at 1.8x + 60", code: "overexposed", bytes: try FixtureVariants.exposed("image_T1.jpg", gain: 1.8, offset: 60)),
                Variant(name: "T1 box-blurred, radius 4", code: "blurry", bytes: try FixtureVariants.blurred("image_T1.jpg", radius: 4)),
            ]
        }
    }

    struct Variant: Sendable {
        var name: String
        var code: String
        var bytes: [UInt8]
    }

    @Test("Each faulty variant of T1 earns its code", arguments: 0..<5)
    func variant(index: Int) async throws {
        let variant = try await Self.variants.value[index]
        let result = try await Fixtures.engine.value.check(variant.bytes)
        #expect(result.reasons.map(\.rawValue).contains(variant.code), "\(variant.name): \(result.reasons) \(result.quality)")
        // The other exposure code never comes with this one.
        if variant.code == "too_dark" { #expect(!result.reasons.contains(.overexposed)) }
        if variant.code == "overexposed" { #expect(!result.reasons.contains(.tooDark)) }
    }

    @Test("No clean fixture earns a quality code, and the measurements are in range", arguments: GoldenParityTests.goldens)
    func clean(golden: Golden) async throws {
        guard golden.service.status == "ok" else { return }
        let result = try await Fixtures.engine.value.check(try Fixtures.bytes(golden.path))
        #expect(result.reasons.allSatisfy { !Self.codes.contains($0.rawValue) }, "\(golden.input.file): \(result.reasons)")
        #expect(result.quality.faceSize >= 120)
        #expect((60...200).contains(result.quality.brightness))
        #expect(result.quality.sharpness > 100)
    }

    @Test("Quality codes change neither the decision nor the active check; the thresholds are settings")
    func decisionUnchanged() async throws {
        let engine = try await Fixtures.engine.value
        let blurred = try await Self.variants.value[4].bytes
        let result = try await engine.check(blurred)
        // A strict sharpness threshold turns every check's face blurry; the decision stays the same.
        var strict = PassiveConfiguration()
        strict.quality.minSharpness = 100_000
        let (models, policy) = (engine.models, strict.policy)
        let t1 = try await onThread {
            try PassivePipeline(models: models, policy: policy).check(
                try DecodedImage.decode(try Fixtures.bytes(Fixtures.image("image_T1.jpg"))))
        }
        let reference = try await engine.check(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
        #expect(t1.reasons == reference.reasons + [.blurry])
        #expect(t1.label == reference.label && t1.confidenceScore == reference.confidenceScore)
        #expect(t1.requiresActiveCheck == reference.requiresActiveCheck)
        #expect(result.requiresActiveCheck == result.reasons.contains { !Self.codes.contains($0.rawValue) })
    }
}
