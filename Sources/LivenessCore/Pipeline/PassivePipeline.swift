/// The passive check for one worker: decode → detect → classify → decide.
///
/// Holds its own networks and is used by exactly one thread at a time.
public final class PassivePipeline {
    public let detector: FaceDetector
    public let classifiers: [AntiSpoofClassifier]
    public let policy: LivenessPolicy
    public let modelVersion: String

    /// Makes this worker's nets from `models`. Throws ``ModelError`` naming the file at fault.
    public init(models: LoadedModels, policy: LivenessPolicy) throws(ModelError) {
        self.detector = try FaceDetector(network: models.detector, faceThreshold: policy.faceThreshold)
        var classifiers: [AntiSpoofClassifier] = []
        for (spec, network) in zip(models.catalog.classifiers, models.classifiers) {
            classifiers.append(try AntiSpoofClassifier(spec: spec, network: network))
        }
        self.classifiers = classifiers
        self.policy = policy
        self.modelVersion = models.catalog.modelVersion
    }

    /// Runs the whole check on encoded image bytes whose header was already checked.
    public func check(_ bytes: [UInt8], timings: inout StageTimings) throws(LivenessError) -> PassiveResult {
        let clock = ContinuousClock()
        var start = clock.now
        let image = try DecodedImage.decode(bytes)
        timings.decode = Self.seconds(since: start, clock)
        start = clock.now
        let result = try evaluate(image)
        timings.classify = Self.seconds(since: start, clock) - result.detectSeconds
        timings.detect = result.detectSeconds
        return result.result
    }

    /// The check of a video frame: nil when it has no face; any other error throws.
    public func checkIfFace(_ image: DecodedImage) throws(LivenessError) -> PassiveResult? {
        do {
            return try check(image)
        } catch  where error.code == .noFace {
            return nil
        }
    }

    /// Runs detection and classification on a decoded image.
    public func check(_ image: DecodedImage) throws(LivenessError) -> PassiveResult {
        try evaluate(image).result
    }

    private func evaluate(_ image: DecodedImage) throws(LivenessError) -> (result: PassiveResult, detectSeconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var found = try detector.detect(image)
        if found == nil && policy.smallFaceRecovery { found = try detector.recoverSmallFace(image) }
        guard let face = found else {
            throw .noFace("no face found with detector confidence of at least \(policy.faceThreshold)")
        }
        let detectSeconds = Self.seconds(since: start, clock)
        var scores: [ModelScore] = []
        scores.reserveCapacity(classifiers.count)
        for classifier in classifiers { scores.append(try classifier.classify(image, box: face.box)) }
        let quality = try FaceQuality.measure(image, box: face.box)
        return (policy.decide(face: face, scores: scores, modelVersion: modelVersion, quality: quality), detectSeconds)
    }

    private static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        start.duration(to: clock.now).seconds
    }
}
