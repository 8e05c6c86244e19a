import Foundation
import LivenessCore
import LivenessServer
import Synchronization
import TestSupport

/// A model-free stand-in for the engine (``LivenessChecking``), for the HTTP tests of auth, routing, limits,
/// errors, challenges and audit. Images go through the core's own header guard (real: `invalid_image`,
/// `image_too_large`, `image_too_complex` come from it), then get scripted answers: by default each fixture's
/// recorded outcome (its golden `service` block: label, score, active check, error), any other image `no_face`.
/// Clips go through the core's container guard, then: the photo clips (``Videos/photoClips``) fail with `no_blink`, any other passes, matched to the selfie
/// when the challenge is bound.
public final class ScriptedChecks: LivenessChecking {
    public typealias ImageScript = @Sendable ([UInt8]) throws(LivenessError) -> PassiveResult
    public typealias ClipScript = @Sendable ([UInt8], FaceReference?) throws(LivenessError) -> BlinkAnalysis

    private let image: ImageScript
    private let clip: ClipScript
    private let counts = Mutex((images: 0, clips: 0))
    public let modelVersion = "scripted"
    public let workerCount = 2
    public var isFull: Bool { false }
    public var load: (queued: Int, busy: Int) { (0, 0) }
    public let supportsBlink: Bool
    public let supportsFaceMatch: Bool

    /// `blink` and `faceMatch` say which models the stand-in pretends to have (all, by default).
    public init(
        image: @escaping ImageScript = ScriptedChecks.recorded, clip: @escaping ClipScript = ScriptedChecks.recordedClips,
        blink: Bool = true, faceMatch: Bool = true
    ) {
        self.image = image
        self.clip = clip
        self.supportsBlink = blink
        self.supportsFaceMatch = blink && faceMatch
    }

    /// Images and clips that reached the scripts (after the header guard).
    public var calls: (images: Int, clips: Int) { counts.withLock { $0 } }

    public func checkImage(
        _ bytes: [UInt8], bindFace: Bool
    ) async throws(LivenessError) -> (result: PassiveResult, reference: FaceReference?) {
        try ImageLimits().check(try ImageHeader.read(bytes))
        counts.withLock { $0.images += 1 }
        let result = try image(bytes)
        guard bindFace, result.requiresActiveCheck, supportsFaceMatch else { return (result, nil) }
        return (result, .embedding(Self.selfieFace))
    }

    /// Live frames need Face Mesh: the live socket's suites run on the real engine.
    public var faceMatchPolicy: FaceMatchPolicy { FaceMatchPolicy() }

    public func observeLive(
        _ bytes: [UInt8], track: [Point3]?, captureTime: Double, arrivalTime: Double, limits: LiveFrameLimits, embed: Bool,
        colour: Bool
    ) async throws(LivenessError) -> (frame: LiveFrame, mesh: [Point3]?) {
        _ = try limits.check(bytes)
        throw LivenessError(.blinkUnavailable, "the scripted checks observe no live frames")
    }

    public func analyseClip(_ video: [UInt8], reference: FaceReference?, actions: ActionChallenge?) async throws(LivenessError) -> BlinkAnalysis {
        try DecodedClip.checkContainer(video, limits: VideoLimits())
        counts.withLock { $0.clips += 1 }
        return try clip(video, reference)
    }

    public func shutdown() async {}

    /// The face descriptor every scripted selfie has.
    public static let selfieFace = FaceEmbedding(values: Array(repeating: 0.05, count: FaceEmbedding.dimensions))!

    /// A result with `label` and `score`; below 0.85 (or with `reasons`) it asks for the active check.
    public static func result(_ label: LivenessLabel, score: Double, reasons: [Reason] = [], faces: Int = 1) -> PassiveResult {
        let reasons = reasons.isEmpty && score < 0.85 ? [.lowConfidence] : reasons
        return PassiveResult(
            label: label, confidenceScore: score, realProbability: label == .real ? score : (1 - score) / 2,
            requiresActiveCheck: !reasons.isEmpty,
            face: DetectedFace(box: FaceBox(x: 100, y: 80, width: 220, height: 240), confidence: 0.99, faceCount: faces),
            reasons: reasons, models: [], modelVersion: "scripted",
            quality: FaceQuality(faceSize: 220, brightness: 120, clipped: 0, sharpness: 300, touchesEdge: false))
    }

    /// Each fixture's golden outcome, by content; the blink clips' man (``Videos/selfie``) is real at 0.98.
    public static let fixtures: [[UInt8]: Golden.Service] = {
        var outcomes: [[UInt8]: Golden.Service] = [:]
        for golden in (try? Fixtures.goldens()) ?? [] {
            if let bytes = try? Fixtures.bytes(golden.path) { outcomes[bytes] = golden.service }
        }
        outcomes[Videos.selfie] = Golden.Service(
            status: "ok", liveness_label: "real", confidence_score: 0.98, requires_active_check: false, error: nil)
        return outcomes
    }()

    /// As ACTIVE_CHECK_POLICY=always: every recorded face asks for the active check (`policy_always`).
    public static func alwaysChallenge(blink: Bool = true, faceMatch: Bool = true) -> ScriptedChecks {
        ScriptedChecks(
            image: { (bytes: [UInt8]) throws(LivenessError) -> PassiveResult in
                var result = try recorded(bytes)
                result.requiresActiveCheck = true
                result.reasons = [.policyAlways] + result.reasons.filter { $0 != .lowConfidence }
                return result
            }, blink: blink, faceMatch: faceMatch)
    }

    /// The default image script: the fixture's recorded outcome.
    public static let recorded: ImageScript = { (bytes: [UInt8]) throws(LivenessError) -> PassiveResult in
        guard let service = fixtures[bytes] else { throw LivenessError(.noFace, "scripted: not a fixture") }
        guard service.status == "ok", let label = service.liveness_label.flatMap(LivenessLabel.init(rawValue:)),
            let score = service.confidence_score
        else {
            throw LivenessError(LivenessError.Code.all.first { $0.rawValue == service.error } ?? .internalError, "scripted")
        }
        let twoFaces = service.requires_active_check == true && score >= 0.85
        return result(label, score: score, reasons: twoFaces ? [.multipleFaces] : [], faces: twoFaces ? 2 : 1)
    }

    /// The photo clips' contents.
    public static let photoClips: Set<[UInt8]> = Set(Videos.photoClips.compactMap { try? Fixtures.bytes(Videos.path($0)) })

    /// The default clip script: the photo clips fail (`no_blink`); any other clip passes (three blinks, a real
    /// passive verdict), matched to a bound selfie.
    public static let recordedClips: ClipScript = { (video: [UInt8], reference: FaceReference?) throws(LivenessError) -> BlinkAnalysis in
        analysis(passed: !photoClips.contains(video), reference: reference)
    }

    /// A clip's analysis: passed, or failed with `no_blink`.
    public static func analysis(passed: Bool, reference: FaceReference? = nil) -> BlinkAnalysis {
        let match = reference.map { _ in FaceMatch(matched: true, distance: 0.31, framesCompared: 6, largestFrameDistance: 0.2, consistent: true) }
        return BlinkAnalysis(
            activePassed: passed, blinkCount: passed ? 3 : 0, framesAnalyzed: 90, faceFrames: 90, reasons: passed ? [] : [.noBlink],
            passive: .init(label: .real, confidenceScore: 0.97, realProbability: 0.97, framesChecked: 5), fps: 30, motion: 0.01,
            earBaseline: 0.3, earMinimum: passed ? 0.1 : 0.28, ears: [], faceMatch: match)
    }
}
