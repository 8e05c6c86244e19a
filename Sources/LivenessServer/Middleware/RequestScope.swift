import Logging

/// Per-request values that the OpenAPI handlers (which see no Hummingbird context) need.
enum RequestScope {
    /// The request id: the client's `X-Request-ID` when usable, otherwise a new one.
    @TaskLocal static var requestID = ""
    /// The id of the API key that authenticated the request (a hash prefix), if any.
    @TaskLocal static var apiKeyID: String?
    /// The client's IP address, when known.
    @TaskLocal static var clientAddress: String?
    /// The request's logger, with `request_id` metadata.
    @TaskLocal static var logger = Logger(label: "liveness")
    /// What the layers learn about the request: its operation, its outcome (``RequestIDMiddleware`` makes it).
    @TaskLocal static var note: RequestNote?
    /// The client's connection closing, when known.
    @TaskLocal static var hangUp: HangUp?

    /// Who a limit applies to: the API key (by id) when the request was authenticated, otherwise the address.
    static var client: String {
        if let apiKeyID { return "key:\(apiKeyID)" }
        return "ip:\(clientAddress ?? "unknown")"
    }
}
