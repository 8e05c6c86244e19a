import Configuration
import Foundation

/// Settings of the passive liveness check.
///
/// Configuration keys (environment variable, then the config key it maps from):
/// - `MODEL_DIR` (`model.dir`): folder of the detector and classifiers. Default `models`.
/// - `MODEL_PATH` (`model.path`): one classifier ONNX file, used instead of the folder's. Default unset.
/// - `EXTRA_MODELS` (`extra.models`): classifier ONNX files added to those, comma-separated (e.g. the optional
///   veto model). Default none.
/// - `MODEL_CROP_SCALE` (`model.crop.scale`): the crop scale of a classifier with neither manifest nor SFAS
///   file name, such as the Python service's `models/silentface.onnx`. Default 2.7.
/// - `CONFIDENCE_THRESHOLD` (`confidence.threshold`): score below which an active check is
///   required. Default 0.85.
/// - `MAX_WORKERS` (`max.workers`): worker threads, each with its own networks. Default: the
///   number of cores.
/// - `MAX_QUEUE` (`max.queue`): requests that may wait for a worker before `overloaded`.
///   Default 64.
/// - `ACTIVE_CHECK_POLICY` (`active.check.policy`): `adaptive` (an active check when the result is unsure)
///   or `always` (whenever a face is found). Default `adaptive`.
/// - `INFERENCE_ENGINE` (`inference.engine`): `openvino` or `opencv` (`cv::dnn`, the parity reference).
///   Default `openvino`.
/// - `SMALL_FACE_RECOVERY` (`small.face.recovery`): when upstream's detector pass finds no face, look again
///   at three times its input size; such a face always asks for the active check (`small_face`). Default true.
/// - `QUALITY_MIN_FACE_SIZE`, `QUALITY_MIN_BRIGHTNESS`, `QUALITY_MAX_BRIGHTNESS`, `QUALITY_MAX_CLIPPED`,
///   `QUALITY_MIN_SHARPNESS` (`quality.min.face.size`, ...): the thresholds of ``QualityPolicy``.
/// - `FACE_MATCH_THRESHOLD` (`face.match.threshold`): the largest selfie-to-video descriptor distance
///   that passes a bound blink challenge as the same face. Default 0.5.
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
    public var smallFaceRecovery = true
    /// When a face's image quality earns a reason.
    public var quality = QualityPolicy()
    /// How a bound blink video is compared with its selfie.
    public var faceMatch = FaceMatchPolicy()

    public init(
        modelDirectory: String = "models", modelPath: String? = nil, confidenceThreshold: Double = 0.85,
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

    /// Reads the keys listed on the type from `config`, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        self.init()
        modelDirectory = config.string(forKey: "model.dir", default: modelDirectory)
        modelPath = config.string(forKey: "model.path").flatMap { $0.isEmpty ? nil : $0 }
        extraModels = (config.string(forKey: "extra.models") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        modelCropScale = try ConfigurationError.number(
            config, "model.crop.scale", "MODEL_CROP_SCALE", default: modelCropScale, in: 0.1...16)
        confidenceThreshold = try ConfigurationError.number(
            config, "confidence.threshold", "CONFIDENCE_THRESHOLD", default: confidenceThreshold, in: 0...1)
        workers = Int(
            try ConfigurationError.number(config, "max.workers", "MAX_WORKERS", default: Double(workers), in: 1...256))
        maxQueue = Int(
            try ConfigurationError.number(config, "max.queue", "MAX_QUEUE", default: Double(maxQueue), in: 1...100_000))
        if let text = config.string(forKey: "active.check.policy"), !text.isEmpty {
            guard let parsed = ActiveCheckPolicy(rawValue: text.lowercased()) else {
                throw ConfigurationError(variable: "ACTIVE_CHECK_POLICY", message: "'\(text.prefix(40))' is not adaptive or always")
            }
            activeCheck = parsed
        }
        if let text = config.string(forKey: "inference.engine"), !text.isEmpty {
            guard let parsed = InferenceEngine(rawValue: text.lowercased()) else {
                throw ConfigurationError(variable: "INFERENCE_ENGINE", message: "'\(text.prefix(40))' is not openvino or opencv")
            }
            inferenceEngine = parsed
        }
        smallFaceRecovery = try ConfigurationError.flag(
            config, "small.face.recovery", "SMALL_FACE_RECOVERY", default: smallFaceRecovery)
        quality.minFaceSize = Int(
            try ConfigurationError.number(
                config, "quality.min.face.size", "QUALITY_MIN_FACE_SIZE", default: Double(quality.minFaceSize), in: 0...10_000))
        quality.minBrightness = try ConfigurationError.number(
            config, "quality.min.brightness", "QUALITY_MIN_BRIGHTNESS", default: quality.minBrightness, in: 0...255)
        quality.maxBrightness = try ConfigurationError.number(
            config, "quality.max.brightness", "QUALITY_MAX_BRIGHTNESS", default: quality.maxBrightness, in: 0...255)
        quality.maxClipped = try ConfigurationError.number(
            config, "quality.max.clipped", "QUALITY_MAX_CLIPPED", default: quality.maxClipped, in: 0...1)
        quality.minSharpness = try ConfigurationError.number(
            config, "quality.min.sharpness", "QUALITY_MIN_SHARPNESS", default: quality.minSharpness, in: 0...100_000)
        faceMatch.threshold = try ConfigurationError.number(
            config, "face.match.threshold", "FACE_MATCH_THRESHOLD", default: faceMatch.threshold, in: 0...2)
    }

    /// The policy these settings imply.
    public var policy: LivenessPolicy {
        var policy = LivenessPolicy(
            confidenceThreshold: confidenceThreshold, activeCheck: activeCheck, smallFaceRecovery: smallFaceRecovery)
        policy.quality = quality
        return policy
    }
}
