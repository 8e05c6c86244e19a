import Synchronization

/// What the layers of one request learn about it: the operation the router matched, and what the handlers
/// decided, for the metrics label and the audit entry. ``RequestIDMiddleware`` creates one per request and
/// reaches it to the inner layers through ``RequestScope/note``.
final class RequestNote: Sendable {
    struct Fields: Sendable {
        /// The OpenAPI operation, once ``OperationPolicyMiddleware`` has matched it.
        var operation: APIOperation?
        var outcome: String?
        var score: Double?
        var reasons: [String] = []
        var challengeID: String?
        var apiKeyID: String?
    }

    private let storage = Mutex(Fields())

    var fields: Fields { storage.withLock { $0 } }

    /// The id of the API key that authenticated the request, without copying the other fields (read on every
    /// rate-limit, token and challenge step).
    var apiKeyID: String? { storage.withLock { $0.apiKeyID } }

    func update(_ change: (inout Fields) -> Void) {
        storage.withLock { change(&$0) }
    }
}
