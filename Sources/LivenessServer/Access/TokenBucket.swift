import Foundation

/// A token bucket: `capacity` tokens, refilled at `ratePerSecond`; each request takes one.
struct TokenBucket: Sendable {
    let capacity: Double
    let ratePerSecond: Double
    private(set) var tokens: Double
    private(set) var updated: Date

    init(capacity: Double, ratePerSecond: Double, now: Date) {
        self.capacity = capacity
        self.ratePerSecond = ratePerSecond
        self.tokens = capacity
        self.updated = now
    }

    /// Takes a token if there is one; otherwise returns the seconds until there will be.
    mutating func take(now: Date) -> TimeInterval? {
        tokens = min(capacity, tokens + max(0, now.timeIntervalSince(updated)) * ratePerSecond)
        updated = now
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return (1 - tokens) / ratePerSecond
    }

    /// Returns one token, up to the capacity.
    mutating func refund() { tokens = min(capacity, tokens + 1) }

    /// Full again by `now`: nothing to remember.
    func isIdle(now: Date) -> Bool { tokens + now.timeIntervalSince(updated) * ratePerSecond >= capacity }
}
