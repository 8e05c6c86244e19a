import Synchronization

/// The live sessions each API key holds open, against ``LiveServerLimits/sessionsPerKey``.
final class LiveSessionCount: Sendable {
    private let open = Mutex<[String: Int]>([:])
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes a place for `key`; false when it already holds ``limit`` sessions.
    func enter(_ key: String) -> Bool {
        open.withLock { counts in
            guard counts[key, default: 0] < limit else { return false }
            counts[key, default: 0] += 1
            return true
        }
    }

    /// Gives `key`'s place back.
    func leave(_ key: String) {
        open.withLock { counts in
            counts[key, default: 1] -= 1
            if counts[key] == 0 { counts[key] = nil }
        }
    }
}
