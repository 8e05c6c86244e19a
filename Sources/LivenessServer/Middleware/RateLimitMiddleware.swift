import Hummingbird

/// Answers 429 `rate_limited` with `Retry-After` when a client exceeds `RATE_LIMIT_PER_MINUTE`
/// (bursts up to `RATE_LIMIT_BURST`). Clients are API keys (by id), or addresses without keys.
/// Open endpoints (health, metrics, spec, docs, demo) are not limited.
struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limiter: RateLimiter
    let limitedPaths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard limitedPaths.contains(request.uri.path) else { return try await next(request, context) }
        if let wait = limiter.acquire(RequestScope.client) { throw APIError.rateLimited(retryAfter: wait) }
        return try await next(request, context)
    }
}
