import Logging
import ServiceLifecycle
import UnixSignals

/// Waits for SIGTERM or SIGINT, then keeps serving for `SHUTDOWN_DRAIN_SECONDS` with `/health/ready`
/// answering 503, so that a load balancer stops sending new requests before the server stops accepting
/// connections. Returning ends the service group gracefully (the server drains, the workers stop).
///
/// Configuration key: `SHUTDOWN_DRAIN_SECONDS` (through ``ServerConfiguration``).
public struct DrainService: Service {
    let state: ServiceState
    let seconds: Double
    let logger: Logger

    public init(state: ServiceState, seconds: Double, logger: Logger) {
        self.state = state
        self.seconds = seconds
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let received: UnixSignal? = try? await cancelWhenGracefulShutdown {
            for await signal in signals { return signal }
            return nil
        }
        guard let received = received ?? nil else { return }
        state.beginDraining()
        logger.info("draining before shutdown", metadata: ["signal": "\(received)", "seconds": "\(seconds)"])
        // A second signal ends the drain at once.
        let again = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            group.addTask { for await _ in again { break } }
            await group.next()
            group.cancelAll()
        }
    }
}
