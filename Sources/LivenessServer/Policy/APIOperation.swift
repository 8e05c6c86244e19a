/// One operation of `openapi.yaml`: where it is served, what it accepts, and its request policy.
struct APIOperation: Sendable, Hashable {
    /// The `operationId`, e.g. `checkBlink`.
    let id: String
    /// The HTTP method, upper case.
    let method: String
    /// The path template, e.g. `/active/blink`; also the operation's metrics label.
    let path: String
    /// The media types of the request body (none for operations without one).
    let mediaTypes: [String]
    let policy: OperationPolicy
}
