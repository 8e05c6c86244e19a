import HTTPTypes
import LivenessCore
import OpenAPIRuntime

/// Applies each operation's ``OperationPolicy`` (its `x-policy` in `openapi.yaml`), keyed by the `operationId`
/// the router matched: the key check, the rate limit, the media type and the body limit, in that order, all
/// before a byte of the body is read.
///
/// Configuration keys (through ``ServerConfiguration``): `API_KEY`, `API_KEYS`, `ADMIN_API_KEY`,
/// `RATE_LIMIT_PER_MINUTE`, `RATE_LIMIT_BURST`, `MAX_BODY_BYTES`, `MAX_VIDEO_BYTES`.
struct OperationPolicyMiddleware: ServerMiddleware {
    let operations: [String: APIOperation]
    let configuration: ServerConfiguration
    /// `RATE_LIMIT_PER_MINUTE`, if set.
    let limiter: RateLimiter?
    /// The engine, for the queue check.
    let state: ServiceState

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let operation = operations[operationID] else { throw APIError.notFound() }
        RequestScope.note?.update { $0.operation = operation }
        let keyID = try authenticate(request, operation.policy.access)
        if let keyID { RequestScope.note?.update { $0.apiKeyID = keyID } }
        if operation.policy.rateLimited, let limiter, let wait = limiter.acquire(RequestScope.client) {
            throw APIError.rateLimited(retryAfter: wait)
        }
        try checkMediaType(request, operation)
        if operation.policy.usesWorkers, let engine = state.engine, engine.isFull {
            throw LivenessError(.overloaded, "all \(engine.workerCount) workers are busy and the queue is full")
        }
        return try await next(request, limited(body, request, operation.policy.bodyLimit), metadata)
    }

    /// The id of the key that opens the operation (nil for open operations and when no keys are configured).
    private func authenticate(_ request: HTTPRequest, _ access: Access) throws -> String? {
        let keys: APIKeySet
        switch access {
        case .open: return nil
        case .apiKey:
            keys = configuration.apiKeys
        case .admin:
            keys = configuration.storage.adminKeys
            if keys.isEmpty { throw APIError.notFound("the admin API is off: set ADMIN_API_KEY") }
        }
        do {
            return try PresentedKey.keyID(request.headerFields, among: keys)
        } catch {
            // The path without its query: a client may put its key there (`?api_key=...`), and it is not logged.
            let path = request.path?.prefix { $0 != "?" } ?? ""
            RequestScope.logger.notice("unauthorized request", metadata: ["path": "\(path.prefix(200))"])
            throw error
        }
    }

    /// 415 unless the body's media type is one the operation takes. A JSON-only operation also takes a body
    /// without `Content-Type`, as the Python service (FastAPI) does.
    private func checkMediaType(_ request: HTTPRequest, _ operation: APIOperation) throws {
        guard !operation.mediaTypes.isEmpty else { return }
        guard let contentType = request.headerFields[.contentType] else {
            if operation.mediaTypes == ["application/json"] { return }
            throw APIError.unsupportedMediaType("no Content-Type", accepted: operation.mediaTypes)
        }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let mediaType, operation.mediaTypes.contains(mediaType) else {
            throw APIError.unsupportedMediaType(contentType, accepted: operation.mediaTypes)
        }
    }

    /// Refuses a declared length over the limit at once, and cuts a streamed body off the moment it passes it.
    private func limited(_ body: HTTPBody?, _ request: HTTPRequest, _ setting: BodyLimitSetting) throws -> HTTPBody? {
        let limit = setting.bytes(configuration)
        if let declared = request.headerFields[.contentLength].flatMap(Int.init), declared > limit.enforced {
            throw BodyLimitExceeded(limit: limit.named)
        }
        guard let body else { return nil }
        return HTTPBody(
            LimitedBody(base: body, limit: limit.enforced, named: limit.named), length: body.length, iterationBehavior: .single)
    }
}
