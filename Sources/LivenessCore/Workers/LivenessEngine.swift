import CLivenessCV

/// The liveness checks as a service: the passive check (header guard, decode, detection,
/// classification) and the blink analysis, on a pool of workers that each own their networks.
///
/// Configuration keys: see ``PassiveConfiguration``.
public final class LivenessEngine: Sendable {
    public let configuration: PassiveConfiguration
    public let catalog: ModelCatalog
    /// The networks, loaded once; the workers' nets are made from them.
    public let models: LoadedModels
    let pool: WorkerPool<WorkerModels>

    /// Locates and loads the models in every worker.
    ///
    /// - Throws: ``ModelError`` naming the missing or broken file.
    public init(configuration: PassiveConfiguration) async throws(ModelError) {
        let catalog = try ModelCatalog.locate(configuration)
        let policy = configuration.policy
        self.configuration = configuration
        self.catalog = catalog
        // Process-wide settings, before any worker starts: OpenCV's and FFmpeg's (environment variables), and
        // the decoder's own guard: no image buffer larger than the largest image the header guard lets through.
        Self.configureProcess()
        lcv_set_max_buffer_bytes(configuration.limits.decoderBytes)
        let models = try LoadedModels(
            catalog: catalog, engine: configuration.inferenceEngine, workers: configuration.workers,
            perWorker: configuration.openvinoPerWorker, keepLiveNetworks: configuration.openvinoKeepLiveNetworks,
            compilation: configuration.openvino)
        self.models = models
        self.pool = try await WorkerPool(
            workers: configuration.workers, maxQueue: configuration.maxQueue, name: "passive"
        ) { (index: Int) throws(ModelError) -> WorkerModels in
            // Parallelism comes from the workers; OpenCV's own thread pool would oversubscribe the cores.
            lcv_set_num_threads(Int32(configuration.opencvThreads == 0 ? -1 : configuration.opencvThreads))
            return try WorkerModels(models: models, policy: policy, probe: index == 0)
        }
        lcv_release_free_memory()
    }

    /// Applies OpenCV's and FFmpeg's process-wide settings (some are environment variables). The executable
    /// calls it first thing; ``init(configuration:)`` calls it too, before its workers start. Idempotent.
    public static func configureProcess() { lcv_configure_process() }

    /// The classifier set, e.g. `2.7_80x80_MiniFASNetV2+4_0_0_80x80_MiniFASNetV1SE`.
    public var modelVersion: String { catalog.modelVersion }

    /// The number of workers.
    public var workerCount: Int { pool.workerCount }

    /// The precision the detector and classifiers compute in (the video networks always use f32): f32 on OpenCV; on
    /// OpenVINO `OPENVINO_INFERENCE_PRECISION` where the CPU has the instructions for it, else f32.
    public var precision: InferencePrecision {
        configuration.inferenceEngine == .opencv ? .f32 : configuration.openvino.precision.effective
    }

    /// The engine, its runtime's version and the precision, e.g. `openvino 2026.4.1-22982-... (bf16)`.
    public var inferenceDescription: String { "\(models.engine) (\(precision.rawValue))" }

    /// True when a check submitted now would be refused as `overloaded`.
    public var isFull: Bool { pool.isFull }

    /// Jobs waiting and running.
    public var load: (queued: Int, busy: Int) { pool.load }

    /// Checks one encoded image.
    ///
    /// - Throws: ``LivenessError``: `invalid_request`, `invalid_image`, `image_too_large`,
    ///   `no_face` or `overloaded`.
    public func check(_ bytes: [UInt8]) async throws(LivenessError) -> PassiveResult {
        try await checkTimed(bytes).result
    }

    /// Checks one encoded image and reports how long each stage took.
    public func checkTimed(_ bytes: [UInt8]) async throws(LivenessError) -> (result: PassiveResult, timings: StageTimings) {
        try await submit(bytes) { (pipeline: WorkerModels) throws(LivenessError) in
            var timings = StageTimings()
            let result = try pipeline.passive.check(bytes, timings: &timings)
            return (result, timings)
        }
    }

    /// Applies the header guard to `bytes`, then runs `body` on a worker.
    func submit<T: Sendable>(
        _ bytes: [UInt8], _ body: @escaping @Sendable (WorkerModels) throws(LivenessError) -> T
    ) async throws(LivenessError) -> T {
        let header = try ImageHeader.read(bytes)
        try configuration.limits.check(header)
        return try await perform(body)
    }

    /// Runs `body` on a worker. Its errors and the pool's (`overloaded`) are ``LivenessError``s; the one other error
    /// the pool throws, a cancellation before a worker took the job, becomes `internal_error` with its description
    /// in the message (the HTTP layer logs it and answers without it; a client that hung up never reads it).
    func perform<T: Sendable>(_ body: @escaping @Sendable (WorkerModels) throws(LivenessError) -> T) async throws(LivenessError) -> T {
        do {
            return try await pool.run(body)
        } catch let error as LivenessError {
            throw error
        } catch {
            throw LivenessError(.internalError, "the check failed unexpectedly: \(error)")
        }
    }

    /// Finishes queued work and stops the workers.
    public func shutdown() async { await pool.shutdown() }
}
