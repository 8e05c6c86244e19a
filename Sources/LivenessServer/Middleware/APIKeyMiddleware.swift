import Foundation
import HTTPTypes
import Hummingbird

/// Requires an API key on every endpoint except the open ones (health, metrics, spec, docs).
///
/// Accepts `X-API-KEY: <key>` or `Authorization: Bearer <key>`. Keys are compared in constant time
/// (``APIKeySet``) and never logged. Configuration keys: `API_KEY`, `API_KEYS`.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var apiKeyHeader: HTTPField.Name { HTTPField.Name("X-API-KEY")! }
    let keys: APIKeySet
    let openPaths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if keys.isEmpty || openPaths.contains(path) || path.hasPrefix("/demo/") {
            return try await next(request, context)
        }
        guard let presented = Self.presentedKey(request), let id = keys.identify(presented) else {
            context.logger.notice("unauthorized request", metadata: ["path": "\(request.uri.path)"])
            throw APIError.unauthorized
        }
        RequestScope.audit?.update { $0.apiKeyID = id }
        return try await RequestScope.$apiKeyID.withValue(id) { try await next(request, context) }
    }

    static func presentedKey(_ request: Request) -> String? {
        if let key = request.headers[apiKeyHeader], !key.isEmpty { return key }
        guard let authorization = request.headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
