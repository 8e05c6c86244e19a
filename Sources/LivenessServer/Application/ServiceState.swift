import LivenessCore
import Synchronization

/// What the HTTP layer needs to know about the engine: whether it is loaded yet, and whether shutdown has begun.
public final class ServiceState: Sendable {
    private let engineStorage: Mutex<(any LivenessChecking)?>
    private let draining = Mutex(false)

    public init(engine: (any LivenessChecking)? = nil) {
        engineStorage = Mutex(engine)
    }

    /// The loaded engine, or nil while the models load.
    public var engine: (any LivenessChecking)? { engineStorage.withLock { $0 } }

    /// Makes the service ready.
    public func attach(_ engine: any LivenessChecking) { engineStorage.withLock { $0 = engine } }

    /// Shutting down: `/health/ready` answers 503 while requests are still served (``DrainService``).
    public func beginDraining() { draining.withLock { $0 = true } }

    /// Whether shutdown has begun.
    public var isDraining: Bool { draining.withLock { $0 } }

    /// Makes the service not ready again (shutting down). Returns the engine that was attached.
    public func detach() -> (any LivenessChecking)? {
        engineStorage.withLock { state in
            defer { state = nil }; return state
        }
    }
}
