import LivenessCore
import Logging
import ServiceLifecycle

/// Loads the models into the worker pool, marks the service ready, and on graceful shutdown
/// (after the HTTP server has drained) stops the workers.
///
/// Configuration keys: see ``PassiveConfiguration``; `ENABLE_FALLBACK` and `ALLOW_UNBOUND_CHALLENGES` decide
/// whether a missing blink or face-recognition model keeps the service not ready.
struct ModelService: Service {
    let server: ServerConfiguration
    var configuration: PassiveConfiguration { server.passive }
    let state: ServiceState
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let engine = try await LivenessEngine(configuration: configuration)
        state.attach(engine)
        logger.info(
            "models loaded",
            metadata: [
                "model_version": "\(engine.modelVersion)", "workers": "\(engine.workerCount)",
                "max_queue": "\(configuration.maxQueue)", "load_ms": "\(Int(((clock.now - start).seconds * 1000).rounded()))",
                "face_match": "\(engine.supportsFaceMatch)", "inference_engine": "\(engine.models.engine)",
                "inference_precision": "\(engine.precision.rawValue)",
            ])
        let requested = configuration.openvino.precision
        if configuration.inferenceEngine == .openvino && engine.precision != requested {
            logger.warning(
                "OPENVINO_INFERENCE_PRECISION=\(requested.rawValue): this CPU has no instructions for it (OpenVINO would emulate it, slower than f32); the networks compute in \(engine.precision.rawValue)"
            )
        }
        for note in engine.catalog.notes { logger.notice("classifier \(note)") }
        for spec in engine.catalog.classifiers {
            if case .veto(let threshold) = spec.role {
                logger.info("veto model \(spec.name): asks for the active check when its live probability is below \(threshold)")
            }
        }
        if let problem = server.challengeProblem(engine) {
            logger.error("not ready: \(problem)")
        } else if server.enableFallback && !engine.supportsFaceMatch {
            logger.warning("ALLOW_UNBOUND_CHALLENGES: challenges are not bound to the selfie's face (\(ModelCatalog.faceRecognitionName) is missing)")
        }
        try? await gracefulShutdown()
        _ = state.detach()
        await engine.shutdown()
        logger.info("workers stopped")
    }
}
