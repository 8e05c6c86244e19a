import LivenessCore
import Synchronization

/// What the HTTP layer needs to know about the passive checker: whether it is loaded yet.
public final class ServiceState: Sendable {
    private let checkerStorage: Mutex<PassiveLivenessChecker?>

    public init(checker: PassiveLivenessChecker? = nil) {
        checkerStorage = Mutex(checker)
    }

    /// The loaded checker, or nil while the models load.
    public var checker: PassiveLivenessChecker? { checkerStorage.withLock { $0 } }

    /// Makes the service ready.
    public func attach(_ checker: PassiveLivenessChecker) { checkerStorage.withLock { $0 = checker } }

    /// Makes the service not ready again (shutting down). Returns the checker that was attached.
    public func detach() -> PassiveLivenessChecker? { checkerStorage.withLock { state in defer { state = nil }; return state } }
}
