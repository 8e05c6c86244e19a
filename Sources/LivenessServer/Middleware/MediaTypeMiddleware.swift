import Foundation
import Hummingbird

/// Refuses bodies whose `Content-Type` the endpoint does not take, with 415 `unsupported_media_type`.
struct MediaTypeMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Path → accepted media types (without parameters).
    let accepted: [String: Set<String>]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .post, let types = accepted[request.uri.path], let contentType = request.headers[.contentType] {
            let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let mediaType, types.contains(mediaType) else { throw APIError.unsupportedMediaType(contentType) }
        }
        return try await next(request, context)
    }
}
