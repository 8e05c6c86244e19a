import Logging

/// What the OpenAPI handlers (which see no Hummingbird context) need to know about the request they serve, bound
/// once per request by ``RequestIDMiddleware`` as ``current``; the static members read it.
struct RequestScope: Sendable {
    /// The request being served.
    @TaskLocal static var current: RequestScope?

    /// The request id: the client's `X-Request-ID` when usable, otherwise a new one.
    let requestID: String
    /// The client's IP address, when known.
    let clientAddress: String?
    /// The request's logger, with `request_id` metadata.
    let logger: Logger
    /// What the layers learn about the request: its operation, the API key that authenticated it, its outcome.
    let note: RequestNote
    /// The client's connection closing, when known.
    let hangUp: HangUp?
}
