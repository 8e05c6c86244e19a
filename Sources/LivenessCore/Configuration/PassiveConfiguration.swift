import Foundation

/// Settings of the passive liveness check, passed in by the caller: the core reads no environment. The server
/// and the CLI read them from the settings table (`Setting.passiveSettings` in LivenessServer: `MODEL_DIR`, `MODEL_PATH`,
/// `EXTRA_MODELS`, `MODEL_CROP_SCALE`, `CONFIDENCE_THRESHOLD`, `ACTIVE_CHECK_POLICY`, `SMALL_FACE_RECOVERY`, the
/// `QUALITY_*` thresholds, `FACE_MATCH_THRESHOLD`, the `ACTION_*` thresholds, `INFERENCE_ENGINE`, `OPENVINO_THREADS_PER_STREAM`, `OPENVINO_CPU_PINNING`, `OPENVINO_INFERENCE_PRECISION`, `MAX_WORKERS`, `MAX_QUEUE`), which
/// shows the defaults set here.
public struct PassiveConfiguration: Hashable, Sendable {
    public var modelDirectory: String
    public var modelPath: String?
    public var extraModels: [String] = []
    public var modelCropScale = 2.7
    public var confidenceThreshold: Double
    public var workers: Int
    public var maxQueue: Int
    public var limits: ImageLimits
    public var activeCheck = ActiveCheckPolicy.adaptive
    public var inferenceEngine = InferenceEngine.openvino
    /// How OpenVINO compiles the networks: threads per stream, pinning, precision.
    public var openvino = OpenVINOCompilation()
    /// Whether each worker compiles its own copy of the networks that run on every image and frame (detector,
    /// classifiers, Face Mesh, Iris) on OpenVINO, so that their inference runs on the worker's thread. Measured
    /// default (docs/performance.md): on; two workers 1.95-2.08x one (shared: 1.5-1.75x), 5-10 % more req/s, a
    /// blink clip about 20 % faster, for about 24 MiB more at peak.
    public var openvinoPerWorker = true
    /// Whether the live networks (Face Mesh, Iris, the face descriptor) are compiled and probed at startup on
    /// OpenVINO. Off by default (docs/performance.md): they are read and parsed at startup and each worker's copy
    /// compiles on first use, so a service that has opened no challenge yet holds about 95 MiB less and starts
    /// 0.2-0.4 s sooner; the first challenge a worker opens and its first clip take 0.1-0.3 s longer, once.
    public var openvinoKeepLiveNetworks = false
    /// OpenCV's threads per worker for resizing, colour conversion and `cv::dnn` (0: OpenCV's default). Measured
    /// default: 1, parallelism comes from the workers (docs/performance.md).
    public var opencvThreads = 1
    public var smallFaceRecovery = true
    /// When a face's image quality earns a reason.
    public var quality = QualityPolicy()
    /// How a bound blink video is compared with its selfie.
    public var faceMatch = FaceMatchPolicy()
    /// How an action challenge's clip is judged.
    public var actions = ActionPolicy()

    public init(
        modelDirectory: String = "models", modelPath: String? = nil, confidenceThreshold: Double = LivenessPolicy().confidenceThreshold,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, maxQueue: Int = 64,
        limits: ImageLimits = ImageLimits()
    ) {
        self.modelDirectory = modelDirectory
        self.modelPath = modelPath
        self.confidenceThreshold = confidenceThreshold
        self.workers = workers
        self.maxQueue = maxQueue
        self.limits = limits
    }

    /// The policy these settings imply.
    public var policy: LivenessPolicy {
        var policy = LivenessPolicy(activeCheck: activeCheck, smallFaceRecovery: smallFaceRecovery)
        policy.confidenceThreshold = confidenceThreshold
        policy.quality = quality
        return policy
    }
}
