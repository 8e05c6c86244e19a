import Foundation
import Synchronization

/// Per-client token buckets: one per API key id (or per client address without keys).
///
/// Configuration keys (through ``ServerConfiguration``): `RATE_LIMIT_PER_MINUTE` (default off) and
/// `RATE_LIMIT_BURST` (default: the per-minute rate). `MAX_FAILED_CHALLENGES_PER_HOUR` uses a second
/// limiter that only failed blink attempts draw from.
public final class RateLimiter: Sendable {
    private let capacity: Double
    private let ratePerSecond: Double
    private let buckets = Mutex<[String: TokenBucket]>([:])
    private let now: @Sendable () -> Date

    /// `limit` requests per `period` seconds, with bursts of up to `burst`.
    public init(limit: Int, per period: TimeInterval, burst: Int? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.capacity = Double(max(1, burst ?? limit))
        self.ratePerSecond = Double(limit) / period
        self.now = now
    }

    /// Takes one request from `client`'s bucket; returns the seconds to wait when it is empty.
    public func acquire(_ client: String) -> TimeInterval? {
        let time = now()
        return buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { !$0.value.isIdle(now: time) } }
            var bucket = buckets[client] ?? TokenBucket(capacity: capacity, ratePerSecond: ratePerSecond, now: time)
            let wait = bucket.take(now: time)
            buckets[client] = bucket
            return wait
        }
    }

    /// Gives back a token taken by ``acquire(_:)`` (a reservation that was not used).
    public func refund(_ client: String) {
        buckets.withLock { buckets in buckets[client]?.refund() }
    }
}
