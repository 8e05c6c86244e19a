import Hummingbird

/// Guards the admin endpoints (`GET /audit`): only `ADMIN_API_KEY` opens them; the ordinary API keys do not.
/// Without an admin key, or with the audit log off, they answer 404.
///
/// Configuration keys: `ADMIN_API_KEY`, `AUDIT_ENABLED` (through ``StorageConfiguration``).
struct AdminKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var adminPaths: Set<String> { ["/audit"] }
    let keys: APIKeySet
    let auditAvailable: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Other methods go on to the router, which answers 405 with `Allow`.
        guard request.method == .get, Self.adminPaths.contains(request.uri.path) else { return try await next(request, context) }
        guard auditAvailable, !keys.isEmpty else {
            throw APIError.notFound("the audit API is off: set ADMIN_API_KEY (with AUDIT_ENABLED on)")
        }
        guard let presented = APIKeyMiddleware<Context>.presentedKey(request), keys.identify(presented) != nil else {
            context.logger.notice("unauthorized admin request", metadata: ["path": "\(request.uri.path)"])
            throw APIError.unauthorized
        }
        return try await next(request, context)
    }
}
