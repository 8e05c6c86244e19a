import LivenessCore

/// What the HTTP handlers need from the liveness engine: the passive check of an image, the blink analysis
/// of a clip, and what readiness, metrics and the queue check report. ``LivenessEngine`` is the implementation
/// (``LivenessEngine+LivenessChecking``); the HTTP tests of auth, routing, limits, errors, challenges and audit
/// run on a model-free stand-in.
public protocol LivenessChecking: Sendable {
    /// The passive check of an encoded image; with `bindFace` and a result that asks for the active check,
    /// also the selfie's face for the challenge to bind.
    func checkImage(_ bytes: [UInt8], bindFace: Bool) async throws(LivenessError) -> (result: PassiveResult, reference: FaceReference?)

    /// The analysis of an uploaded clip, compared with `reference` for a bound challenge, and judged against
    /// `actions` for an action challenge.
    func analyseClip(_ video: [UInt8], reference: FaceReference?, actions: ActionChallenge?) async throws(LivenessError) -> BlinkAnalysis

    /// One live-session frame observed on a worker (``LivenessEngine/observeLive(_:track:captureTime:arrivalTime:limits:embed:colour:)``).
    func observeLive(
        _ bytes: [UInt8], track: [Point3]?, captureTime: Double, arrivalTime: Double, limits: LiveFrameLimits, embed: Bool,
        colour: Bool
    ) async throws(LivenessError) -> (frame: LiveFrame, mesh: [Point3]?)

    /// The classifier set, e.g. `2.7_80x80_MiniFASNetV2+4_0_0_80x80_MiniFASNetV1SE`.
    var modelVersion: String { get }

    /// Whether the blink models are installed (challenges can be answered).
    var supportsBlink: Bool { get }

    /// Whether challenges can be bound to the selfie's face (the face-recognition model is installed too).
    var supportsFaceMatch: Bool { get }

    /// How a challenge's faces are compared with its selfie's (`FACE_MATCH_THRESHOLD`).
    var faceMatchPolicy: FaceMatchPolicy { get }

    /// The number of workers.
    var workerCount: Int { get }

    /// True when a check submitted now would be refused as `overloaded`.
    var isFull: Bool { get }

    /// Jobs waiting and running.
    var load: (queued: Int, busy: Int) { get }

    /// Finishes queued work and stops the workers.
    func shutdown() async
}
