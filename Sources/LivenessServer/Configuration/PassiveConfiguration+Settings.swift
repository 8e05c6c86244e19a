import Configuration
import LivenessCore

extension PassiveConfiguration {
    /// Reads ``Setting/passiveSettings``, keeping the defaults for missing ones.
    public init(config: ConfigReader) throws(ConfigurationError) {
        try self.init(settings: SettingsReader(config))
    }

    /// Reads ``Setting/passiveSettings``, keeping the defaults for missing ones.
    public init(settings: SettingsReader) throws(ConfigurationError) {
        self.init()
        modelDirectory = settings.text(.modelDirectory) ?? modelDirectory
        modelPath = settings.text(.modelPath)
        extraModels = settings.list(.extraModels)
        modelCropScale = try settings.number(.modelCropScale, default: modelCropScale)
        confidenceThreshold = try settings.number(.confidenceThreshold, default: confidenceThreshold)
        activeCheck = try settings.choice(.activeCheckPolicy, default: activeCheck)
        smallFaceRecovery = try settings.flag(.smallFaceRecovery, default: smallFaceRecovery)
        quality.minFaceSize = try settings.integer(.qualityMinFaceSize, default: quality.minFaceSize)
        quality.minBrightness = try settings.number(.qualityMinBrightness, default: quality.minBrightness)
        quality.maxBrightness = try settings.number(.qualityMaxBrightness, default: quality.maxBrightness)
        quality.maxClipped = try settings.number(.qualityMaxClipped, default: quality.maxClipped)
        quality.minSharpness = try settings.number(.qualityMinSharpness, default: quality.minSharpness)
        inferenceEngine = try settings.choice(.inferenceEngine, default: inferenceEngine)
        openvino.threadsPerStream = try settings.integer(.openvinoThreadsPerStream, default: openvino.threadsPerStream)
        openvino.precision = try settings.choice(.openvinoInferencePrecision, default: openvino.precision)
        opencvThreads = try settings.integer(.opencvThreads, default: opencvThreads)
        openvinoPerWorker = try settings.flag(.openvinoPerWorker, default: openvinoPerWorker)
        openvinoKeepLiveNetworks = try settings.flag(.openvinoKeepLiveNetworks, default: openvinoKeepLiveNetworks)
        if let pinning = settings.text(.openvinoCPUPinning)?.lowercased() {
            switch pinning {
            case "on": openvino.cpuPinning = true
            case "off": openvino.cpuPinning = false
            case "auto": openvino.cpuPinning = nil
            default: throw settings.refusal(.openvinoCPUPinning, "'\(pinning.prefix(40))' is not auto, on or off")
            }
        }
        workers = try settings.integer(.maxWorkers, default: workers)
        maxQueue = try settings.integer(.maxQueue, default: maxQueue)
        faceMatch.threshold = try settings.number(.faceMatchThreshold, default: faceMatch.threshold)
        actions.turnDegrees = try settings.number(.actionTurnDegrees, default: actions.turnDegrees)
        actions.nodDegrees = try settings.number(.actionNodDegrees, default: actions.nodDegrees)
        actions.mouthOpening = try settings.number(.actionMouthOpening, default: actions.mouthOpening)
        actions.holdSeconds = Double(try settings.integer(.actionHoldMs, default: Int(actions.holdSeconds * 1000))) / 1000
        actions.timeTolerance = try settings.number(.actionTimeToleranceSeconds, default: actions.timeTolerance)
    }
}
