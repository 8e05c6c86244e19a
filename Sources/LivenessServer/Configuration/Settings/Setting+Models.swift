import LivenessCore

extension Setting {
    private static let passive = PassiveConfiguration()

    public static let modelDirectory = Setting(
        "model.dir", .text, default: passive.modelDirectory, group: .models,
        "folder with the detector and the classifiers: every SFAS-named `*MiniFASNet*.onnx` and every `NAME.onnx` with a manifest `NAME.json` beside it ([models.md](models.md))"
    )
    public static let modelPath = Setting(
        "model.path", .text, group: .models,
        "one classifier ONNX file, used instead of the folder's: an SFAS name, a manifest beside it, or any name (the Python service's `models/silentface.onnx`) with SFAS's recipe assumed"
    )
    public static let extraModels = Setting(
        "extra.models", .list, group: .models,
        "classifier ONNX files added to those, e.g. `models/optional/facenox-MiniFAS-98.20.onnx` (a veto)")
    public static let modelCropScale = Setting(
        "model.crop.scale", .number(0.1...16), default: passive.modelCropScale, group: .models,
        "the crop scale assumed for a classifier with neither manifest nor SFAS name (a startup line says what was assumed)")
    public static let confidenceThreshold = Setting(
        "confidence.threshold", .number(0...1), default: passive.confidenceThreshold, group: .models,
        "score below which an active check is required")
    public static let activeCheckPolicy = Setting(
        "active.check.policy", .choice(ActiveCheckPolicy.allCases.map(\.rawValue)), default: passive.activeCheck.rawValue,
        group: .models,
        "`adaptive`: an active check when the result is unsure; `always`: whenever a face is found (reason `policy_always`), for high-assurance onboarding"
    )
    public static let smallFaceRecovery = Setting(
        "small.face.recovery", .flag, default: passive.smallFaceRecovery, group: .models,
        "when upstream's detector pass (a 192-px-area resize) finds no face, look again at three times that size; a face found only so always asks for the active check (reason `small_face`)"
    )
    public static let qualityMinFaceSize = Setting(
        "quality.min.face.size", .integer(0...10_000), default: passive.quality.minFaceSize, group: .models,
        "face box side (px) under which the reason `face_too_small` is added; quality reasons never change a decision")
    public static let qualityMinBrightness = Setting(
        "quality.min.brightness", .number(0...255), default: passive.quality.minBrightness, group: .models,
        "mean face luma under which `too_dark` is added")
    public static let qualityMaxBrightness = Setting(
        "quality.max.brightness", .number(0...255), default: passive.quality.maxBrightness, group: .models,
        "mean face luma over which `overexposed` is added")
    public static let qualityMaxClipped = Setting(
        "quality.max.clipped", .number(0...1), default: passive.quality.maxClipped, group: .models,
        "fraction of blown-out face pixels (luma ≥ 250) over which `overexposed` is added")
    public static let qualityMinSharpness = Setting(
        "quality.min.sharpness", .number(0...100_000), default: passive.quality.minSharpness, group: .models,
        "Laplacian variance of the normalised face under which `blurry` is added")
    public static let inferenceEngine = Setting(
        "inference.engine", .choice(InferenceEngine.allCases.map(\.rawValue)), default: passive.inferenceEngine.rawValue,
        flag: "engine", group: .models,
        "`openvino` (OpenVINO's CPU plugin) or `opencv` (`cv::dnn`, the parity reference)")
    public static let openvinoThreadsPerStream = Setting(
        "openvino.threads.per.stream", .integer(0...64), default: passive.openvino.threadsPerStream, group: .models,
        "OpenVINO CPU threads per stream (one stream per worker; 1: each check on one core); 0 leaves it to the plugin")
    public static let openvinoInferencePrecision = Setting(
        "openvino.inference.precision", .choice(InferencePrecision.allCases.map(\.rawValue)),
        default: passive.openvino.precision.rawValue, group: .models,
        "precision of the detector and classifiers on OpenVINO: `f32` (the reference models') or `bf16`, faster on CPUs with bfloat16 instructions (AVX512_BF16, AMX) but scores move by up to about 0.03 and face boxes by 1-2 px (f32 on CPUs without them; the video networks always run f32)"
    )
    public static let openvinoPerWorker = Setting(
        "openvino.per.worker", .flag, default: passive.openvinoPerWorker, group: .models,
        "each worker compiles its own detector, classifiers, Face Mesh and Iris on OpenVINO and runs them on its own thread; false shares one copy (less memory, fewer checks per second, slower clips)"
    )
    public static let openvinoKeepLiveNetworks = Setting(
        "openvino.keep.live.networks", .flag, default: passive.openvinoKeepLiveNetworks, group: .models,
        "compile and probe Face Mesh, Iris and the face descriptor at startup on OpenVINO; false only reads them at startup and compiles each worker's copy on first use (about 95 MiB less until the first challenge, whose check and clip then take 0.1-0.3 s longer, once per worker)"
    )
    public static let opencvThreads = Setting(
        "opencv.threads", .integer(0...64), default: passive.opencvThreads, group: .models,
        "OpenCV threads for each worker's resizing, colour conversion and `cv::dnn` (1: each check on one core); 0 is OpenCV's default")
    public static let openvinoCPUPinning = Setting(
        "openvino.cpu.pinning", .choice(["auto", "on", "off"]),
        default: passive.openvino.cpuPinning.map { $0 ? "on" : "off" } ?? "auto", group: .models,
        "whether OpenVINO pins its threads to cores; `auto` leaves it to the plugin")
    public static let maxWorkers = Setting(
        "max.workers", .integer(1...256), default: "number of cores", group: .models,
        "worker threads, each with its own nets or infer requests (on OpenVINO, its own compiled passive networks)")
    public static let maxQueue = Setting(
        "max.queue", .integer(1...100_000), default: passive.maxQueue, group: .models,
        "requests that may wait for a worker before 503 `overloaded`")
    public static let faceMatchThreshold = Setting(
        "face.match.threshold", .number(0...2), default: passive.faceMatch.threshold, group: .challenges,
        "largest selfie-to-video descriptor distance that passes a bound challenge as the same face")
    public static let actionTurnDegrees = Setting(
        "action.turn.degrees", .number(1...90), default: passive.actions.turnDegrees, group: .challenges,
        "head turn (yaw from the neutral start) that counts as `turn_left`/`turn_right`")
    public static let actionNodDegrees = Setting(
        "action.nod.degrees", .number(1...90), default: passive.actions.nodDegrees, group: .challenges,
        "head tilt (pitch from the neutral start) that counts as `look_up`/`look_down`")
    public static let actionMouthOpening = Setting(
        "action.mouth.opening", .number(0.01...2), default: passive.actions.mouthOpening, group: .challenges,
        "inner-lip opening over mouth width, above the neutral start's, that counts as `open_mouth`")
    public static let actionHoldMs = Setting(
        "action.hold.ms", .integer(0...5_000), default: Int(passive.actions.holdSeconds * 1000), group: .challenges,
        "how long an action must be held (and at least 3 frames)")
    public static let actionTimeToleranceSeconds = Setting(
        "action.time.tolerance.seconds", .number(0...5), default: passive.actions.timeTolerance, group: .challenges,
        "how far before its cue or after its slot an action's peak may fall")

    /// What ``PassiveConfiguration`` reads.
}
