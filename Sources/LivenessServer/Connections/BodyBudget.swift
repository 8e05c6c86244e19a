import Synchronization

/// The bytes of request bodies all connections hold at once, against `MAX_BODY_BYTES_IN_FLIGHT`.
///
/// A body counts from its head (its `Content-Length`, up to the largest body allowed) or, without one, as its
/// bytes arrive, until its response is sent or its connection closes. A request that does not fit is refused
/// with 503 `overloaded` before its body is read. Shared by every connection's ``ConnectionGuard``.
final class BodyBudget: Sendable {
    let limit: Int
    private let held = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Bytes reserved now.
    var bytesHeld: Int { held.load(ordering: .relaxed) }

    /// Reserves `bytes` if they fit under the limit.
    func reserve(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        var current = held.load(ordering: .relaxed)
        while current + bytes <= limit {
            let (exchanged, original) = held.compareExchange(expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    func release(_ bytes: Int) {
        if bytes > 0 { held.subtract(bytes, ordering: .relaxed) }
    }
}
