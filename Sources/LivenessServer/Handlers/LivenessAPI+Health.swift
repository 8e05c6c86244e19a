import LivenessWire

extension LivenessAPI {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    func getLiveness(_ input: Operations.GetLiveness.Input) async throws -> Operations.GetLiveness.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    /// 200 once the models are loaded and the workers run; 503 before that, while shutting down, and while a
    /// model that challenges need is missing (``ServerConfiguration/challengeProblem(_:)``, as `reason`).
    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        guard let engine = state.engine, !state.isDraining else {
            return .serviceUnavailable(.init(body: .json(.init(status: .notReady))))
        }
        if let problem = configuration.challengeProblem(engine) {
            return .serviceUnavailable(.init(body: .json(.init(status: .notReady, reason: problem))))
        }
        return .ok(.init(body: .json(.init(status: .ready, workers: engine.workerCount, modelVersion: engine.modelVersion))))
    }

    /// Prometheus text, or 404 "Metrics disabled" with `ENABLE_METRICS=false`.
    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        // Error bodies are built in one place, APIError.
        guard let metrics else { throw APIError.notFound("Metrics disabled") }
        return .ok(.init(body: .plainText(.init(metrics.render(load: state.engine?.load)))))
    }
}
