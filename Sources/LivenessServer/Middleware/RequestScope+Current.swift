import Logging

extension RequestScope {
    /// The current request's id; empty outside a request.
    static var requestID: String { current?.requestID ?? "" }
    /// The id of the API key that authenticated the current request, if any.
    static var apiKeyID: String? { current?.note.apiKeyID }
    /// The current request's logger.
    static var logger: Logger { current?.logger ?? Logger(label: "liveness") }
    /// The current request's ``RequestNote``.
    static var note: RequestNote? { current?.note }
    /// The current request's connection closing, when known.
    static var hangUp: HangUp? { current?.hangUp }

    /// Who a limit applies to: the API key (by id) when the request was authenticated, otherwise the address.
    static var client: String {
        if let apiKeyID { return "key:\(apiKeyID)" }
        return "ip:\(current?.clientAddress ?? "unknown")"
    }
}
