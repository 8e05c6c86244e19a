/// The request policy of one OpenAPI operation, read from its `x-policy` in `openapi.yaml`: the one place
/// that says who may call it, whether it is rate limited, what bounds its body and whether it is audited.
///
/// ``OperationPolicyMiddleware`` applies it to the operation the router matched, never to a path string.
struct OperationPolicy: Sendable, Hashable {
    var access: Access
    /// Counted against `RATE_LIMIT_PER_MINUTE` / `RATE_LIMIT_BURST`.
    var rateLimited: Bool
    var bodyLimit: BodyLimitSetting
    /// One audit entry per request (`AUDIT_ENABLED`).
    var audited: Bool
    /// Waits for a worker: refused with 503 `overloaded` before its body is read when the queue is full
    /// (`MAX_QUEUE`), so that waiting requests hold no uploads in memory.
    var usesWorkers: Bool
}
