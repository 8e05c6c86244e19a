import LivenessCore
import Synchronization

/// What the HTTP layer needs to know about the passive checker: whether it is loaded yet.
public final class ServiceState: Sendable {
    private let checkerStorage: Mutex<LivenessEngine?>

    public init(checker: LivenessEngine? = nil) {
        checkerStorage = Mutex(checker)
    }

    /// The loaded checker, or nil while the models load.
    public var checker: LivenessEngine? { checkerStorage.withLock { $0 } }

    /// Makes the service ready.
    public func attach(_ checker: LivenessEngine) { checkerStorage.withLock { $0 = checker } }

    /// Makes the service not ready again (shutting down). Returns the checker that was attached.
    public func detach() -> LivenessEngine? { checkerStorage.withLock { state in defer { state = nil }; return state } }
}
