import Hummingbird
import LivenessCore

/// Counts every request (after errors have become responses) and logs one line per request:
/// method, path, status, latency and request id. Never headers, bodies or keys.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: LivenessMetrics?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let seconds = start.duration(to: clock.now).seconds
        metrics?.recordRequest(
            method: request.method.rawValue, endpoint: RequestScope.note?.fields.operation?.path ?? "other",
            status: response.status.code, seconds: seconds)
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path.prefix(200))",
                "status": "\(response.status.code)", "duration_ms": "\(Int((seconds * 1000).rounded()))",
            ])
        return response
    }
}
