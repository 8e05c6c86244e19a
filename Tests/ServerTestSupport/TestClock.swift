import Foundation
import Synchronization

/// A clock the test moves by hand.
public final class TestClock: Sendable {
    public init() {}

    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    public var now: Date { current.withLock { $0 } }
    public func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}
