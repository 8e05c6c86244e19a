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

extension APIOperation {
    // `all`, every operation of `openapi.yaml` with its `x-policy`, is generated at build time by the
    // EmbedResources plugin (Sources/embed-resources/PolicyTable.swift): a malformed x-policy stops the build.

    /// The operation at `path` (a template) with `method`, if any.
    static func find(method: String, path: String) -> APIOperation? {
        all.values.first { $0.method == method && $0.path == path }
    }
}
