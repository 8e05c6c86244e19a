import Foundation
@testable import LivenessCore
import Testing
import TestSupport

/// The same-face check of bound challenges: dlib's network converted to ONNX, the alignment, the
/// median-and-consistency decision, and the blink analysis against a selfie.
@Suite("Face match")
struct FaceMatchTests {
    /// An engine with ACTIVE_CHECK_POLICY=always, so that every selfie opens a challenge.
    static let always = Task {
        var configuration = PassiveConfiguration(modelDirectory: Fixtures.models, workers: 1)
        configuration.activeCheck = .always
        return try await LivenessEngine(configuration: configuration)
    }

    /// The selfie's descriptor, taken as `POST /liveness` takes it for a challenge.
    static func reference(_ bytes: [UInt8]) async throws -> FaceReference {
        let engine = try await always.value
        let result = try await engine.checkForChallenge(bytes, bindFace: true)
        return try #require(result.reference)
    }

    static let goldenFolder = "\(Fixtures.packageRoot)/Tests/golden"

    static func golden() throws -> [Double] {
        try JSONDecoder().decode(GoldenEmbedding.self, from: Data(Fixtures.bytes("\(goldenFolder)/dlib-embedding-T1.json"))).embedding
    }

    @Test(
        "On the same chip, the converted network gives dlib's own embedding (golden from PyPI dlib-bin, within 1e-4), compiled at startup or on first use",
        arguments: InferenceEngine.allCases, [true, false])
    func golden(engine: InferenceEngine, keepLive: Bool) async throws {
        let golden = try Self.golden()
        try await onThread {
            let models = try LoadedModels(
                catalog: try ModelCatalog.locate(directory: Fixtures.models), engine: engine, workers: 1, keepLiveNetworks: keepLive)
            #expect(models.keepsLiveNetworks == (keepLive || engine == .opencv))
            let embedder = try FaceEmbedder(network: try #require(models.faceRecognition))
            let chip = try DecodedImage.decode(try Fixtures.bytes("\(Self.goldenFolder)/chip-T1.png"))
            let embedding = try embedder.embed(chip: chip)
            let largest = zip(embedding.values, golden).map { abs(Double($0) - $1) }.max() ?? 1
            #expect(embedding.values.count == golden.count)
            #expect(largest <= 1e-4, "largest difference \(largest)")
        }
    }

    @Test(
        "Face Mesh alignment of T1 cuts the golden chip (within rounding) and gives its embedding",
        arguments: InferenceEngine.allCases)
    func alignment(engine: InferenceEngine) async throws {
        let golden = try #require(FaceEmbedding(values: try Self.golden().map(Float.init)))
        try await onThread {
            // One worker's own networks, as the engine gives each worker.
            let shared = try LoadedModels(catalog: try ModelCatalog.locate(directory: Fixtures.models), engine: engine, workers: 1)
            let models = try WorkerModels(models: shared, policy: LivenessPolicy())
            let image = try DecodedImage.decode(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
            let face = try #require(try models.passive.detector.detect(image))
            let points = try #require(try models.blink?.alignmentPoints(image, box: face.box))
            let chip = try FaceEmbedder.chip(image, points: points)
            if let out = ProcessInfo.processInfo.environment["LIVENESS_WRITE_CHIP"] {
                try Data(try chip.encoded(as: "png")).write(to: URL(fileURLWithPath: out))
            }
            let reference = try DecodedImage.decode(try Fixtures.bytes("\(Self.goldenFolder)/chip-T1.png")).pixels()
            let pixels = try chip.pixels()
            #expect(pixels.count == reference.count)
            let meanDifference = Double(zip(pixels, reference).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(pixels.count)
            #expect(meanDifference < 2, "mean pixel difference \(meanDifference)")
            let distance = try #require(models.embedder).embed(chip: chip).distance(to: golden)
            #expect(distance < 0.03, "distance to the golden embedding \(distance)")
        }
    }

    @Test("Descriptors survive storage; anything else is refused")
    func stored() throws {
        let embedding = try #require(FaceEmbedding(values: (0..<128).map { Float($0) / 100 - 0.6 }))
        #expect(FaceEmbedding(stored: embedding.stored) == embedding)
        #expect(FaceEmbedding(stored: "AAAA") == nil)
        #expect(FaceEmbedding(stored: "not base64") == nil)
        #expect(FaceEmbedding(values: [Float](repeating: .nan, count: 128)) == nil)
    }

    @Test("Another person's blink clip: face_mismatch, though the clip blinks")
    func mismatch() async throws {
        let reference = try await Self.reference(try Fixtures.bytes(Fixtures.image("image_F1.jpg")))
        let engine = try await Fixtures.engine.value
        let analysis = try await engine.analyzeBlink(try Fixtures.bytes(Videos.path("blink_real_h264.mp4")), reference: reference)
        let match = try #require(analysis.faceMatch)
        #expect(!analysis.activePassed)
        #expect(analysis.blinkCount == 3)
        #expect(analysis.reasons == [.faceMismatch])
        #expect(!match.matched)
        #expect(match.framesCompared >= 5)
        #expect(try #require(match.distance) > 0.7, "measured 0.84-0.88 for T1 against this clip")
        #expect(match.consistent)
        print("face match F1 vs blink_real_h264.mp4: distance \(match.distance ?? -1), frames \(match.framesCompared)")
    }

    @Test("A selfie taken from the clip matches it on every encoding", arguments: Videos.blinkClips)
    func match(name: String) async throws {
        let reference = try await Self.reference(try await onThread { Videos.selfie })
        let engine = try await Fixtures.engine.value
        let analysis = try await engine.analyzeBlink(try Fixtures.bytes(Videos.path(name)), reference: reference)
        let match = try #require(analysis.faceMatch)
        #expect(analysis.activePassed, "\(analysis.reasons)")
        #expect(match.matched && match.consistent)
        #expect(try #require(match.distance) < 0.35)
        #expect(try #require(match.largestFrameDistance) < 0.22)
        print(
            "face match \(name): distance \(match.distance ?? -1), largest frame distance \(match.largestFrameDistance ?? -1), frames \(match.framesCompared), blink frames \(match.blinkFramesCompared), largest blink distance \(match.largestBlinkDistance ?? -1), largest jump \(match.largestBlinkJump ?? -1)"
        )
    }

    @Test("An aligned splice of another person's closed eyes into the victim's clip: face_changed (third probe)")
    func alignedSplice() async throws {
        let engine = try await Fixtures.engine.value
        let splice = try await Videos.alignedSplice { bytes in try await engine.check(bytes).face.box }
        let victim = Videos.path(Videos.spliceVictim)
        let selfie = try await onThread { try FFmpeg.convert(victim, extension: "jpg", arguments: ["-ss", "1", "-frames:v", "1", "-q:v", "2"]) }
        let reference = try await Self.reference(selfie)
        // Unspliced, the victim's clip fails only for its missing blink: the splice is what adds one.
        let plain = try await engine.analyzeBlink(try Fixtures.bytes(victim), reference: reference)
        #expect(plain.reasons == [.noBlink])
        let analysis = try await engine.analyzeBlink(splice, reference: reference)
        print("aligned splice: blinks \(analysis.blinkCount), reasons \(analysis.reasons), match \(String(describing: analysis.faceMatch))")
        #expect(analysis.blinkCount >= 1, "the splice must blink to be an attack")
        #expect(!analysis.activePassed)
        #expect(analysis.reasons.contains(.faceChanged))
    }

    @Test("Without a reference there is no face match; a selfie without landmarks matches nothing")
    func unbound() async throws {
        let engine = try await Fixtures.engine.value
        let clip = try Fixtures.bytes(Videos.path("blink_real_h264.mp4"))
        let free = try await engine.analyzeBlink(clip)
        #expect(free.faceMatch == nil && free.activePassed)
        let unavailable = try await engine.analyzeBlink(clip, reference: .unavailable)
        #expect(!unavailable.activePassed)
        #expect(unavailable.reasons == [.faceMismatch])
        #expect(unavailable.faceMatch?.distance == nil)
    }

    @Test("A face swapped inside the clip is face_changed; too few frames cannot match")
    func policy() async throws {
        let selfie = try await onThread { Videos.selfie }
        guard case .embedding(let man) = try await Self.reference(selfie),
            case .embedding(let woman) = try await Self.reference(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
        else { Issue.record("no descriptor"); return }
        let policy = FaceMatchPolicy()
        let swapped = policy.decide(reference: .embedding(man), frames: [man, man, man, woman, woman, man])
        #expect(swapped.reasons == [.faceChanged])
        #expect(swapped.match.matched && !swapped.match.consistent)
        let same = policy.decide(reference: .embedding(man), frames: Array(repeating: man, count: 5))
        #expect(same.reasons.isEmpty && same.match.distance == 0)
        let few = policy.decide(reference: .embedding(man), frames: Array(repeating: man, count: 4))
        #expect(few.reasons == [.faceMismatch] && few.match.distance == nil)
        let other = policy.decide(reference: .embedding(woman), frames: Array(repeating: man, count: 6))
        #expect(other.reasons == [.faceMismatch])
        #expect(man.distance(to: woman) > 0.7)
    }

    @Test("A blink whose closed eyes are another face's, or that cannot be compared, is face_changed")
    func blinkPolicy() async throws {
        let selfie = try await onThread { Videos.selfie }
        guard case .embedding(let man) = try await Self.reference(selfie),
            case .embedding(let woman) = try await Self.reference(try Fixtures.bytes(Fixtures.image("image_T1.jpg")))
        else { Issue.record("no descriptor"); return }
        let policy = FaceMatchPolicy()
        let frames = Array(repeating: woman, count: 6)
        let event = BlinkEvent(openBefore: 10, closed: [11, 12], openAfter: 13)
        func blink(closed: FaceEmbedding?) -> BlinkFaces {
            var embeddings = [10: woman, 13: woman]
            for index in event.closed { embeddings[index] = closed }
            return BlinkFaces(event: event, embeddings: embeddings)
        }
        let genuine = policy.decide(reference: .embedding(woman), frames: frames, blinks: [blink(closed: woman)])
        #expect(genuine.reasons.isEmpty && genuine.match.blinkFramesCompared == 4)
        let spliced = policy.decide(reference: .embedding(woman), frames: frames, blinks: [blink(closed: woman), blink(closed: man)])
        #expect(spliced.reasons == [.faceChanged])
        #expect(try #require(spliced.match.largestBlinkJump) > 0.7)
        let uncompared = policy.decide(reference: .embedding(woman), frames: frames, blinks: [blink(closed: nil)])
        #expect(uncompared.reasons == [.faceChanged])
        // Another face altogether is face_mismatch alone, however its blinks look.
        let other = policy.decide(reference: .embedding(man), frames: frames, blinks: [blink(closed: woman)])
        #expect(other.reasons == [.faceMismatch])
    }

    @Test("Blinks are located: the open frame before, the closed frames, the open frame after; faceless frames skipped")
    func blinkEvents() {
        let ears: [Double?] = [0.3, 0.3, nil, 0.1, 0.2, 0.1, 0.3, 0.3, 0.05, nil, 0.3, 0.3]
        let outcome = BlinkRule().evaluate(ears, fps: 25)
        #expect(
            outcome.events == [
                BlinkEvent(openBefore: 1, closed: [3, 5], openAfter: 6), BlinkEvent(openBefore: 7, closed: [8], openAfter: 10),
            ])
        #expect(outcome.blinks == 2)
    }

    @Test("Open-eye frames are picked evenly; closed-eye and faceless frames are not")
    func pick() {
        let points = (0..<5).map { Point(x: Double($0), y: 0) }
        var frames = (0..<20).map { _ in FrameObservation(ear: 0.28, alignment: points) }
        frames[3] = FrameObservation(ear: 0.12, alignment: points)
        frames[4] = FrameObservation.noFace
        let picked = FaceMatchPolicy.pick(frames, count: 6)
        #expect(picked.count == 6)
        #expect(!picked.contains(3) && !picked.contains(4))
        #expect(picked == picked.sorted() && Set(picked).count == 6)
        #expect(FaceMatchPolicy.pick([.noFace, .noFace], count: 3).isEmpty)
    }
}

/// `Tests/golden/dlib-embedding-T1.json`, written by `scripts/dlib/golden-embedding`.
struct GoldenEmbedding: Decodable {
    var embedding: [Double]
}
