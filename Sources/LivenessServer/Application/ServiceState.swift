import LivenessCore
import Synchronization

/// What the HTTP layer needs to know about the passive checker: whether it is loaded yet.
public final class ServiceState: Sendable {
    private let checkerStorage: Mutex<LivenessEngine?>
    private let draining = Mutex(false)

    public init(checker: LivenessEngine? = nil) {
        checkerStorage = Mutex(checker)
    }

    /// The loaded checker, or nil while the models load.
    public var checker: LivenessEngine? { checkerStorage.withLock { $0 } }

    /// Makes the service ready.
    public func attach(_ checker: LivenessEngine) { checkerStorage.withLock { $0 = checker } }

    /// Shutting down: `/health/ready` answers 503 while requests are still served (``DrainService``).
    public func beginDraining() { draining.withLock { $0 = true } }

    /// Whether shutdown has begun.
    public var isDraining: Bool { draining.withLock { $0 } }

    /// Makes the service not ready again (shutting down). Returns the checker that was attached.
    public func detach() -> LivenessEngine? { checkerStorage.withLock { state in defer { state = nil }; return state } }
}
