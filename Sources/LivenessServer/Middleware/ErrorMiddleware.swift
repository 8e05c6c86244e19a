import Hummingbird
import Logging
import LivenessCore
import OpenAPIRuntime

/// Turns every error into a JSON `{"error": {"code", "message"}}` answer with a precise status.
///
/// Bad input never becomes a 500: decoding failures are `invalid_request`, oversized bodies
/// `payload_too_large`. Unexpected errors are logged and answered with a bare `internal_error`,
/// without details, paths or stack traces.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods each route answers, for 405 `method_not_allowed` with an `Allow` header.
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.classify(error)
            RequestScope.note?.update { $0.outcome = apiError.identifier }
            if apiError == .notFound(), CanonicalPathMiddleware<Context>.isCanonical(request.uri.path),
                let allowed = routes.allowed(request.uri.path)
            {
                var response = APIError.methodNotAllowed.response()
                response.headers[.allow] = allowed
                return response
            }
            if let error = error as? StorageError {
                context.logger.warning("database unavailable", metadata: ["error": "\(error.message)"])
            }
            if apiError.status == .internalServerError {
                // The domain's internal errors carry what failed (a bridge message: no input bytes); the
                // client gets a bare internal_error, the log the detail, with the request id.
                var metadata: Logger.Metadata = ["error.type": "\(String(reflecting: type(of: error)))"]
                if let error = (error as? LivenessError) ?? ((error as? ServerError)?.underlyingError as? LivenessError) {
                    metadata["error.message"] = "\(error.message)"
                }
                context.logger.error("request failed", metadata: metadata)
            }
            return apiError.response()
        }
    }

    static func classify(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as LivenessError: return APIError(error)
        case let error as BodyLimitExceeded: return .payloadTooLarge(limit: error.limit)
        case is StorageError: return .storageUnavailable
        case let error as ServerError: return classify(server: error)
        case is DecodingError: return .invalidRequest("the body is not valid JSON for this endpoint")
        case let error as HTTPResponseError:
            switch error.status {
            case .notFound: return .notFound()
            case .methodNotAllowed: return .methodNotAllowed
            case .contentTooLarge: return .payloadTooLarge(limit: 0)
            default: return error.status.code < 500 ? .invalidRequest("the request is malformed") : .internalError
            }
        default: return .internalError
        }
    }

    /// Errors the generated OpenAPI code wraps: ours inside, or the runtime's request-parsing errors.
    private static func classify(server error: ServerError) -> APIError {
        let underlying = error.underlyingError
        if underlying is APIError || underlying is LivenessError || underlying is BodyLimitExceeded
            || underlying is ServerError || underlying is DecodingError || underlying is StorageError
        {
            return classify(underlying)
        }
        switch error.httpStatus {
        case .unsupportedMediaType:
            return .unsupportedMediaType(
                error.request.headerFields[.contentType] ?? "no Content-Type",
                accepted: APIOperation.all[error.operationID]?.mediaTypes ?? [])
        case .badRequest, .notAcceptable, .unprocessableContent:
            return .invalidRequest("the request does not match the API")
        default:
            return .internalError
        }
    }
}
