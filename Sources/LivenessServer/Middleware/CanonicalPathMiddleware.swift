import Hummingbird

/// Answers 404 for a path the router would match only after normalising it: a doubled slash (`//audit`) or a
/// trailing one (`/audit/`). Hummingbird's router skips empty path components; this makes every route answer
/// at exactly one path, so nothing keyed by a path can be sidestepped by a variant of it.
struct CanonicalPathMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard Self.isCanonical(path) else { throw APIError.notFound() }
        return try await next(request, context)
    }

    static func isCanonical(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.contains("//") && (path == "/" || !path.hasSuffix("/"))
    }
}
