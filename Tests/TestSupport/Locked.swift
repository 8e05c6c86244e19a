import Synchronization

/// A value shared between a test's concurrent tasks (a sender and a receiver), behind a lock.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public var value: Value { mutex.withLock { $0 } }

    public func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }
}
