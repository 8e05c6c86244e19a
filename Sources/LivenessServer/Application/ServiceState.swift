import LivenessCore
import Synchronization

/// What the HTTP layer needs to know about the passive engine: whether it is loaded yet.
public final class ServiceState: Sendable {
    private let engineStorage: Mutex<LivenessEngine?>
    private let draining = Mutex(false)

    public init(engine: LivenessEngine? = nil) {
        engineStorage = Mutex(engine)
    }

    /// The loaded engine, or nil while the models load.
    public var engine: LivenessEngine? { engineStorage.withLock { $0 } }

    /// Makes the service ready.
    public func attach(_ engine: LivenessEngine) { engineStorage.withLock { $0 = engine } }

    /// Shutting down: `/health/ready` answers 503 while requests are still served (``DrainService``).
    public func beginDraining() { draining.withLock { $0 = true } }

    /// Whether shutdown has begun.
    public var isDraining: Bool { draining.withLock { $0 } }

    /// Makes the service not ready again (shutting down). Returns the engine that was attached.
    public func detach() -> LivenessEngine? {
        engineStorage.withLock { state in
            defer { state = nil }; return state
        }
    }
}
