import Synchronization

/// What the handlers and middleware learn about one request, for its audit entry. ``AuditMiddleware``
/// creates one per audited request and reaches it to the inner layers through ``RequestScope/audit``.
final class AuditNote: Sendable {
    struct Fields: Sendable {
        var outcome: String?
        var score: Double?
        var reasons: [String] = []
        var challengeID: String?
        var apiKeyID: String?
    }

    private let storage = Mutex(Fields())

    var fields: Fields { storage.withLock { $0 } }

    func update(_ change: (inout Fields) -> Void) {
        storage.withLock { change(&$0) }
    }
}
