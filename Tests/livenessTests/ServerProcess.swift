import Foundation
import TestSupport

/// A running `liveness serve` (from ``ServeCommandTests/start(port:environment:)``).
struct ServerProcess: @unchecked Sendable {
    let process: Process

    /// SIGTERM, then the exit status; waits on a thread of its own.
    func stop() async throws -> Int32 {
        try await onThread {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
